import type { Worker } from 'node:worker_threads';
import { STORE_ERROR_CODES, StoreError, type StoreErrorCode } from '../StoreError.js';
import type { Store } from '../types.js';
import type { EmbeddedLocation } from './openDatabase.js';
import { spawnModuleWorker } from './spawnModuleWorker.js';
import type { CallBatch, ResultBatch, WireCall, WireError } from './workerProtocol.js';

const storeErrorCodes: ReadonlySet<string> = new Set(STORE_ERROR_CODES);

export interface WorkerStoreOptions {
  /** Told when the store's thread stops unexpectedly and when it is back. */
  onThreadEvent?: (event: { kind: 'stopped'; error: string } | { kind: 'restarted'; after: number } | { kind: 'restart-failed'; error: string }) => void;
  /** First wait before opening the store again after its thread stopped; doubles up to 5 s. */
  restartDelayMs?: number;
  /** How the thread is started (tests use it to reach the thread). */
  spawn?: (location: EmbeddedLocation) => Worker;
}

/**
 * The embedded store run on a worker thread: the same store (and the same file format, so other
 * processes may open the file in-thread), but SQLite's statements and the disk sync of every
 * commit no longer hold up the server's event loop. Calls made in one turn of the event loop cross
 * to the worker as one message, in call order.
 *
 * If the thread stops unexpectedly, the calls it had not answered are rejected (a write among them
 * may or may not have committed, exactly as if the process had crashed, and every caller already
 * copes with that) and the store is opened again on a new thread, with backoff. Calls made in the
 * meantime wait for it; `ping()` answers false until it is back.
 *
 * @example const store = await createWorkerStore({ dataDir: './.data' });
 */
export async function createWorkerStore(location: EmbeddedLocation, options: WorkerStoreOptions = {}): Promise<Store> {
  const spawn = options.spawn ?? spawnStoreWorker;
  const firstDelayMs = options.restartDelayMs ?? 100;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let outgoing: WireCall[] = [];
  let flushScheduled = false;
  let worker: Worker | null = null;
  let closed: Error | null = null;
  let restarting = false;

  const rejectAll = (error: Error): void => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    outgoing = [];
  };

  const flush = (): void => {
    flushScheduled = false;
    if (!worker || outgoing.length === 0) return; // while restarting, calls wait in `outgoing`
    const calls = outgoing;
    outgoing = [];
    worker.postMessage({ calls } satisfies CallBatch);
  };

  const onResults = ({ results }: ResultBatch): void => {
    for (const [id, ok, value] of results) {
      const call = pending.get(id);
      if (!call) continue;
      pending.delete(id);
      if (ok) call.resolve(value);
      else call.reject(toError(value));
    }
    if (pending.size === 0) worker?.unref();
  };

  /** Starts a thread and resolves once its store is open. */
  const open = async (): Promise<Worker> => {
    const thread = spawn(location);
    await new Promise<void>((resolve, reject) => {
      const onFirst = (message: { ready?: boolean; error?: string }) => {
        done();
        if (message.ready) resolve();
        else reject(new Error(`the store could not open: ${message.error ?? 'unknown error'}`));
      };
      const onError = (error: Error) => {
        done();
        reject(error);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`the store's thread exited with code ${code} while opening`));
      };
      // Only our own listeners come off: the worker keeps internal ones of its own.
      const done = () => {
        thread.off('message', onFirst);
        thread.off('error', onError);
        thread.off('exit', onExit);
      };
      thread.on('message', onFirst);
      thread.on('error', onError);
      thread.on('exit', onExit);
    });
    let reason = '';
    thread.on('message', onResults);
    thread.on('error', (error) => {
      reason = error.message;
    });
    thread.on('exit', (code) => {
      if (worker !== thread) return;
      worker = null;
      if (closed) return rejectAll(closed);
      const error = `the store's thread stopped (exit code ${code}${reason ? `: ${reason}` : ''})`;
      rejectAll(unavailable(`${error}; the store is being opened again`));
      options.onThreadEvent?.({ kind: 'stopped', error });
      void restart();
    });
    thread.unref();
    return thread;
  };

  const restart = async (): Promise<void> => {
    if (restarting) return;
    restarting = true;
    const began = Date.now();
    for (let delay = firstDelayMs; !closed; delay = Math.min(5_000, delay * 2)) {
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      if (closed) break;
      try {
        const thread = await open();
        if (closed) {
          await thread.terminate();
          break;
        }
        worker = thread;
        restarting = false;
        options.onThreadEvent?.({ kind: 'restarted', after: Date.now() - began });
        if (pending.size > 0) worker.ref();
        flush();
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Calls waiting for the store get the reason now rather than hanging through every retry.
        rejectAll(unavailable(message));
        options.onThreadEvent?.({ kind: 'restart-failed', error: message });
      }
    }
    restarting = false;
  };

  worker = await open();

  const call = (method: string, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(closed);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      if (pending.size === 1) worker?.ref();
      outgoing.push([id, method, args]);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    });

  let closing: Promise<void> | undefined;
  const operations = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const special: Partial<Store> = {
    kind: 'embedded',
    ping: () => (closed || !worker ? Promise.resolve(false) : (call('ping', []) as Promise<boolean>).catch(() => false)),
    close: () => {
      closing ??= (async () => {
        const thread = worker;
        const done = thread ? (call('close', []) as Promise<void>).catch(() => undefined) : Promise.resolve();
        closed = new Error("the store's thread has stopped (the store was closed)");
        await done;
        await thread?.terminate();
        rejectAll(closed);
      })();
      return closing;
    },
  };
  return new Proxy(special, {
    get(target, property) {
      if (typeof property !== 'string' || property === 'then') return undefined;
      if (property in target) return target[property as keyof Store];
      let operation = operations.get(property);
      if (!operation) {
        operation = (...args: unknown[]) => call(property, args);
        operations.set(property, operation);
      }
      return operation;
    },
  }) as Store;
}

/** The backend is down (not a caller's mistake, so not a StoreError): the HTTP layer answers 500 and callers retry. */
function unavailable(message: string): Error {
  const error = new Error(message);
  error.name = 'StoreUnavailableError';
  return error;
}

function toError(wire: WireError): Error {
  if (wire.name === 'StoreError' && wire.code && storeErrorCodes.has(wire.code)) {
    return new StoreError(wire.code as StoreErrorCode, wire.message);
  }
  const error = new Error(wire.message);
  error.name = wire.name;
  return error;
}

/** Starts the store's thread (`storeWorker`). */
export function spawnStoreWorker(location: EmbeddedLocation): Worker {
  return spawnModuleWorker('storeWorker', location);
}
