import mongoose from 'mongoose';
import type { Store } from '../types.js';
import { createCatalogOps } from './createCatalogOps.js';
import { createInboxOps } from './createInboxOps.js';
import { createOutboxOps } from './createOutboxOps.js';
import { createStatsOps } from './createStatsOps.js';
import { createTurnOps } from './createTurnOps.js';
import { createModels } from './models.js';

/**
 * The production store: MongoDB through its own mongoose connection (never the global one, so
 * several stores and tests can coexist). Indexes are built before the store is handed out, because
 * idempotency rests on the unique ones.
 *
 * @example const store = await createMongoStore({ uri: process.env.MONGODB_URI });
 */
export async function createMongoStore({ uri }: { uri: string }): Promise<Store> {
  const connection = await mongoose.createConnection(uri, { autoIndex: false, autoCreate: true }).asPromise();
  try {
    const models = createModels(connection);
    for (const model of Object.values(models)) await model.createIndexes();
    return {
      kind: 'mongo',
      ...createTurnOps(models),
      ...createOutboxOps(models),
      ...createCatalogOps(models),
      ...createStatsOps(models),
      ...(await createInboxOps(connection, models)),
      ping: async () => {
        try {
          const db = connection.db;
          if (!db) return false;
          const answer = await db.admin().ping();
          return answer.ok === 1;
        } catch {
          return false;
        }
      },
      close: () => connection.close(),
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
