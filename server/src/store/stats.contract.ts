import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, seedStatsHistory } from '../stats/testing/seedStatsHistory.js';
import { STAT_METRICS } from './statMetrics.js';
import type { StatCountRow, Store, TurnCommit } from './types.js';
import type { StoreFactory } from './store.contract.js';

const DAY = { from: at(0), to: at(24) };
const compact = (rows: StatCountRow[]) => rows.map((r) => [r.metric, r.flowId, r.nodeId, r.key, r.n]);

/**
 * The statistics every `Store` adapter must produce for the seeded history (see seedStatsHistory):
 * exact counters per hour and per dimension, open flow runs, handoff episodes and the conversation mix.
 */
export function describeStatsContract(name: string, factory: StoreFactory): void {
  describe(`Stats contract: ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ store, dispose } = await factory());
      await seedStatsHistory(store);
    });
    afterEach(async () => {
      await dispose();
    });

    it('counts received messages per UTC hour', async () => {
      const rows = await store.statCounts({ ...DAY, metrics: [STAT_METRICS.received], by: 'hour' });
      expect(rows.map((r) => [new Date(r.hour ?? 0).getUTCHours(), r.n])).toEqual([
        [10, 4],
        [12, 1],
        [14, 1],
        [15, 1],
        [16, 1],
        [17, 1],
        [18, 1],
        [23, 1],
      ]);
    });

    it('counts each delivery status once, on the hour the message was created, by flow and template', async () => {
      const rows = await store.statCounts({ ...DAY, metrics: [STAT_METRICS.created, STAT_METRICS.sent, STAT_METRICS.delivered, STAT_METRICS.read, STAT_METRICS.failed], by: 'dims' });
      const sorted = compact(rows).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(sorted).toEqual(
        [
          ['msg.out', 'main', null, null, 5],
          ['msg.out', 'faq', null, null, 1],
          ['msg.out', 'faq', null, 'order_update', 1],
          ['msg.out', null, null, null, 2],
          ['msg.sent', 'main', null, null, 4],
          ['msg.sent', 'faq', null, null, 1],
          ['msg.sent', 'faq', null, 'order_update', 1],
          ['msg.sent', null, null, null, 2],
          ['msg.delivered', 'main', null, null, 3],
          ['msg.delivered', 'faq', null, null, 1],
          ['msg.delivered', 'faq', null, 'order_update', 1],
          ['msg.delivered', null, null, null, 2],
          ['msg.read', 'main', null, null, 3],
          ['msg.read', 'faq', null, 'order_update', 1],
          ['msg.failed', 'main', null, null, 1],
        ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      );
    });

    it('counts a customer message within 24 hours of a template as its reply', async () => {
      const rows = await store.statCounts({ ...DAY, metrics: [STAT_METRICS.templateReplied], by: 'hour' });
      expect(rows.map((r) => [new Date(r.hour ?? 0).getUTCHours(), r.n])).toEqual([[13, 1]]);
    });

    it('counts visits, edges, starts, ends, handoff places and drop-offs per flow and node', async () => {
      const rows = await store.statCounts({
        ...DAY,
        metrics: [STAT_METRICS.nodeVisit, STAT_METRICS.edge, STAT_METRICS.flowStart, STAT_METRICS.flowEnd, STAT_METRICS.handoff, STAT_METRICS.drop],
        by: 'dims',
      });
      const sorted = compact(rows).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(sorted).toEqual(
        [
          ['node.visit', 'main', 'start', null, 4],
          ['node.visit', 'main', 'menu', null, 4],
          ['node.visit', 'main', 'ask', null, 2],
          ['node.visit', 'main', 'human', null, 1],
          ['node.visit', 'faq', 'start', null, 2],
          ['node.visit', 'faq', 'answer', null, 2],
          ['node.visit', 'faq', 'end', null, 2],
          ['edge', 'main', 'start', 'menu', 4],
          ['edge', 'main', 'menu', 'ask', 2],
          ['edge', 'main', 'ask', 'human', 1],
          ['edge', 'faq', 'start', 'answer', 2],
          ['edge', 'faq', 'answer', 'end', 2],
          ['flow.start', 'main', null, null, 4],
          ['flow.start', 'faq', null, null, 2],
          ['flow.end', 'faq', null, null, 2],
          ['handoff', 'main', 'human', 'requested', 1],
          ['handoff', 'main', 'menu', 'notUnderstood', 1],
          ['handoff', null, null, 'flow', 1],
          ['drop', 'main', 'menu', null, 1],
        ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      );
    });

    it('counts NLU decisions by intent and not-understood texts normalised', async () => {
      const rows = await store.statCounts({ ...DAY, metrics: [STAT_METRICS.nlu, STAT_METRICS.nluMiss, STAT_METRICS.missText], by: 'dims' });
      const sorted = compact(rows).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(sorted).toEqual(
        [
          ['nlu', null, null, null, 2],
          ['nlu', null, null, 'greet', 1],
          ['nlu.miss', 'main', 'ask', null, 1],
          ['nlu.miss', null, null, null, 1],
          ['miss.text', null, null, 'where is my parcel??', 2],
        ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      );
    });

    it('keeps hours outside the range out', async () => {
      const rows = await store.statCounts({ from: at(11), to: at(15), metrics: [STAT_METRICS.received], by: 'dims' });
      expect(compact(rows)).toEqual([['msg.in', null, null, null, 2]]);
      // A range starting mid-hour starts at the next whole hour.
      const partial = await store.statCounts({ from: at(10, 30), to: at(13), metrics: [STAT_METRICS.received], by: 'dims' });
      expect(compact(partial)).toEqual([['msg.in', null, null, null, 1]]);
    });

    it('lists open flow runs by the node they sit on', async () => {
      expect(await store.openFlowRuns(DAY)).toEqual([{ flowId: 'main', nodeId: 'ask', n: 1 }]);
      expect(await store.openFlowRuns({ from: at(0), to: at(23) })).toEqual([]);
    });

    it('reconstructs handoff episodes with first response, responses and resolution', async () => {
      const episodes = await store.handoffEpisodes(DAY);
      expect(episodes).toEqual([
        {
          conversationId: expect.any(String),
          customerId: '79161234567',
          queue: 'support',
          reason: 'requested',
          handoffAt: at(10, 6),
          operatorId: 'op-1',
          firstResponseAt: at(10, 9),
          firstResponderId: 'op-1',
          closedAt: at(10, 30),
          responses: [
            { operatorId: 'op-1', ms: 180_000 },
            { operatorId: 'op-1', ms: 120_000 },
          ],
        },
        { conversationId: expect.any(String), customerId: '4915112345678', queue: 'sales', reason: 'notUnderstood', handoffAt: at(15), operatorId: null, firstResponseAt: null, firstResponderId: null, closedAt: at(15, 20), responses: [] },
        { conversationId: expect.any(String), customerId: '77011234567', queue: 'support', reason: 'flow', handoffAt: at(16), operatorId: null, firstResponseAt: null, firstResponderId: null, closedAt: null, responses: [] },
      ]);
      expect(await store.handoffEpisodes({ from: at(11), to: at(16) })).toHaveLength(1);
    });

    it('follows an episode moved to another queue and resolved by the operator side', async () => {
      const next = Date.UTC(2025, 2, 12, 9);
      const { inserted } = await store.insertInbound([{ channel: 'whatsapp', businessNumberId: 'pn-1', customerId: '79990001122', profileName: null, wamid: 'wamid.g', content: { type: 'text', text: 'help' }, at: next }], next);
      const g = inserted[0];
      if (!g) throw new Error('not stored');
      const turn = (expectedVersion: number, now: number, parts: Partial<TurnCommit>): TurnCommit => ({
        conversationId: g.conversationId,
        turnKey: `g:${expectedVersion}`,
        expectedVersion,
        snapshot: null,
        outbound: [],
        events: [],
        scheduleTimers: [],
        cancelTimers: [],
        now,
        ...parts,
      });
      const steps: TurnCommit[] = [
        turn(0, next, { processedInboundId: g.id, patch: { status: 'queued', queue: 'support', handoffAt: next }, events: [{ type: 'handoff', at: next, flowId: null, nodeId: null, data: { queue: 'support', reason: 'requested' } }] }),
        turn(1, next + 60_000, { patch: { queue: 'billing' }, events: [{ type: 'inbox.transferred', at: next + 60_000, flowId: null, nodeId: null, data: { queue: 'billing' } }] }),
        turn(2, next + 120_000, { patch: { status: 'assigned', assigneeId: 'op-2' }, outbound: [{ sender: 'operator', content: { kind: 'text', text: 'Hi' }, operatorId: 'op-2' }] }),
        turn(3, next + 600_000, { events: [{ type: 'inbox.resolved', at: next + 600_000, flowId: null, nodeId: null, data: {} }], patch: { status: 'closed', assigneeId: null } }),
      ];
      for (const step of steps) expect((await store.commitTurn(step)).ok).toBe(true);
      expect(await store.handoffEpisodes({ from: next, to: next + 86_400_000 })).toEqual([
        {
          conversationId: g.conversationId,
          customerId: '79990001122',
          queue: 'billing',
          reason: 'requested',
          handoffAt: next,
          operatorId: 'op-2',
          firstResponseAt: next + 120_000,
          firstResponderId: 'op-2',
          closedAt: next + 600_000,
          responses: [{ operatorId: 'op-2', ms: 120_000 }],
        },
      ]);
    });

    it('counts new conversations by label and by number prefix', async () => {
      const mix = await store.conversationMix(DAY);
      expect(mix.total).toBe(6);
      expect(mix.labels).toEqual([
        { label: 'vip', n: 2 },
        { label: 'delivery', n: 1 },
      ]);
      expect([...mix.numbers].sort((a, b) => a.prefix.localeCompare(b.prefix))).toEqual([
        { prefix: '141555', sample: '14155550100', n: 1 },
        { prefix: '447700', sample: '447700900123', n: 1 },
        { prefix: '491511', sample: '4915112345678', n: 1 },
        { prefix: '770112', sample: '77011234567', n: 1 },
        { prefix: '790311', sample: '79031112233', n: 1 },
        { prefix: '791612', sample: '79161234567', n: 1 },
      ]);
    });
  });
}
