import { STAT_METRICS } from '../store/statMetrics.js';
import type { StatCountRow, Store } from '../store/types.js';
import { rate } from './ratios.js';
import type { StatsRange } from './statsRange.js';
import { toLocalTime } from './zonedTime.js';

export interface MessageCounts {
  received: number;
  created: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

export interface MessageStats {
  range: Pick<StatsRange, 'fromDay' | 'toDay' | 'timeZone'>;
  days: ({ day: string } & MessageCounts)[];
  totals: MessageCounts & { deliveredRate: number | null; readRate: number | null; templateReplies: number };
  byFlow: ({ flowId: string | null } & Omit<MessageCounts, 'received'> & { deliveredRate: number | null; readRate: number | null })[];
  byTemplate: ({ template: string } & Omit<MessageCounts, 'received'> & { replied: number; replyRate: number | null; readRate: number | null })[];
}

const FIELD_OF: Record<string, keyof MessageCounts> = {
  [STAT_METRICS.received]: 'received',
  [STAT_METRICS.created]: 'created',
  [STAT_METRICS.sent]: 'sent',
  [STAT_METRICS.delivered]: 'delivered',
  [STAT_METRICS.read]: 'read',
  [STAT_METRICS.failed]: 'failed',
};
const METRICS = Object.keys(FIELD_OF);
const zero = (): MessageCounts => ({ received: 0, created: 0, sent: 0, delivered: 0, read: 0, failed: 0 });

/**
 * Messages per local day and in total, per flow and per template. Outbound statuses count on the
 * day the message was sent from, so a day's rates compare like with like.
 */
export async function getMessageStats(store: Store, range: StatsRange): Promise<MessageStats> {
  const [hourly, dims] = await Promise.all([
    store.statCounts({ from: range.from, to: range.to, metrics: METRICS, by: 'hour' }),
    store.statCounts({ from: range.from, to: range.to, metrics: [...METRICS, STAT_METRICS.templateReplied], by: 'dims' }),
  ]);
  const days = new Map(range.days.map((day) => [day, zero()]));
  const totals = zero();
  const dayOfHour = new Map<number, string>();
  for (const row of hourly) {
    const field = FIELD_OF[row.metric];
    if (!field || row.hour === null) continue;
    let local = dayOfHour.get(row.hour);
    if (local === undefined) {
      local = toLocalTime(row.hour, range.timeZone).day;
      dayOfHour.set(row.hour, local);
    }
    const day = days.get(local);
    if (day) day[field] += row.n;
    totals[field] += row.n;
  }
  const byFlow = groupBy(dims, (row) => row.flowId ?? '');
  const byTemplate = groupBy(
    dims.filter((row) => row.key !== null),
    (row) => row.key ?? '',
  );
  const templateReplies = dims.filter((r) => r.metric === STAT_METRICS.templateReplied).reduce((sum, r) => sum + r.n, 0);
  return {
    range: { fromDay: range.fromDay, toDay: range.toDay, timeZone: range.timeZone },
    days: range.days.map((day) => ({ day, ...(days.get(day) ?? zero()) })),
    totals: { ...totals, deliveredRate: rate(totals.delivered, totals.sent), readRate: rate(totals.read, totals.delivered), templateReplies },
    byFlow: [...byFlow.entries()]
      .map(([flowId, rows]) => {
        const { received: _r, ...c } = countsOf(rows);
        return { flowId: flowId === '' ? null : flowId, ...c, deliveredRate: rate(c.delivered, c.sent), readRate: rate(c.read, c.delivered) };
      })
      .filter((row) => row.created > 0)
      .sort((a, b) => b.created - a.created || String(a.flowId).localeCompare(String(b.flowId))),
    byTemplate: [...byTemplate.entries()]
      .map(([template, rows]) => {
        const { received: _r, ...c } = countsOf(rows);
        const replied = rows.filter((r) => r.metric === STAT_METRICS.templateReplied).reduce((sum, r) => sum + r.n, 0);
        return { template, ...c, replied, replyRate: rate(replied, c.created), readRate: rate(c.read, c.delivered) };
      })
      .sort((a, b) => b.created - a.created || a.template.localeCompare(b.template)),
  };
}

function countsOf(rows: readonly StatCountRow[]): MessageCounts {
  const counts = zero();
  for (const row of rows) {
    const field = FIELD_OF[row.metric];
    if (field) counts[field] += row.n;
  }
  return counts;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return groups;
}
