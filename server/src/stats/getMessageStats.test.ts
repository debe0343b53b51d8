import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedStore } from '../store/embedded/createEmbeddedStore.js';
import type { Store } from '../store/types.js';
import { getMessageStats } from './getMessageStats.js';
import { parseStatsRange } from './statsRange.js';
import { seedStatsHistory } from './testing/seedStatsHistory.js';

const now = Date.UTC(2025, 2, 12);

describe('getMessageStats', () => {
  let store: Store;
  beforeEach(async () => {
    store = await createEmbeddedStore({ file: ':memory:' });
    await seedStatsHistory(store);
  });
  afterEach(() => store.close());

  it('totals messages and rates over the range', async () => {
    const stats = await getMessageStats(store, parseStatsRange({ from: '2025-03-10', to: '2025-03-11', tz: 'UTC' }, { timeZone: 'UTC', now }));
    expect(stats.totals).toEqual({ received: 11, created: 9, sent: 8, delivered: 7, read: 4, failed: 1, deliveredRate: 0.875, readRate: 0.5714, templateReplies: 1 });
  });

  it('puts a message sent at 23:30 UTC on the next day in Moscow', async () => {
    const utc = await getMessageStats(store, parseStatsRange({ from: '2025-03-10', to: '2025-03-11', tz: 'UTC' }, { timeZone: 'UTC', now }));
    expect(utc.days).toEqual([
      { day: '2025-03-10', received: 11, created: 9, sent: 8, delivered: 7, read: 4, failed: 1 },
      { day: '2025-03-11', received: 0, created: 0, sent: 0, delivered: 0, read: 0, failed: 0 },
    ]);
    const moscow = await getMessageStats(store, parseStatsRange({ from: '2025-03-10', to: '2025-03-11', tz: 'Europe/Moscow' }, { timeZone: 'UTC', now }));
    expect(moscow.days).toEqual([
      { day: '2025-03-10', received: 10, created: 8, sent: 7, delivered: 7, read: 4, failed: 0 },
      { day: '2025-03-11', received: 1, created: 1, sent: 1, delivered: 0, read: 0, failed: 1 },
    ]);
  });

  it('leaves out what falls outside the local days asked for', async () => {
    const moscow = await getMessageStats(store, parseStatsRange({ from: '2025-03-10', to: '2025-03-10', tz: 'Europe/Moscow' }, { timeZone: 'UTC', now }));
    expect(moscow.totals.received).toBe(10);
    expect(moscow.totals.failed).toBe(0);
  });

  it('breaks messages down per flow and per template, with replies to templates', async () => {
    const stats = await getMessageStats(store, parseStatsRange({ from: '2025-03-10', to: '2025-03-10', tz: 'UTC' }, { timeZone: 'UTC', now }));
    expect(stats.byFlow).toEqual([
      { flowId: 'main', created: 5, sent: 4, delivered: 3, read: 3, failed: 1, deliveredRate: 0.75, readRate: 1 },
      { flowId: 'faq', created: 2, sent: 2, delivered: 2, read: 1, failed: 0, deliveredRate: 1, readRate: 0.5 },
      { flowId: null, created: 2, sent: 2, delivered: 2, read: 0, failed: 0, deliveredRate: 1, readRate: 0 },
    ]);
    expect(stats.byTemplate).toEqual([{ template: 'order_update', created: 1, sent: 1, delivered: 1, read: 1, failed: 0, replied: 1, replyRate: 1, readRate: 1 }]);
  });
});
