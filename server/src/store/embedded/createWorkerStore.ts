import { Worker } from 'node:worker_threads';
import { STORE_ERROR_CODES, StoreError, type StoreErrorCode } from '../StoreError.js';
import type { Store } from '../types.js';
import type { EmbeddedLocation } from './openDatabase.js';
import type { CallBatch, ResultBatch, WireCall, WireError } from './workerProtocol.js';

const storeErrorCodes: ReadonlySet<string> = new Set(STORE_ERROR_CODES);

/**
 * The embedded store run on a worker thread: the same store (and the same file format, so other
 * processes may open the file in-thread), but SQLite's statements and the disk sync of every
 * commit no longer hold up the server's event loop. Calls made in one turn of the event loop cross
 * to the worker as one message, in call order.
 *
 * @example const store = await createWorkerStore({ dataDir: './.data' });
 */
export async function createWorkerStore(location: EmbeddedLocation): Promise<Store> {
  const worker = spawnWorker(location);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let outgoing: WireCall[] = [];
  let broken: Error | null = null;

  const failAll = (error: Error): void => {
    broken ??= error;
    for (const { reject } of pending.values()) reject(broken);
    pending.clear();
  };

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
      worker.off('message', onFirst);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onFirst);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
  worker.on('message', ({ results }: ResultBatch) => {
    for (const [id, ok, value] of results) {
      const call = pending.get(id);
      if (!call) continue;
      pending.delete(id);
      if (ok) call.resolve(value);
      else call.reject(toError(value));
    }
    if (pending.size === 0) worker.unref();
  });
  worker.on('error', (error) => failAll(new Error(`the store's thread failed: ${error.message}`)));
  worker.on('exit', (code) => failAll(new Error(`the store's thread has stopped (exit code ${code})`)));
  worker.unref();

  const flush = (): void => {
    const calls = outgoing;
    outgoing = [];
    worker.postMessage({ calls } satisfies CallBatch);
  };

  const call = (method: string, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (broken) return reject(broken);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      if (pending.size === 1) worker.ref();
      if (outgoing.length === 0) setImmediate(flush);
      outgoing.push([id, method, args]);
    });

  let closing: Promise<void> | undefined;
  const operations = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const special: Partial<Store> = {
    kind: 'embedded',
    ping: () => (broken ? Promise.resolve(false) : (call('ping', []) as Promise<boolean>).catch(() => false)),
    close: () => {
      closing ??= (call('close', []) as Promise<void>).finally(() => worker.terminate().then(() => undefined));
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

function toError(wire: WireError): Error {
  if (wire.name === 'StoreError' && wire.code && storeErrorCodes.has(wire.code)) {
    return new StoreError(wire.code as StoreErrorCode, wire.message);
  }
  const error = new Error(wire.message);
  error.name = wire.name;
  return error;
}

/**
 * Built code runs `storeWorker.js`. From source (tests, `tsx`) a worker cannot load TypeScript by
 * itself, so a two-line bootstrap registers tsx in the worker first.
 */
function spawnWorker(location: EmbeddedLocation): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./storeWorker.js', import.meta.url), { workerData: location });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./storeWorker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  // Only the parent's resolution conditions carry over: a second tsx loader from `--import` hangs the worker.
  const execArgv = process.execArgv.flatMap((arg, i, all) =>
    arg.startsWith('--conditions=') ? [arg] : arg === '--conditions' && all[i + 1] ? [arg, all[i + 1] as string] : [],
  );
  return new Worker(bootstrap, { eval: true, workerData: location, execArgv });
}
