import { AppError } from '../http/AppError.js';
import { readBotSettings } from '../bot/botSettings.js';
import type { FlowService } from '../flows/flowService.js';
import type { Store } from '../store/types.js';
import { addIntentExample } from './addIntentExample.js';
import { getFlowStats, type FlowStats } from './getFlowStats.js';
import { getMessageStats, type MessageStats } from './getMessageStats.js';
import { getOperatorStats, type DurationSummary, type OperatorRow, type OperatorStats } from './getOperatorStats.js';
import { parseStatsRange, type StatsRange } from './statsRange.js';
import { toCsv } from './toCsv.js';

export const DEFAULT_MISSED_AFTER_MINUTES = 5;

type Query = Record<string, unknown>;
export type StatsView = 'messages' | 'operators' | 'flows';

const flatDuration = (prefix: string, d: DurationSummary) => ({ [`${prefix}Count`]: d.count, [`${prefix}MedianMs`]: d.medianMs, [`${prefix}P90Ms`]: d.p90Ms });
const flatOperator = (row: OperatorRow) => ({ chats: row.chats, missed: row.missed, ...flatDuration('firstResponse', row.firstResponse), ...flatDuration('response', row.response), ...flatDuration('resolution', row.resolution) });
const OPERATOR_COLUMNS = ['chats', 'missed', 'firstResponseCount', 'firstResponseMedianMs', 'firstResponseP90Ms', 'responseCount', 'responseMedianMs', 'responseP90Ms', 'resolutionCount', 'resolutionMedianMs', 'resolutionP90Ms'];

/** Every table each view can export, as rows and columns. */
const TABLES = {
  messages: {
    days: (s: MessageStats) => ({ rows: s.days, columns: ['day', 'received', 'created', 'sent', 'delivered', 'read', 'failed'] }),
    flows: (s: MessageStats) => ({ rows: s.byFlow, columns: ['flowId', 'created', 'sent', 'delivered', 'read', 'failed', 'deliveredRate', 'readRate'] }),
    templates: (s: MessageStats) => ({ rows: s.byTemplate, columns: ['template', 'created', 'sent', 'delivered', 'read', 'failed', 'replied', 'replyRate', 'readRate'] }),
  },
  operators: {
    operators: (s: OperatorStats) => ({ rows: s.byOperator.map((r) => ({ operatorId: r.operatorId, name: r.name, ...flatOperator(r) })), columns: ['operatorId', 'name', ...OPERATOR_COLUMNS] }),
    teams: (s: OperatorStats) => ({ rows: s.byTeam.map((r) => ({ team: r.team, ...flatOperator(r) })), columns: ['team', ...OPERATOR_COLUMNS] }),
    reasons: (s: OperatorStats) => ({ rows: s.handoffReasons, columns: ['reason', 'n'] }),
    heatmap: (s: OperatorStats) => ({ rows: s.heatmap, columns: ['weekday', 'hour', 'n'] }),
    labels: (s: OperatorStats) => ({ rows: s.byLabel, columns: ['label', 'n'] }),
    countries: (s: OperatorStats) => ({ rows: s.byCountry, columns: ['country', 'n'] }),
  },
  flows: {
    flows: (s: FlowStats) => ({ rows: s.flows, columns: ['flowId', 'name', 'starts', 'completions', 'completionRate', 'misses', 'handoffs'] }),
    nodes: (s: FlowStats) => ({ rows: s.nodes, columns: ['flowId', 'nodeId', 'nodeType', 'label', 'visits', 'stopped', 'handedOff', 'dropOff', 'dropOffRate'] }),
    edges: (s: FlowStats) => ({ rows: s.edges, columns: ['flowId', 'source', 'target', 'n'] }),
    notUnderstood: (s: FlowStats) => ({ rows: s.notUnderstood, columns: ['text', 'n'] }),
  },
} as const;

export const CSV_TABLES: Record<StatsView, string[]> = {
  messages: Object.keys(TABLES.messages),
  operators: Object.keys(TABLES.operators),
  flows: Object.keys(TABLES.flows),
};

function pickTable<T>(tables: Record<string, (stats: T) => { rows: readonly object[]; columns: readonly string[] }>, name: unknown, view: StatsView) {
  const key = typeof name === 'string' && name !== '' ? name : Object.keys(tables)[0] ?? '';
  const table = tables[key];
  if (!table) throw new AppError({ code: 'stats/unknown-table', message: `No table "${String(name)}" in ${view}; choose one of ${Object.keys(tables).join(', ')}.`, httpStatus: 400 });
  return { key, table };
}

/** Statistics as the HTTP API serves them: the range parsed in the business's time zone, JSON or CSV. */
export function createStatsService(deps: { store: Store; flows: FlowService; clock: () => number }) {
  const { store, clock } = deps;

  async function rangeOf(query: Query): Promise<StatsRange> {
    const settings = await readBotSettings(store);
    return parseStatsRange(query, { timeZone: settings.business?.timeZone ?? 'UTC', now: clock() });
  }

  function missedAfterMs(query: Query): number {
    const minutes = query.missedAfterMinutes === undefined ? DEFAULT_MISSED_AFTER_MINUTES : Number(query.missedAfterMinutes);
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 7 * 24 * 60) {
      throw new AppError({ code: 'stats/bad-limit', message: '"missedAfterMinutes" must be a number of minutes between 1 and 10080.', httpStatus: 400 });
    }
    return minutes * 60_000;
  }

  function csv<T>(view: StatsView, stats: T, tables: Record<string, (stats: T) => { rows: readonly object[]; columns: readonly string[] }>, query: Query, range: StatsRange) {
    const { key, table } = pickTable(tables, query.table, view);
    const { rows, columns } = table(stats);
    const records = rows.map((row) => Object.fromEntries(Object.entries(row)));
    return { filename: `${view}-${key}-${range.fromDay}-${range.toDay}.csv`, text: toCsv(records, columns) };
  }

  return {
    async messages(query: Query) {
      const range = await rangeOf(query);
      const stats = await getMessageStats(store, range);
      return { stats, csv: () => csv('messages', stats, TABLES.messages, query, range) };
    },
    async operators(query: Query) {
      const range = await rangeOf(query);
      const stats = await getOperatorStats(store, range, { missedAfterMs: missedAfterMs(query), now: clock() });
      return { stats, csv: () => csv('operators', stats, TABLES.operators, query, range) };
    },
    async flows(query: Query, flowId?: string) {
      const range = await rangeOf(query);
      const stats = await getFlowStats(store, range, flowId === undefined ? {} : { flowId });
      return { stats, csv: () => csv('flows', stats, TABLES.flows, query, range) };
    },
    addExample: (input: { intent: string; text: string; locale?: string; flowId?: string; by: string | null }) => addIntentExample(deps.flows, input),
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
