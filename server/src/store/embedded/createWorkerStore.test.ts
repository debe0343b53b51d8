import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../StoreError.js';
import type { Worker } from 'node:worker_threads';
import { createWorkerStore, spawnStoreWorker } from './createWorkerStore.js';

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

  it('opens the store again on a new thread when its thread dies, and keeps what was committed', async () => {
    const root = await mkdtemp(join(tmpdir(), 'switchboard-worker-'));
    roots.push(root);
    const threads: Worker[] = [];
    const events: string[] = [];
    const store = await createWorkerStore(
      { dataDir: root },
      {
        restartDelayMs: 10,
        spawn: (location) => {
          const thread = spawnStoreWorker(location);
          threads.push(thread);
          return thread;
        },
        onThreadEvent: (event) => events.push(event.kind),
      },
    );
    const message = (wamid: string) => ({ channel: 'whatsapp' as const, businessNumberId: '1', customerId: 'c1', profileName: 'Ann', wamid, content: { kind: 'text', text: 'hi' }, at: 5 });
    await store.insertInbound([message('w1')], 5);

    // A call the dying thread never answers is rejected with the reason, not left hanging.
    const inFlight = store.findConversation('whatsapp', '1', 'c1');
    await threads[0]?.terminate();
    await expect(inFlight).rejects.toThrow(/store's thread stopped .*opened again/);
    expect(await store.ping()).toBe(false);

    // Calls made while it restarts wait for the new thread, then run there on the same data.
    const conversation = await store.findConversation('whatsapp', '1', 'c1');
    expect(conversation?.profileName).toBe('Ann');
    expect(threads).toHaveLength(2);
    expect(events).toEqual(['stopped', 'restarted']);
    expect(await store.ping()).toBe(true);
    expect(await store.insertInbound([message('w1'), message('w2')], 6)).toMatchObject({ duplicates: 1, inserted: [{ wamid: 'w2' }] });
    await store.close();
    expect(await store.ping()).toBe(false);
  });

  it('rejects waiting calls with the reason when the store cannot be opened again, and keeps trying', async () => {
    const root = await mkdtemp(join(tmpdir(), 'switchboard-worker-'));
    roots.push(root);
    const threads: Worker[] = [];
    const failures: string[] = [];
    let failOpen = false;
    const store = await createWorkerStore(
      { dataDir: root },
      {
        restartDelayMs: 10,
        spawn: (location) => {
          const thread = spawnStoreWorker(failOpen ? { dataDir: join(root, 'missing', '\0') } : location);
          threads.push(thread);
          return thread;
        },
        onThreadEvent: (event) => {
          if (event.kind === 'restart-failed') failures.push(event.error);
        },
      },
    );
    failOpen = true;
    await threads[0]?.terminate();
    await expect(store.getConversation('x')).rejects.toThrow(/could not open|exited|stopped/);
    failOpen = false;
    await expect.poll(() => store.ping(), { timeout: 5000 }).toBe(true);
    expect(failures.length).toBeGreaterThan(0);
    await store.close();
  });

  it('closes on a data file, with its checkpoint thread running, and leaves no log behind', async () => {
    const root = await mkdtemp(join(tmpdir(), 'switchboard-worker-'));
    roots.push(root);
    const store = await createWorkerStore({ dataDir: root });
    const message = (wamid: string) => ({ channel: 'whatsapp' as const, businessNumberId: '1', customerId: 'c1', profileName: 'Ann', wamid, content: { kind: 'text', text: 'hi' }, at: 5 });
    for (let i = 0; i < 20; i++) await store.insertInbound([message(`w${i}`)], 5);
    await store.close();
    // SQLite removes the log only when the last connection to the file closes.
    await expect(access(join(root, 'switchboard.sqlite-wal'))).rejects.toThrow(/ENOENT/);
  });
});
