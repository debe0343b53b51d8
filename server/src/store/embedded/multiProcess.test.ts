import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../types.js';
import { createEmbeddedStore } from './createEmbeddedStore.js';
import type { ContendReport, ContendTask } from './testing/contendWorker.js';

const worker = fileURLToPath(new URL('./testing/contendWorker.ts', import.meta.url));
const NOW = 1_700_000_000_000;

/** Starts one worker process per task, releases them together and collects what each won. */
async function contend(tasks: ContendTask[]): Promise<string[][]> {
  const children = tasks.map((task) => {
    const child = fork(worker, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = new Promise<void>((resolve) => child.once('message', () => resolve()));
    const done = new Promise<string[]>((resolve, reject) => {
      child.on('message', (report: ContendReport) => {
        if ('won' in report) resolve(report.won);
      });
      child.once('exit', (code) => {
        if (code !== 0) reject(new Error(`worker exited with ${code}`));
      });
    });
    child.send(task);
    return { child, ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const { child } of children) child.send('go');
  return Promise.all(children.map((c) => c.done));
}

describe('embedded store shared by several processes', () => {
  let dataDir: string;
  let store: Store;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-mp-'));
    store = await createEmbeddedStore({ dataDir });
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives each conversation lease to exactly one of two processes', async () => {
    const { inserted } = await store.insertInbound(
      Array.from({ length: 150 }, (_, i) => ({ channel: 'whatsapp' as const, businessNumberId: 'pn', customerId: `c${i}`, profileName: null, wamid: `w${i}`, content: 'hi', at: NOW })),
      NOW,
    );
    const ids = inserted.map((m) => m.conversationId);
    const [a = [], b = []] = await contend([
      { mode: 'lease', dataDir, owner: 'a', now: NOW, conversationIds: ids },
      { mode: 'lease', dataDir, owner: 'b', now: NOW, conversationIds: [...ids].reverse() },
    ]);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect(new Set([...a, ...b])).toEqual(new Set(ids));
  }, 60_000);

  it('never lets two processes claim the same outbound message', async () => {
    const { inserted } = await store.insertInbound(
      Array.from({ length: 40 }, (_, i) => ({ channel: 'whatsapp' as const, businessNumberId: 'pn', customerId: `c${i}`, profileName: null, wamid: `w${i}`, content: 'hi', at: NOW })),
      NOW,
    );
    const queued: string[] = [];
    for (const message of inserted) {
      const result = await store.commitTurn({
        conversationId: message.conversationId,
        turnKey: `in:${message.id}`,
        expectedVersion: 0,
        snapshot: null,
        processedInboundId: message.id,
        outbound: [1, 2, 3].map((n) => ({ sender: 'bot' as const, content: { n } })),
        events: [],
        scheduleTimers: [],
        cancelTimers: [],
        now: NOW,
      });
      if (result.ok) queued.push(...result.outbound.map((m) => m.id));
    }
    const [a = [], b = []] = await contend([
      { mode: 'claim', dataDir, owner: 'a', now: NOW },
      { mode: 'claim', dataDir, owner: 'b', now: NOW },
    ]);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect([...a, ...b].sort()).toEqual([...queued].sort());
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  }, 60_000);
});
