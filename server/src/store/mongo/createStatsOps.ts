import { COUNTED_EVENTS, EPISODE_CLOSE_EVENTS, EPISODE_TRANSFER_EVENT, HOUR_MS, STAT_METRICS, TEMPLATE_REPLY_WINDOW_MS } from '../statMetrics.js';
import { episodesOf, eventCounts as countsOfEvent, replayFlowRuns, type CountKey } from '../replayStats.js';
import type { AnalyticsEvent, HandoffEpisode, StatCountRow, StatsOps } from '../types.js';
import type { ConversationDoc, EventDoc, MessageDoc, Models } from './models.js';
import { toEvent } from './mappers.js';

const MESSAGE_METRICS = new Set<string>([
  STAT_METRICS.received,
  STAT_METRICS.created,
  STAT_METRICS.sent,
  STAT_METRICS.delivered,
  STAT_METRICS.read,
  STAT_METRICS.failed,
  STAT_METRICS.templateReplied,
]);
const RUN_METRICS = new Set<string>([STAT_METRICS.edge, STAT_METRICS.drop, STAT_METRICS.handoff]);
const RUN_EVENTS = ['flow.start', 'node.visit', 'flow.end', 'session.expired', 'handoff'];
const EPISODE_EVENTS = ['handoff', EPISODE_TRANSFER_EVENT, ...EPISODE_CLOSE_EVENTS];

