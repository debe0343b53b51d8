import type { Json } from '@switchboard/engine/schema';
import { EPISODE_CLOSE_EVENTS, EPISODE_TRANSFER_EVENT, HOUR_MS, MISS_TEXT_MAX, NON_DROP_NODE_TYPES, STAT_METRICS } from './statMetrics.js';
import type { AnalyticsEvent, HandoffEpisode } from './types.js';

/**
 * The flow-run and handoff bookkeeping the embedded store's triggers do, as pure functions over one
 * conversation's history in write order. Stores without triggers (MongoDB) replay with these.
 */

export interface FlowRun {
  flowId: string;
  nodeId: string | null;
  nodeType: string | null;
  at: number;
  open: boolean;
}

export interface CountKey {
  metric: string;
  hour: number;
  flowId: string | null;
  nodeId: string | null;
  key: string | null;
  /** How many (1 when absent). */
  n?: number;
}

const field = (data: Json, name: string): string | null => {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const value = data[name];
  return typeof value === 'string' ? value : null;
};
const hourOf = (at: number): number => Math.floor(at / HOUR_MS) * HOUR_MS;

/**
 * The counters one counted event (node.visit, flow.start, flow.end, nlu, nlu.miss) adds by itself:
 * its own (key: the intent, for nlu) and, for a miss with text, the text's (lower-cased, trimmed).
 */
export function eventCounts(event: Pick<AnalyticsEvent, 'type' | 'at' | 'flowId' | 'nodeId' | 'data'>): CountKey[] {
  const hour = hourOf(event.at);
  const counts: CountKey[] = [{ metric: event.type, hour, flowId: event.flowId, nodeId: event.nodeId, key: event.type === STAT_METRICS.nlu ? field(event.data, 'intent') : null }];
  const text = event.type === STAT_METRICS.nluMiss ? (field(event.data, 'text') ?? '').trim().toLowerCase().slice(0, MISS_TEXT_MAX) : '';
  if (text !== '') counts.push({ metric: STAT_METRICS.missText, hour, flowId: null, nodeId: null, key: text });
  return counts;
}

/**
 * Edges, drop-offs and handoff places of one conversation, and the run it is left in; `from` is the
 * run it was in before these events (none by default: a whole history).
 */
export function replayFlowRuns(
  events: readonly Pick<AnalyticsEvent, 'type' | 'at' | 'flowId' | 'nodeId' | 'data'>[],
  from: FlowRun | null = null,
): { counts: CountKey[]; run: FlowRun | null } {
  const counts: CountKey[] = [];
  let run: FlowRun | null = from && { ...from };
  const dropHere = (current: FlowRun | null) => {
    if (current?.open && current.nodeId !== null && !NON_DROP_NODE_TYPES.includes(current.nodeType ?? '')) {
      counts.push({ metric: STAT_METRICS.drop, hour: hourOf(current.at), flowId: current.flowId, nodeId: current.nodeId, key: null });
    }
  };
  for (const event of events) {
    switch (event.type) {
      case 'flow.start':
        dropHere(run);
        run = { flowId: event.flowId ?? '', nodeId: null, nodeType: null, at: event.at, open: true };
        break;
      case 'node.visit':
        if (run?.open && run.flowId === event.flowId && run.nodeId !== null) {
          counts.push({ metric: STAT_METRICS.edge, hour: hourOf(event.at), flowId: run.flowId, nodeId: run.nodeId, key: event.nodeId });
        }
        run = { flowId: event.flowId ?? '', nodeId: event.nodeId, nodeType: field(event.data, 'nodeType'), at: event.at, open: true };
        break;
      case 'flow.end':
        if (run && run.flowId === event.flowId) run.open = false;
        break;
      case 'session.expired':
        dropHere(run);
        if (run) run.open = false;
        break;
      case 'handoff': {
        const where = run?.open ? run : null;
        counts.push({
          metric: STAT_METRICS.handoff,
          hour: hourOf(event.at),
          flowId: event.flowId ?? where?.flowId ?? null,
          nodeId: event.nodeId ?? where?.nodeId ?? null,
          key: field(event.data, 'reason'),
        });
        if (run) run.open = false;
        break;
      }
      default:
        break;
    }
  }
  return { counts, run };
}

