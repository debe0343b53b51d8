import type { Store } from '../types.js';
import { createCatalogOps } from './createCatalogOps.js';
import { createEventWriter } from './createEventWriter.js';
import { createInboxOps } from './createInboxOps.js';
import { createOutboxOps } from './createOutboxOps.js';
import { createStatsOps } from './createStatsOps.js';
import { createTurnOps } from './createTurnOps.js';
import { createWriteQueue } from './createWriteQueue.js';
import type { EmbeddedLocation } from './openDatabase.js';
import { openDatabase } from './openDatabase.js';
import { startCheckpointThread } from './startCheckpointThread.js';

export interface EmbeddedStoreOptions {
  /**
   * Where the write-ahead log is copied back into the data file. `inline` (the default): by the
   * writing connection, inside the commit that fills the log, which then takes tens of
   * milliseconds. `thread`: continuously, on a thread and connection of its own (see
   * `runCheckpoints`), so commits never wait for it; if that thread stops, `inline` takes over.
   */
  checkpoints?: 'inline' | 'thread';
}

/**
 * The default store: one SQLite file in `dataDir` (or `{ file: ':memory:' }` for tests), safe to
 * share between several processes on one machine.
 *
 * @example const store = await createEmbeddedStore({ dataDir: './.data' });
 */
export async function createEmbeddedStore(location: EmbeddedLocation, options: EmbeddedStoreOptions = {}): Promise<Store> {
  const db = openDatabase(location);
  const checkpointer = options.checkpoints === 'thread' && !db.memory ? startCheckpointThread(db) : undefined;
  const events = createEventWriter(db);
  const write = createWriteQueue(db, { beforeCommit: events.flush, onRollback: events.discard });
  const ping = db.prepare<[], { ok: number }>('SELECT 1 AS ok');
  let closing: Promise<void> | undefined;
  return {
    kind: 'embedded',
    ...createTurnOps(db, write, events),
    ...createOutboxOps(db, write),
    ...createCatalogOps(db, write),
    ...createStatsOps(db),
    ...createInboxOps(db, write),
    ping: async () => {
      try {
        return db.open && ping.get()?.ok === 1;
      } catch {
        return false;
      }
    },
    // Queued writes are flushed first: a write on the queue runs before the close it was asked before.
    close: () => {
      closing ??= write(() => undefined).then(async () => {
        await checkpointer?.stop();
        db.close();
      });
      return closing;
    },
  };
}

