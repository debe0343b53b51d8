import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe } from 'vitest';
import { createEmbeddedStore } from './embedded/createEmbeddedStore.js';
import { createWorkerStore } from './embedded/createWorkerStore.js';
import { createMongoStore } from './mongo/createMongoStore.js';
import { describeInboxContract } from './inbox.contract.js';
import { describeStatsContract } from './stats.contract.js';
import { describeStoreContract } from './store.contract.js';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describeStoreContract('embedded (file)', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-store-'));
  roots.push(dataDir);
  const store = await createEmbeddedStore({ dataDir });
  return { store, dispose: () => store.close() };
});

describeStoreContract('embedded (file, on a worker thread)', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-store-'));
  roots.push(dataDir);
  const store = await createWorkerStore({ dataDir });
  return { store, dispose: () => store.close() };
});

describeStoreContract('embedded (memory)', async () => {
  const store = await createEmbeddedStore({ file: ':memory:' });
  return { store, dispose: () => store.close() };
});

describeInboxContract('embedded (memory)', async () => {
  const store = await createEmbeddedStore({ file: ':memory:' });
  return { store, dispose: () => store.close() };
});

describeStatsContract('embedded (file)', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-stats-'));
  roots.push(dataDir);
  const store = await createEmbeddedStore({ dataDir });
  return { store, dispose: () => store.close() };
});

describeStatsContract('embedded (memory)', async () => {
  const store = await createEmbeddedStore({ file: ':memory:' });
  return { store, dispose: () => store.close() };
});

const mongoUri = process.env.TEST_MONGODB_URI;

describe.skipIf(!mongoUri)('mongo (set TEST_MONGODB_URI to run; skipped without a real MongoDB)', () => {
  // Each test gets its own database, dropped afterwards, so runs never see each other's data.
  const mongoFactory = async () => {
    const url = new URL(mongoUri ?? 'mongodb://localhost');
    url.pathname = `/switchboard_test_${randomUUID().slice(0, 8)}`;
    const store = await createMongoStore({ uri: url.toString() });
    return {
      store,
      dispose: async () => {
        await store.close();
        const connection = await mongoose.createConnection(url.toString()).asPromise();
        await connection.dropDatabase();
        await connection.close();
      },
    };
  };
  describeStoreContract('mongo', mongoFactory);
  describeInboxContract('mongo', mongoFactory);
  describeStatsContract('mongo', mongoFactory);
});
