import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedStore } from '../store/embedded/createEmbeddedStore.js';
import type { Store } from '../store/types.js';
import { getFlowStats } from './getFlowStats.js';
import { parseStatsRange } from './statsRange.js';
import { HISTORY_NOW, seedStatsHistory } from './testing/seedStatsHistory.js';

describe('getFlowStats', () => {
  let store: Store;
  beforeEach(async () => {
    store = await createEmbeddedStore({ file: ':memory:' });
    await seedStatsHistory(store);
  });
  afterEach(() => store.close());

  const range = (tz = 'UTC', to = '2025-03-10') => parseStatsRange({ from: '2025-03-10', to, tz }, { timeZone: 'UTC', now: HISTORY_NOW });

  it('gives each flow its starts, completion rate, misses and handoffs', async () => {
    const stats = await getFlowStats(store, range());
    expect(stats.flows).toEqual([
      { flowId: 'main', name: null, starts: 4, completions: 0, completionRate: 0, misses: 1, handoffs: 2 },
      { flowId: 'faq', name: null, starts: 2, completions: 2, completionRate: 1, misses: 0, handoffs: 0 },
    ]);
  });

  it('gives each node its visits and drop-off: stopped there or handed off there', async () => {
    const stats = await getFlowStats(store, range());
    const main = stats.nodes.filter((n) => n.flowId === 'main').map((n) => [n.nodeId, n.visits, n.stopped, n.handedOff, n.dropOff, n.dropOffRate]);
    expect(main).toEqual([
      ['menu', 4, 1, 1, 2, 0.5],
      ['start', 4, 0, 0, 0, 0],
      ['ask', 2, 1, 0, 1, 0.5],
      ['human', 1, 0, 1, 1, 1],
    ]);
  });

  it('gives the traffic on each edge', async () => {
    const stats = await getFlowStats(store, range(), { flowId: 'main' });
    expect(stats.edges).toEqual([
      { flowId: 'main', source: 'start', target: 'menu', n: 4 },
      { flowId: 'main', source: 'menu', target: 'ask', n: 2 },
      { flowId: 'main', source: 'ask', target: 'human', n: 1 },
    ]);
    expect(stats.flows.map((f) => f.flowId)).toEqual(['main']);
  });

  it('reports the fallback rate and the texts the bot missed most', async () => {
    const stats = await getFlowStats(store, range());
    expect(stats.nlu).toEqual({ decisions: 3, misses: 2, fallbackRate: 0.6667 });
    expect(stats.notUnderstood).toEqual([{ text: 'where is my parcel??', n: 2 }]);
  });

  it('moves the 23:30 UTC run of B to the next Moscow day', async () => {
    const moscowFirstDay = await getFlowStats(store, range('Europe/Moscow'));
    expect(moscowFirstDay.nodes.find((n) => n.flowId === 'main' && n.nodeId === 'ask')).toMatchObject({ visits: 1, stopped: 0 });
    const moscowBoth = await getFlowStats(store, range('Europe/Moscow', '2025-03-11'));
    expect(moscowBoth.nodes.find((n) => n.flowId === 'main' && n.nodeId === 'ask')).toMatchObject({ visits: 2, stopped: 1 });
  });
});
