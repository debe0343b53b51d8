import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { INLINE_CHECKPOINT_PAGES } from './openDatabase.js';
import { spawnModuleWorker } from './spawnModuleWorker.js';

/** With checkpoints on their own thread, the writer still checkpoints by itself past this many pages, should that thread fall behind. */
export const FALLBACK_CHECKPOINT_PAGES = 50_000;

/**
 * Moves `db`'s checkpoints to `checkpointWorker`, on a connection of its own; the writer keeps only
 * a far-off fallback of its own. If the thread stops unexpectedly, the writer goes back to
 * checkpointing by itself, so the log never grows without bound.
 */
export function startCheckpointThread(
  db: Database.Database,
  spawn: (file: string) => Worker = (file) => spawnModuleWorker('checkpointWorker', { file }),
): { stop(): Promise<void> } {
  db.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
  const thread = spawn(db.name);
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    thread.once('exit', () => {
      if (!stopping && db.open) db.pragma(`wal_autocheckpoint = ${INLINE_CHECKPOINT_PAGES}`);
      resolve();
    });
  });
  thread.on('error', () => undefined); // the exit handler above takes over
  thread.unref();
  return {
    stop: async () => {
      stopping = true;
      thread.postMessage('stop');
      const timeout = setTimeout(() => void thread.terminate(), 5_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