interface MessageGroup {
  _id: { hour: number; direction: 'in' | 'out'; flowId: string | null; template: string | null };
  n: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

/** Events in write order: by time, then turn, then position within the turn (ids are `<turnKey>#<i>`). */
function byWriteOrder(a: EventDoc, b: EventDoc): number {
  if (a.at !== b.at) return a.at - b.at;
  const [ta = '', ia = '0'] = a._id.split('#');
  const [tb = '', ib = '0'] = b._id.split('#');
  return ta === tb ? Number(ia) - Number(ib) : ta < tb ? -1 : 1;
}

/**
 * Statistics over MongoDB, computed on read from the messages and events (indexed by time) with the
 * same bookkeeping the embedded store's triggers do, replayed per conversation.
 */
export function createStatsOps({ Message, Event, Conversation }: Models): StatsOps {
  const hourStart = (ms: number) => Math.ceil(ms / HOUR_MS) * HOUR_MS;

  async function messageCounts(from: number, to: number): Promise<CountKey[]> {
    const groups = await Message.aggregate<MessageGroup>([
      { $match: { at: { $gte: from, $lt: to } } },
      {
        $group: {
          _id: {
            hour: { $subtract: ['$at', { $mod: ['$at', HOUR_MS] }] },
            direction: '$direction',
            flowId: { $cond: [{ $eq: ['$direction', 'out'] }, { $ifNull: ['$flowId', null] }, null] },
            template: { $cond: [{ $and: [{ $eq: ['$direction', 'out'] }, { $eq: ['$content.kind', 'template'] }] }, '$content.name', null] },
          },
          n: { $sum: 1 },
          sent: { $sum: { $cond: [{ $ifNull: ['$statusAt.sent', false] }, 1, 0] } },
          delivered: { $sum: { $cond: [{ $ifNull: ['$statusAt.delivered', false] }, 1, 0] } },
          read: { $sum: { $cond: [{ $ifNull: ['$statusAt.read', false] }, 1, 0] } },
          failed: { $sum: { $cond: [{ $ifNull: ['$statusAt.failed', false] }, 1, 0] } },
        },
      },
    ]);
    const counts: CountKey[] = [];
    for (const g of groups) {
      const base = { hour: g._id.hour, flowId: g._id.flowId, nodeId: null, key: g._id.template };
      if (g._id.direction === 'in') {
        counts.push({ ...base, metric: STAT_METRICS.received, n: g.n });
        continue;
      }
      const add = (metric: string, n: number) => {
        if (n > 0) counts.push({ ...base, metric, n });
      };
      add(STAT_METRICS.created, g.n);
      add(STAT_METRICS.sent, g.sent);
      add(STAT_METRICS.delivered, g.delivered);
      add(STAT_METRICS.read, g.read);
      add(STAT_METRICS.failed, g.failed);
    }
    return counts;
  }

  async function templateReplies(from: number, to: number): Promise<CountKey[]> {
    const sends = await Message.find({ at: { $gte: from - TEMPLATE_REPLY_WINDOW_MS, $lt: to }, direction: 'out', 'content.kind': 'template' }).sort({ seq: 1 }).lean<MessageDoc[]>();
    if (sends.length === 0) return [];
    const conversations = [...new Set(sends.map((s) => s.conversationId))];
    const inbound = await Message.find({ conversationId: { $in: conversations }, direction: 'in', at: { $gte: from - TEMPLATE_REPLY_WINDOW_MS, $lt: to + TEMPLATE_REPLY_WINDOW_MS } })
      .sort({ seq: 1 })
      .lean<MessageDoc[]>();
    const replied = new Set<string>();
    for (const message of inbound) {
      const latest = sends
        .filter((s) => s.conversationId === message.conversationId && s.at <= message.at && s.at > message.at - TEMPLATE_REPLY_WINDOW_MS)
        .sort((a, b) => b.at - a.at || b.seq - a.seq)[0];
      if (latest) replied.add(latest._id);
    }
    return sends
      .filter((s) => replied.has(s._id) && s.at >= from)
      .map((s) => ({
        metric: STAT_METRICS.templateReplied,
        hour: s.at - (s.at % HOUR_MS),
        flowId: s.flowId ?? null,
        nodeId: null,
        key: typeof s.content === 'object' && s.content !== null && !Array.isArray(s.content) && typeof s.content.name === 'string' ? s.content.name : null,
      }));
  }

  async function eventCounts(from: number, to: number, metrics: Set<string>): Promise<CountKey[]> {
    const types = COUNTED_EVENTS.filter((t) => metrics.has(t) || (t === STAT_METRICS.nluMiss && metrics.has(STAT_METRICS.missText)));
    if (types.length === 0) return [];
    const docs = await Event.find({ type: { $in: types }, at: { $gte: from, $lt: to } }).lean<EventDoc[]>();
    const counts: CountKey[] = [];
    for (const doc of docs) counts.push(...countsOfEvent(toEvent(doc)).filter((c) => metrics.has(c.metric)));
    return counts;
  }

  /** Run-related events of every conversation with a flow event in [from, to), whole history, in write order. */
  async function runHistories(from: number, to: number): Promise<Map<string, AnalyticsEvent[]>> {
    const touched: string[] = await Event.distinct('conversationId', { type: { $in: RUN_EVENTS }, at: { $gte: from, $lt: to } });
    const docs = await Event.find({ conversationId: { $in: touched }, type: { $in: RUN_EVENTS } }).lean<EventDoc[]>();
    const histories = new Map<string, AnalyticsEvent[]>();
    for (const doc of docs.sort(byWriteOrder)) {
      const list = histories.get(doc.conversationId) ?? [];
      list.push(toEvent(doc));
      histories.set(doc.conversationId, list);
    }
    return histories;
  }

  async function runCounts(from: number, to: number): Promise<CountKey[]> {
    const counts: CountKey[] = [];
    for (const history of (await runHistories(from, to)).values()) {
      counts.push(...replayFlowRuns(history).counts.filter((c) => c.hour >= from && c.hour < to));
    }
    return counts;
  }

  return {
    async statCounts({ from, to, metrics, by }) {
      const start = hourStart(from);
      const end = hourStart(to);
      const wanted = new Set(metrics);
      const counts: CountKey[] = [];
      if ([...wanted].some((m) => MESSAGE_METRICS.has(m) && m !== STAT_METRICS.templateReplied)) counts.push(...(await messageCounts(start, end)));
      if (wanted.has(STAT_METRICS.templateReplied)) counts.push(...(await templateReplies(start, end)));
      counts.push(...(await eventCounts(start, end, wanted)));
      if ([...wanted].some((m) => RUN_METRICS.has(m))) counts.push(...(await runCounts(start, end)));
      const sums = new Map<string, StatCountRow>();
      for (const c of counts) {
        if (!wanted.has(c.metric)) continue;
        const row: StatCountRow = by === 'hour' ? { metric: c.metric, hour: c.hour, flowId: null, nodeId: null, key: null, n: 0 } : { metric: c.metric, hour: null, flowId: c.flowId, nodeId: c.nodeId, key: c.key, n: 0 };
        const id = JSON.stringify([row.metric, row.hour, row.flowId, row.nodeId, row.key]);
        const existing = sums.get(id) ?? row;
        existing.n += c.n ?? 1;
        sums.set(id, existing);
      }
      return [...sums.values()].sort((a, b) => a.metric.localeCompare(b.metric) || (a.hour ?? 0) - (b.hour ?? 0) || b.n - a.n);
    },

    async openFlowRuns({ from, to }) {
      const open = new Map<string, { flowId: string; nodeId: string; n: number }>();
      for (const history of (await runHistories(from, to)).values()) {
        const { run } = replayFlowRuns(history);
        if (!run?.open || run.nodeId === null || run.at < from || run.at >= to || ['jump', 'end'].includes(run.nodeType ?? '')) continue;
        const id = `${run.flowId}\u0000${run.nodeId}`;
        const entry = open.get(id) ?? { flowId: run.flowId, nodeId: run.nodeId, n: 0 };
        entry.n += 1;
        open.set(id, entry);
      }
      return [...open.values()].sort((a, b) => a.flowId.localeCompare(b.flowId) || a.nodeId.localeCompare(b.nodeId));
    },

    async handoffEpisodes({ from, to }) {
      const touched: string[] = await Event.distinct('conversationId', { type: 'handoff', at: { $gte: from, $lt: to } });
      const conversations = await Conversation.find({ _id: { $in: touched } }).lean<ConversationDoc[]>();
      const result: HandoffEpisode[] = [];
      for (const conversation of conversations) {
        const events = (await Event.find({ conversationId: conversation._id, type: { $in: EPISODE_EVENTS } }).lean<EventDoc[]>()).sort(byWriteOrder);
        const since = events[0]?.at ?? from;
        const messages = await Message.find({ conversationId: conversation._id, at: { $gte: since }, $or: [{ direction: 'in' }, { sender: 'operator' }] }).sort({ seq: 1 }).lean<MessageDoc[]>();
        const episodes = episodesOf(
          { id: conversation._id, customerId: conversation.customerId, status: conversation.status, assigneeId: conversation.assigneeId, updatedAt: conversation.updatedAt },
          events.map(toEvent),
          messages.map((m) => ({ direction: m.direction, sender: m.sender, at: m.at, seq: m.seq, operatorId: m.operatorId ?? null })),
        );
        result.push(...episodes.filter((e) => e.handoffAt >= from && e.handoffAt < to));
      }
      return result.sort((a, b) => a.handoffAt - b.handoffAt);
    },

    async conversationMix({ from, to }) {
      const match = { $match: { createdAt: { $gte: from, $lt: to } } };
      const [labels, numbers, total] = await Promise.all([
        Conversation.aggregate<{ _id: string; n: number }>([match, { $unwind: '$labels' }, { $group: { _id: '$labels', n: { $sum: 1 } } }]),
        Conversation.aggregate<{ _id: string; sample: string; n: number }>([
          match,
          { $group: { _id: { $substrCP: ['$customerId', 0, 6] }, sample: { $min: '$customerId' }, n: { $sum: 1 } } },
        ]),
        Conversation.countDocuments({ createdAt: { $gte: from, $lt: to } }),
      ]);
      return {
        total,
        labels: labels.map((l) => ({ label: l._id, n: l.n })).sort((a, b) => b.n - a.n || a.label.localeCompare(b.label)),
        numbers: numbers.map((g) => ({ prefix: g._id, sample: g.sample, n: g.n })).sort((a, b) => b.n - a.n || a.prefix.localeCompare(b.prefix)),
      };
    },
  };
}
