import { parentPort, workerData } from 'node:worker_threads';
import type { Store } from '../types.js';
import { createEmbeddedStore } from './createEmbeddedStore.js';
import type { EmbeddedLocation } from './openDatabase.js';
import type { CallBatch, ResultBatch, WireResult } from './workerProtocol.js';

/**
 * The embedded store's own thread: SQLite's work and, above all, its disk syncs happen here, so
 * the server's event loop never waits on a commit. Calls arrive in batches and are started in
 * arrival order (so the write queue groups and orders them exactly as it would in one thread);
 * results go back in batches too.
 */
const port = parentPort;
if (!port) throw new Error('storeWorker must run as a worker thread');

let store: Store;
try {
  store = await createEmbeddedStore(workerData as EmbeddedLocation, { checkpoints: 'thread' });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

let outgoing: WireResult[] = [];
const flush = (): void => {
  const results = outgoing;
  outgoing = [];
  port.postMessage({ results } satisfies ResultBatch);
};
const settle = (result: WireResult): void => {
  if (outgoing.length === 0) setImmediate(flush);
  outgoing.push(result);
};

port.on('message', ({ calls }: CallBatch) => {
  for (const [id, method, args] of calls) {
    let pending: Promise<unknown>;
    try {
      const fn = (store as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
      if (typeof fn !== 'function') throw new Error(`the store has no operation ${method}`);
      pending = fn(...args);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (value) => settle([id, true, value]),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        settle([id, false, { name: e.name, message: e.message, ...('code' in e && typeof e.code === 'string' ? { code: e.code } : {}) }]);
      },
    );
    if (method === 'close') {
      const closePort = () => setImmediate(() => port.close());
      pending.then(closePort, closePort);
    }
  }
});
