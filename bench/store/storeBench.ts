// Rough cost of the store operations one inbound message needs (insertInbound + commitTurn +
// claimOutbox + markSent) on the embedded store. Run: npx tsx bench/store/storeBench.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedStore } from '../../server/src/store/embedded/createEmbeddedStore.js';
import type { Store } from '../../server/src/store/types.js';

const NOW = 1_700_000_000_000;

async function oneMessage(store: Store, i: number, withLease: boolean): Promise<void> {
  const { inserted } = await store.insertInbound(
    [{ channel: 'whatsapp', businessNumberId: 'pn', customerId: `c${i % 5000}`, profileName: 'Ann', wamid: `w${i}`, content: { type: 'text', text: 'hello there' }, at: NOW + i }],
    NOW + i,
  );
  const message = inserted[0];
  if (!message) throw new Error('not inserted');
  const conversation = withLease ? await store.getConversation(message.conversationId) : null;
  if (withLease) {
    await store.acquireLease(message.conversationId, 'bench', NOW + i, 30_000);
    await store.nextPendingInbound(message.conversationId);
  }
  const result = await store.commitTurn({
    conversationId: message.conversationId,
    turnKey: `in:${message.id}`,
    expectedVersion: conversation?.version ?? Math.floor(i / 5000),
    snapshot: { value: 'menu', context: { name: 'Ann', lang: 'en', counter: i }, history: [] },
    processedInboundId: message.id,
    outbound: [{ sender: 'bot', content: { type: 'text', text: 'Hi! Choose an option', buttons: ['A', 'B', 'C'] } }],
    events: [{ type: 'node.enter', at: NOW + i, flowId: 'main', nodeId: 'menu', data: null }],
    scheduleTimers: [],
    cancelTimers: [],
    now: NOW + i,
  });
  if (!result.ok) throw new Error(`commit ${result.reason}`);
  if (withLease) await store.releaseLease(message.conversationId, 'bench');
  const claimed = await store.claimOutbox('bench', NOW + i, 30_000, 1);
  for (const m of claimed) await store.markSent(m.id, `out.${m.id}`, NOW + i);
}

async function run(label: string, store: Store, total: number, concurrency: number, withLease: boolean): Promise<void> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await oneMessage(store, next++, withLease);
    }),
  );
  const us = Number(process.hrtime.bigint() - started) / 1000;
  console.log(`${label.padEnd(44)} ${(us / total).toFixed(0).padStart(6)} µs/message  ${Math.round((total / us) * 1e6)} messages/s`);
}

const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
try {
  for (const [concurrency, total] of [[1, 500], [16, 5000], [64, 10000]] as const) {
    for (const withLease of [false, true]) {
      const file = await createEmbeddedStore({ dataDir: join(dir, `c${concurrency}${withLease ? 'l' : ''}`) });
      await run(`file, FULL sync, ${concurrency} in flight${withLease ? ', +lease/read' : ''}`, file, total, concurrency, withLease);
      await file.close();
    }
  }
  const memory = await createEmbeddedStore({ file: ':memory:' });
  await run('memory (CPU only), 1 in flight', memory, 10000, 1, false);
  await memory.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
