import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, seedStatsHistory } from '../stats/testing/seedStatsHistory.js';
import { createEmbeddedStore } from './embedded/createEmbeddedStore.js';
import { episodesOf, replayFlowRuns } from './replayStats.js';
import { STAT_METRICS } from './statMetrics.js';
import type { Store } from './types.js';

const DAY = { from: at(0), to: at(24) };
const key = (r: { metric: string; flowId: string | null; nodeId: string | null; key: string | null }) => JSON.stringify([r.metric, r.flowId, r.nodeId, r.key]);

// The replay is what stores without triggers (MongoDB) compute on read; it must agree with the
// embedded store's triggers on the same history.
describe('replayStats', () => {
  let store: Store;
  beforeEach(async () => {
    store = await createEmbeddedStore({ file: ':memory:' });
    await seedStatsHistory(store);
  });
  afterEach(() => store.close());

  async function conversations() {
    return store.listConversations({ limit: 100 });
  }

  it('replays edges, drop-offs and handoff places as the triggers count them', async () => {
    const replayed = new Map<string, number>();
    let open = 0;
    for (const conversation of await conversations()) {
      const { counts, run } = replayFlowRuns(await store.listEvents({ conversationId: conversation.id }));
      for (const c of counts) replayed.set(key(c), (replayed.get(key(c)) ?? 0) + 1);
      if (run?.open) open += 1;
    }
    const stored = await store.statCounts({ ...DAY, metrics: [STAT_METRICS.edge, STAT_METRICS.drop, STAT_METRICS.handoff], by: 'dims' });
    expect(replayed).toEqual(new Map(stored.map((r) => [key(r), r.n])));
    expect(open).toBe((await store.openFlowRuns(DAY)).reduce((sum, r) => sum + r.n, 0));
  });

  it('replays handoff episodes as the triggers record them', async () => {
    const replayed = [];
    for (const conversation of await conversations()) {
      const events = await store.listEvents({ conversationId: conversation.id });
      const messages = await store.listMessages(conversation.id, { limit: 1000 });
      const episodes = episodesOf(conversation, events, messages);
      replayed.push(...episodes);
    }
    expect(replayed.sort((a, b) => a.handoffAt - b.handoffAt)).toEqual(await store.handoffEpisodes(DAY));
  });
});
