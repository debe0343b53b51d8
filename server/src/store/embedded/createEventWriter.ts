import type Database from 'better-sqlite3';
import { eventCounts, replayFlowRuns, type CountKey, type FlowRun } from '../replayStats.js';
import { COUNTED_EVENTS, HOUR_MS, STAT_METRICS } from '../statMetrics.js';
import type { AnalyticsEvent } from '../types.js';

/** The frequent, per-turn events: their counters and flow-run bookkeeping are kept here, not by triggers. */
const COUNTED = new Set(COUNTED_EVENTS);
const RUN_EVENTS = new Set<string>([STAT_METRICS.flowStart, STAT_METRICS.nodeVisit, STAT_METRICS.flowEnd]);

type TurnEvent = Omit<AnalyticsEvent, 'conversationId'>;

export interface EventWriter {
  /**
   * Inserts one turn's events in order, inside the caller's write, and keeps the flow run and the
   * counters they move. Call it last in the write: the counters join the batch only once it returns.
   */
  write(conversationId: string, events: readonly TurnEvent[]): void;
  /** Adds the batch's counters to `stat_counts` (inside the transaction, just before it commits). */
  flush(): void;
  /** Forgets the batch's counters (its transaction rolled back). */
  discard(): void;
}

interface RunRow {
  flow_id: string;
  node_id: string | null;
  node_type: string | null;
  at: number;
  open: number;
}

/**
 * Analytics events for the embedded store. Per-row triggers counted every node visit as it was
 * inserted, several upserts each; under load that was most of a turn's write. Here a turn's run is
 * read once and written once, and counters are summed over the whole group commit and upserted
 * once per distinct counter. Rarer events (handoffs, expiry, operators' events) keep their triggers,
 * which read and close the run, so the run is saved before one of them is inserted.
 */
export function createEventWriter(db: Database.Database): EventWriter {
  const insertEvent = db.prepare<[string, string, number, string | null, string | null, string]>(
    'INSERT INTO events (conversation_id, type, at, flow_id, node_id, data) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const runOf = db.prepare<[string], RunRow>('SELECT flow_id, node_id, node_type, at, open FROM stat_flow_runs WHERE conversation_id = ?');
  const saveRun = db.prepare<[string, string, string | null, string | null, number, number]>(
    `INSERT INTO stat_flow_runs VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (conversation_id) DO UPDATE SET flow_id = excluded.flow_id, node_id = excluded.node_id,
       node_type = excluded.node_type, at = excluded.at, open = excluded.open`,
  );
  const addCount = db.prepare<[string, number, string, string, string, number]>(
    'INSERT INTO stat_counts VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n',
  );
  let batch = new Map<string, { metric: string; hour: number; flowId: string; nodeId: string; key: string; n: number }>();

  const load = (conversationId: string): FlowRun | null => {
    const row = runOf.get(conversationId);
    return row ? { flowId: row.flow_id, nodeId: row.node_id, nodeType: row.node_type, at: row.at, open: row.open === 1 } : null;
  };
  const save = (conversationId: string, run: FlowRun): void => {
    saveRun.run(conversationId, run.flowId, run.nodeId, run.nodeType, run.at, run.open ? 1 : 0);
  };

  return {
    write(conversationId, events) {
      const counts: CountKey[] = [];
      let run: FlowRun | null | undefined; // undefined: not read yet
      let dirty = false;
      for (const event of events) {
        if (COUNTED.has(event.type)) {
          counts.push(...eventCounts(event));
          if (RUN_EVENTS.has(event.type)) {
            if (run === undefined) run = load(conversationId);
            const replayed = replayFlowRuns([event], run);
            counts.push(...replayed.counts);
            run = replayed.run;
            dirty = true;
          }
        } else if (run !== undefined) {
          // A trigger of this event reads (and may close) the run: give it the current one, read it back after.
          if (dirty && run) save(conversationId, run);
          run = undefined;
          dirty = false;
        }
        insertEvent.run(conversationId, event.type, event.at, event.flowId, event.nodeId, JSON.stringify(event.data));
      }
      if (dirty && run) save(conversationId, run);
      for (const count of counts) {
        const hour = Math.floor(count.hour / HOUR_MS);
        const flowId = count.flowId ?? '';
        const nodeId = count.nodeId ?? '';
        const key = count.key ?? '';
        const id = `${count.metric}\u0000${hour}\u0000${flowId}\u0000${nodeId}\u0000${key}`;
        const entry = batch.get(id);
        if (entry) entry.n += count.n ?? 1;
        else batch.set(id, { metric: count.metric, hour, flowId, nodeId, key, n: count.n ?? 1 });
      }
    },
    flush() {
      for (const c of batch.values()) addCount.run(c.metric, c.hour, c.flowId, c.nodeId, c.key, c.n);
      batch = new Map();
    },
    discard() {
      batch = new Map();
    },
  };
}

