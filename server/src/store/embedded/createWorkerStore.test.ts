import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../StoreError.js';
import { createWorkerStore } from './createWorkerStore.js';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('createWorkerStore', () => {
  it('says plainly when the store cannot open, instead of hanging', async () => {
    const root = await mkdtemp(join(tmpdir(), 'switchboard-worker-'));
    roots.push(root);
    const notADirectory = join(root, 'file');
    await writeFile(notADirectory, 'x');
    await expect(createWorkerStore({ dataDir: notADirectory })).rejects.toThrow(/store could not open/);
  });

  it('gives back store errors as StoreError with their code', async () => {
    const store = await createWorkerStore({ file: ':memory:' });
    const error = await store
      .commitTurn({ conversationId: 'nope', turnKey: 'k', expectedVersion: 0, snapshot: null, outbound: [], events: [], scheduleTimers: [], cancelTimers: [], now: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'store/unknown-conversation' });
    await store.close();
  });

  it('keeps the order of writes across the thread: of two stores of one wamid, the first wins', async () => {
    const store = await createWorkerStore({ file: ':memory:' });
    const message = (profileName: string) => ({ channel: 'whatsapp' as const, businessNumberId: '1', customerId: 'c1', profileName, wamid: 'w1', content: { kind: 'text', text: 'hi' }, at: 5 });
    const [first, second] = await Promise.all([store.insertInbound([message('First')], 5), store.insertInbound([message('Second')], 5)]);
    expect(first).toMatchObject({ inserted: [{ wamid: 'w1' }], duplicates: 0 });
    expect(second).toMatchObject({ inserted: [], duplicates: 1 });
    expect((await store.findConversation('whatsapp', '1', 'c1'))?.profileName).toBe('First');
    await store.close();
  });

  it('answers ping with false and rejects calls once closed', async () => {
    const store = await createWorkerStore({ file: ':memory:' });
    expect(await store.ping()).toBe(true);
    await store.close();
    expect(await store.ping()).toBe(false);
    await expect(store.getConversation('x')).rejects.toThrow(/stopped/);
  });
});
