import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { runCheckpoints } from './runCheckpoints.js';

/**
 * The thread that copies the write-ahead log back into the data file (see `runCheckpoints`), on a
 * connection of its own, so that a checkpoint never sits inside one of the store's commits.
 */
const port = parentPort;
if (!port) throw new Error('checkpointWorker must run as a worker thread');

const db = new Database((workerData as { file: string }).file);
const stop = runCheckpoints(db);
port.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  stop();
  db.close();
  port.close();
});
