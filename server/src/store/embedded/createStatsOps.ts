import type Database from 'better-sqlite3';
import { HOUR_MS } from '../statMetrics.js';
import type { HandoffEpisode, StatCountRow, StatsOps } from '../types.js';

interface CountRow {
  metric: string;
  hour: number | null;
  flow_id: string;
  node_id: string;
  key: string;
  n: number;
}

interface EpisodeRow {
  conversation_id: string;
  customer_id: string;
  queue: string | null;
  reason: string | null;
  handoff_at: number;
  operator_id: string | null;
  first_response_at: number | null;
  first_responder_id: string | null;
  closed_at: number | null;
  responses: string;
}

/** The first whole hour at or after `ms`, as an hour number. */
const hourAtOrAfter = (ms: number): number => Math.ceil(ms / HOUR_MS);
const orNull = (value: string): string | null => (value === '' ? null : value);

/**
 * Statistics over SQLite: the counters and facts are kept by triggers (see migrations), so reads
 * are index range scans over a few thousand rows whatever the number of messages.
 */
export function createStatsOps(db: Database.Database): StatsOps {
  const byHour = db.prepare<{ metrics: string; from: number; to: number }, CountRow>(
    `SELECT metric, hour, '' AS flow_id, '' AS node_id, '' AS key, sum(n) AS n FROM stat_counts
     WHERE metric IN (SELECT value FROM json_each(@metrics)) AND hour >= @from AND hour < @to
     GROUP BY metric, hour ORDER BY metric, hour`,
  );
  const byDims = db.prepare<{ metrics: string; from: number; to: number }, CountRow>(
    `SELECT metric, NULL AS hour, flow_id, node_id, key, sum(n) AS n FROM stat_counts
     WHERE metric IN (SELECT value FROM json_each(@metrics)) AND hour >= @from AND hour < @to
     GROUP BY metric, flow_id, node_id, key ORDER BY metric, n DESC, flow_id, node_id, key`,
  );
  const openRuns = db.prepare<{ from: number; to: number }, { flow_id: string; node_id: string; n: number }>(
    `SELECT flow_id, node_id, count(*) AS n FROM stat_flow_runs
     WHERE open = 1 AND at >= @from AND at < @to AND node_id IS NOT NULL AND coalesce(node_type, '') NOT IN ('jump', 'end')
     GROUP BY flow_id, node_id ORDER BY flow_id, node_id`,
  );
  const episodes = db.prepare<{ from: number; to: number }, EpisodeRow>(
    `SELECT conversation_id, customer_id, queue, reason, handoff_at, operator_id, first_response_at, first_responder_id, closed_at, responses
     FROM stat_episodes WHERE handoff_at >= @from AND handoff_at < @to ORDER BY handoff_at, id`,
  );
  const labels = db.prepare<{ from: number; to: number }, { label: string; n: number }>(
    `SELECT j.value AS label, count(*) AS n FROM conversations c, json_each(c.labels) j
     WHERE c.created_at >= @from AND c.created_at < @to GROUP BY j.value ORDER BY n DESC, label`,
  );
  const numbers = db.prepare<{ from: number; to: number }, { prefix: string; sample: string; n: number }>(
    `SELECT substr(customer_id, 1, 6) AS prefix, min(customer_id) AS sample, count(*) AS n FROM conversations
     WHERE created_at >= @from AND created_at < @to GROUP BY prefix ORDER BY n DESC, prefix`,
  );
  const total = db.prepare<{ from: number; to: number }, { n: number }>('SELECT count(*) AS n FROM conversations WHERE created_at >= @from AND created_at < @to');

  return {
    statCounts: async ({ from, to, metrics, by }) => {
      const params = { metrics: JSON.stringify(metrics), from: hourAtOrAfter(from), to: hourAtOrAfter(to) };
      return (by === 'hour' ? byHour : byDims).all(params).map(
        (row): StatCountRow => ({
          metric: row.metric,
          hour: row.hour === null ? null : row.hour * HOUR_MS,
          flowId: orNull(row.flow_id),
          nodeId: orNull(row.node_id),
          key: orNull(row.key),
          n: row.n,
        }),
      );
    },
    openFlowRuns: async (range) => openRuns.all(range).map((row) => ({ flowId: row.flow_id, nodeId: row.node_id, n: row.n })),
    handoffEpisodes: async (range) =>
      episodes.all(range).map(
        (row): HandoffEpisode => ({
          conversationId: row.conversation_id,
          customerId: row.customer_id,
          queue: row.queue,
          reason: row.reason,
          handoffAt: row.handoff_at,
          operatorId: row.operator_id,
          firstResponseAt: row.first_response_at,
          firstResponderId: row.first_responder_id,
          closedAt: row.closed_at,
          responses: (JSON.parse(row.responses) as [string | null, number][]).map(([operatorId, ms]) => ({ operatorId, ms })),
        }),
      ),
    conversationMix: async (range) => ({
      total: total.get(range)?.n ?? 0,
      labels: labels.all(range),
      numbers: numbers.all(range),
    }),
  };
}
