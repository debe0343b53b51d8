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

/**
 * The default store: one SQLite file in `dataDir` (or `{ file: ':memory:' }` for tests), safe to
 * share between several processes on one machine.
 *
 * @example const store = await createEmbeddedStore({ dataDir: './.data' });
 */
export async function createEmbeddedStore(location: EmbeddedLocation): Promise<Store> {
  const db = openDatabase(location);
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
      closing ??= write(() => undefined).then(() => {
        db.close();
      });
      return closing;
    },
  };
}
