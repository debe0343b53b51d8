import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botErrorTurn } from '../conversations/botErrorTurn.js';
import { createEmbeddedStore } from '../store/embedded/createEmbeddedStore.js';
import type { Store } from '../store/types.js';
import { getOperatorStats } from './getOperatorStats.js';
import { parseStatsRange } from './statsRange.js';
import { at, HISTORY_NOW, seedStatsHistory } from './testing/seedStatsHistory.js';

describe('getOperatorStats', () => {
  let store: Store;
  beforeEach(async () => {
    store = await createEmbeddedStore({ file: ':memory:' });
    await seedStatsHistory(store);
  });
  afterEach(() => store.close());

  const statsIn = (tz: string, missedAfterMinutes = 5) =>
    getOperatorStats(store, parseStatsRange({ from: '2025-03-10', to: '2025-03-10', tz }, { timeZone: 'UTC', now: HISTORY_NOW }), { missedAfterMs: missedAfterMinutes * 60_000, now: HISTORY_NOW });

  it('summarises response and resolution times and missed chats', async () => {
    const { totals } = await statsIn('UTC');
    expect(totals).toEqual({
      handoffs: 3,
      chats: 3,
      firstResponse: { count: 1, medianMs: 180_000, p90Ms: 180_000 },
      response: { count: 2, medianMs: 150_000, p90Ms: 180_000 },
      resolution: { count: 2, medianMs: 1_320_000, p90Ms: 1_440_000 },
      missed: 2,
      abandoned: 1,
      waiting: 1,
      botErrors: 0,
    });
  });

  it('counts a slow first answer as missed when the limit is shorter', async () => {
    expect((await statsIn('UTC', 2)).totals.missed).toBe(3);
  });

  it('breaks chats down per operator and per team', async () => {
    const stats = await statsIn('UTC');
    expect(stats.byOperator).toEqual([
      {
        operatorId: 'op-1',
        name: null,
        chats: 1,
        firstResponse: { count: 1, medianMs: 180_000, p90Ms: 180_000 },
        response: { count: 2, medianMs: 150_000, p90Ms: 180_000 },
        resolution: { count: 1, medianMs: 1_440_000, p90Ms: 1_440_000 },
        missed: 0,
      },
    ]);
    expect(stats.byTeam.map((t) => [t.team, t.chats, t.missed, t.resolution.count])).toEqual([
      ['support', 2, 1, 1],
      ['sales', 1, 1, 1],
    ]);
  });

  it('lists handoff reasons, labels and countries from the numbers', async () => {
    const stats = await statsIn('UTC');
    expect(stats.handoffReasons).toEqual([
      { reason: 'flow', n: 1 },
      { reason: 'notUnderstood', n: 1 },
      { reason: 'requested', n: 1 },
    ]);
    expect(stats.byLabel).toEqual([
      { label: 'vip', n: 2 },
      { label: 'delivery', n: 1 },
    ]);
    expect(stats.conversations).toBe(6);
    expect(new Map(stats.byCountry.map((c) => [c.country, c.n]))).toEqual(
      new Map([
        ['RU', 2],
        ['US', 1],
        ['DE', 1],
        ['KZ', 1],
        ['+44', 1],
      ]),
    );
  });

  it('counts the handoffs made because the bot kept failing, as a total and as a reason', async () => {
    const when = at(19);
    const { inserted } = await store.insertInbound([{ channel: 'whatsapp', businessNumberId: 'pn-1', customerId: '4930901820', profileName: null, wamid: 'wamid.broken', content: { kind: 'text', text: 'hi' }, at: when }], when);
    const message = inserted[0];
    const conversation = message && (await store.getConversation(message.conversationId));
    if (!message || !conversation) throw new Error('not stored');
    const result = await store.commitTurn(botErrorTurn({ work: { kind: 'message', conversation, message }, bot: null, attempts: 5, error: new Error('boom'), now: when }));
    expect(result.ok).toBe(true);

    const stats = await statsIn('UTC');
    expect(stats.totals).toMatchObject({ handoffs: 4, botErrors: 1 });
    expect(stats.handoffReasons).toContainEqual({ reason: 'bot-error', n: 1 });
  });

  it('draws the heatmap in local weekdays and hours', async () => {
    expect((await statsIn('UTC')).heatmap).toEqual([
      { weekday: 0, hour: 10, n: 1 },
      { weekday: 0, hour: 15, n: 1 },
      { weekday: 0, hour: 16, n: 1 },
    ]);
    expect((await statsIn('Europe/Moscow')).heatmap).toEqual([
      { weekday: 0, hour: 13, n: 1 },
      { weekday: 0, hour: 18, n: 1 },
      { weekday: 0, hour: 19, n: 1 },
    ]);
  });
});