/** What happened in a conversation, in write order, as far as handoff episodes care. */
export type EpisodeInput =
  | { kind: 'event'; event: AnalyticsEvent }
  | { kind: 'inbound'; at: number }
  | { kind: 'operatorReply'; at: number; operatorId: string | null };

/** The handoff episodes of one conversation (still open ones have `closedAt` null). */
export function replayEpisodes(conversation: { id: string; customerId: string }, history: readonly EpisodeInput[]): HandoffEpisode[] {
  const episodes: HandoffEpisode[] = [];
  let open: (HandoffEpisode & { waitingSince: number | null }) | null = null;
  const close = (at: number) => {
    if (!open) return;
    const { waitingSince: _w, ...episode } = open;
    episodes.push({ ...episode, closedAt: at });
    open = null;
  };
  for (const item of history) {
    if (item.kind === 'inbound') {
      if (open) open.waitingSince ??= item.at;
    } else if (item.kind === 'operatorReply') {
      if (!open) continue;
      if (open.waitingSince !== null) open.responses.push({ operatorId: item.operatorId, ms: item.at - open.waitingSince });
      if (open.firstResponseAt === null) {
        open.firstResponseAt = item.at;
        open.firstResponderId = item.operatorId;
      }
      open.operatorId ??= item.operatorId;
      open.waitingSince = null;
    } else if (item.event.type === 'handoff') {
      const queue = field(item.event.data, 'queue');
      if (open) {
        open.queue = queue ?? open.queue;
      } else {
        open = {
          conversationId: conversation.id,
          customerId: conversation.customerId,
          queue,
          reason: field(item.event.data, 'reason'),
          handoffAt: item.event.at,
          operatorId: null,
          firstResponseAt: null,
          firstResponderId: null,
          closedAt: null,
          responses: [],
          waitingSince: item.event.at,
        };
      }
    } else if (EPISODE_CLOSE_EVENTS.includes(item.event.type)) {
      close(item.event.at);
    } else if (item.event.type === EPISODE_TRANSFER_EVENT && open) {
      open.queue = field(item.event.data, 'queue') ?? open.queue;
    }
  }
  const last: (HandoffEpisode & { waitingSince: number | null }) | null = open;
  if (last) {
    const { waitingSince: _w, ...episode } = last;
    episodes.push(episode);
  }
  return episodes;
}

/**
 * The episodes of one conversation from its events (in write order) and messages, closing the last
 * one from the conversation's present state when no close was recorded as an event.
 */
export function episodesOf(
  conversation: { id: string; customerId: string; status: string; assigneeId: string | null; updatedAt: number },
  events: readonly AnalyticsEvent[],
  messages: readonly { direction: 'in' | 'out'; sender: string; at: number; seq: number; operatorId: string | null }[],
): HandoffEpisode[] {
  type Ranked = EpisodeInput & { at: number; rank: number };
  const history: Ranked[] = events.map((event, i): Ranked => ({ kind: 'event', event, at: event.at, rank: i }));
  for (const m of messages) {
    if (m.direction === 'in') history.push({ kind: 'inbound', at: m.at, rank: m.seq });
    else if (m.sender === 'operator') history.push({ kind: 'operatorReply', at: m.at, operatorId: m.operatorId, rank: m.seq });
  }
  // Within one instant a turn's events come before the messages written after it.
  history.sort((a, b) => a.at - b.at || Number(b.kind === 'event') - Number(a.kind === 'event') || a.rank - b.rank);
  const episodes = replayEpisodes(conversation, history);
  const last = episodes.at(-1);
  if (last && last.closedAt === null && (conversation.status === 'closed' || conversation.status === 'bot')) last.closedAt = conversation.updatedAt;
  if (last && last.closedAt === null && conversation.assigneeId) last.operatorId = conversation.assigneeId;
  return episodes;
}
