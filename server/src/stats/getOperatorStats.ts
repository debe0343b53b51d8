import type { HandoffReason } from '@switchboard/engine';
import { STAT_METRICS } from '../store/statMetrics.js';
import type { HandoffEpisode, Store } from '../store/types.js';
import { countryOfNumber } from './countryOfNumber.js';
import { median, percentile } from './ratios.js';
import type { StatsRange } from './statsRange.js';
import { toLocalTime } from './zonedTime.js';

export interface DurationSummary {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface OperatorRow {
  chats: number;
  firstResponse: DurationSummary;
  response: DurationSummary;
  resolution: DurationSummary;
  missed: number;
}

export interface OperatorStats {
  range: Pick<StatsRange, 'fromDay' | 'toDay' | 'timeZone'>;
  missedAfterMs: number;
  /** `botErrors`: handoffs the bot made because it kept failing on a message (reason `bot-error`). */
  totals: OperatorRow & { handoffs: number; abandoned: number; waiting: number; botErrors: number };
  byOperator: ({ operatorId: string; name: string | null } & OperatorRow)[];
  byTeam: ({ team: string } & OperatorRow)[];
  handoffReasons: { reason: string; n: number }[];
  /** Handoffs by local weekday (0 = Monday) and hour. */
  heatmap: { weekday: number; hour: number; n: number }[];
  byLabel: { label: string; n: number }[];
  byCountry: { country: string; n: number }[];
  conversations: number;
}

const BOT_ERROR: HandoffReason = 'bot-error';

function append<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}

function summarize(values: readonly number[]): DurationSummary {
  return { count: values.length, medianMs: median(values), p90Ms: percentile(values, 0.9) };
}

/**
 * A chat is missed when nobody answered within `missedAfterMs` of the handoff, or the customer was
 * left (closed or given back) before anyone answered, or it has waited longer than that already.
 */
function isMissed(e: HandoffEpisode, missedAfterMs: number, now: number): boolean {
  if (e.firstResponseAt !== null) return e.firstResponseAt - e.handoffAt > missedAfterMs;
  return e.closedAt !== null || now - e.handoffAt > missedAfterMs;
}

function rowOf(episodes: readonly HandoffEpisode[], responses: readonly number[], missedAfterMs: number, now: number): OperatorRow {
  return {
    chats: episodes.length,
    firstResponse: summarize(episodes.flatMap((e) => (e.firstResponseAt === null ? [] : [e.firstResponseAt - e.handoffAt]))),
    response: summarize(responses),
    resolution: summarize(episodes.flatMap((e) => (e.closedAt === null ? [] : [e.closedAt - e.handoffAt]))),
    missed: episodes.filter((e) => isMissed(e, missedAfterMs, now)).length,
  };
}

/** Operator and team performance over handoffs that began in the range, plus where chats came from. */
export async function getOperatorStats(store: Store, range: StatsRange, options: { missedAfterMs: number; now: number }): Promise<OperatorStats> {
  const { missedAfterMs, now } = options;
  const [episodes, handoffs, mix, users] = await Promise.all([
    store.handoffEpisodes(range),
    store.statCounts({ from: range.from, to: range.to, metrics: [STAT_METRICS.handoff], by: 'hour' }),
    store.conversationMix(range),
    store.listUsers(),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));

  const byOperator = new Map<string, HandoffEpisode[]>();
  const responsesBy = new Map<string, number[]>();
  const byTeam = new Map<string, HandoffEpisode[]>();
  for (const e of episodes) {
    if (e.operatorId !== null) append(byOperator, e.operatorId, e);
    for (const r of e.responses) if (r.operatorId !== null) append(responsesBy, r.operatorId, r.ms);
    append(byTeam, e.queue ?? '', e);
  }
  const reasons = new Map<string, number>();
  for (const e of episodes) reasons.set(e.reason ?? 'unknown', (reasons.get(e.reason ?? 'unknown') ?? 0) + 1);

  const heat = new Map<string, number>();
  for (const row of handoffs) {
    if (row.hour === null) continue;
    const local = toLocalTime(row.hour, range.timeZone);
    const key = `${local.weekday}:${local.hour}`;
    heat.set(key, (heat.get(key) ?? 0) + row.n);
  }
  const countries = new Map<string, number>();
  for (const group of mix.numbers) {
    const { country, callingCode } = countryOfNumber(group.sample);
    const name = country ?? (callingCode ? `+${callingCode}` : 'unknown');
    countries.set(name, (countries.get(name) ?? 0) + group.n);
  }

  const allResponses = episodes.flatMap((e) => e.responses.map((r) => r.ms));
  return {
    range: { fromDay: range.fromDay, toDay: range.toDay, timeZone: range.timeZone },
    missedAfterMs,
    totals: {
      ...rowOf(episodes, allResponses, missedAfterMs, now),
      handoffs: episodes.length,
      abandoned: episodes.filter((e) => e.firstResponseAt === null && e.closedAt !== null).length,
      waiting: episodes.filter((e) => e.firstResponseAt === null && e.closedAt === null).length,
      botErrors: reasons.get(BOT_ERROR) ?? 0,
    },
    byOperator: [...byOperator.entries()]
      .map(([operatorId, list]) => ({ operatorId, name: names.get(operatorId) ?? null, ...rowOf(list, responsesBy.get(operatorId) ?? [], missedAfterMs, now) }))
      .sort((a, b) => b.chats - a.chats || a.operatorId.localeCompare(b.operatorId)),
    byTeam: [...byTeam.entries()]
      .map(([team, list]) => ({ team: team === '' ? 'none' : team, ...rowOf(list, list.flatMap((e) => e.responses.map((r) => r.ms)), missedAfterMs, now) }))
      .sort((a, b) => b.chats - a.chats || a.team.localeCompare(b.team)),
    handoffReasons: [...reasons.entries()].map(([reason, n]) => ({ reason, n })).sort((a, b) => b.n - a.n || a.reason.localeCompare(b.reason)),
    heatmap: [...heat.entries()]
      .map(([key, n]) => {
        const [weekday = 0, hour = 0] = key.split(':').map(Number);
        return { weekday, hour, n };
      })
      .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
    byLabel: mix.labels,
    byCountry: [...countries.entries()].map(([country, n]) => ({ country, n })).sort((a, b) => b.n - a.n || a.country.localeCompare(b.country)),
    conversations: mix.total,
  };
}
