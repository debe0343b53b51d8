import { z } from 'zod';
import { request } from '../../api/http';

/** The period every statistics view is for: local days (both included) in a time zone. */
export interface StatsPeriod {
  from: string;
  to: string;
  timeZone: string;
}

const Rate = z.number().nullable();
const Range = z.object({ fromDay: z.string(), toDay: z.string(), timeZone: z.string() });
const Counts = { created: z.number(), sent: z.number(), delivered: z.number(), read: z.number(), failed: z.number() };

export const MessageStatsSchema = z.object({
  range: Range,
  days: z.array(z.object({ day: z.string(), received: z.number(), ...Counts })),
  totals: z.object({ received: z.number(), ...Counts, deliveredRate: Rate, readRate: Rate, templateReplies: z.number() }),
  byFlow: z.array(z.object({ flowId: z.string().nullable(), ...Counts, deliveredRate: Rate, readRate: Rate })),
  byTemplate: z.array(z.object({ template: z.string(), ...Counts, replied: z.number(), replyRate: Rate, readRate: Rate })),
});
export type MessageStats = z.infer<typeof MessageStatsSchema>;

const Duration = z.object({ count: z.number(), medianMs: z.number().nullable(), p90Ms: z.number().nullable() });
const OperatorRow = { chats: z.number(), firstResponse: Duration, response: Duration, resolution: Duration, missed: z.number() };
export type DurationSummary = z.infer<typeof Duration>;

export const OperatorStatsSchema = z.object({
  range: Range,
  missedAfterMs: z.number(),
  totals: z.object({ ...OperatorRow, handoffs: z.number(), abandoned: z.number(), waiting: z.number(), botErrors: z.number() }),
  byOperator: z.array(z.object({ operatorId: z.string(), name: z.string().nullable(), ...OperatorRow })),
  byTeam: z.array(z.object({ team: z.string(), ...OperatorRow })),
  handoffReasons: z.array(z.object({ reason: z.string(), n: z.number() })),
  heatmap: z.array(z.object({ weekday: z.number(), hour: z.number(), n: z.number() })),
  byLabel: z.array(z.object({ label: z.string(), n: z.number() })),
  byCountry: z.array(z.object({ country: z.string(), n: z.number() })),
  conversations: z.number(),
});
export type OperatorStats = z.infer<typeof OperatorStatsSchema>;

export const FlowStatsSchema = z.object({
  range: Range,
  flows: z.array(
    z.object({ flowId: z.string(), name: z.string().nullable(), starts: z.number(), completions: z.number(), completionRate: Rate, misses: z.number(), handoffs: z.number() }),
  ),
  nodes: z.array(
    z.object({
      flowId: z.string(),
      nodeId: z.string(),
      nodeType: z.string().nullable(),
      label: z.string().nullable(),
      visits: z.number(),
      stopped: z.number(),
      handedOff: z.number(),
      dropOff: z.number(),
      dropOffRate: Rate,
    }),
  ),
  edges: z.array(z.object({ flowId: z.string(), source: z.string(), target: z.string(), n: z.number() })),
  nlu: z.object({ decisions: z.number(), misses: z.number(), fallbackRate: Rate }),
  notUnderstood: z.array(z.object({ text: z.string(), n: z.number() })),
});
export type FlowStats = z.infer<typeof FlowStatsSchema>;

export type StatsView = 'messages' | 'operators' | 'flows';

/** The query string of a period (plus any extra parameters). */
export function periodQuery(period: StatsPeriod, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ from: period.from, to: period.to, tz: period.timeZone, ...extra }).toString();
}

/** Where a table downloads as CSV (a plain GET: the session cookie goes along). */
export function csvUrl(view: StatsView, table: string, period: StatsPeriod, extra: Record<string, string> = {}): string {
  return `/api/stats/${view}?${periodQuery(period, { ...extra, format: 'csv', table })}`;
}

export const fetchMessageStats = (period: StatsPeriod) => request(`/api/stats/messages?${periodQuery(period)}`, { schema: MessageStatsSchema });
export const fetchOperatorStats = (period: StatsPeriod, missedAfterMinutes: number) =>
  request(`/api/stats/operators?${periodQuery(period, { missedAfterMinutes: String(missedAfterMinutes) })}`, { schema: OperatorStatsSchema });
export const fetchFlowStats = (period: StatsPeriod, flowId?: string) =>
  request(`/api/stats/flows${flowId === undefined ? '' : `/${encodeURIComponent(flowId)}`}?${periodQuery(period)}`, { schema: FlowStatsSchema });

export const addIntentExample = (input: { intent: string; text: string }) =>
  request('/api/stats/not-understood/examples', {
    method: 'POST',
    body: input,
    schema: z.object({ flowId: z.string(), revision: z.number(), added: z.boolean(), locale: z.string() }),
  });

export const statsKeys = {
  all: ['stats'] as const,
  view: (view: StatsView, period: StatsPeriod, extra: unknown = null) => ['stats', view, period.from, period.to, period.timeZone, extra] as const,
};
