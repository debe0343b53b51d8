/**
 * The counters both store adapters keep per UTC hour. A counter row is (metric, hour, flowId,
 * nodeId, key) → n; which dimensions a metric fills is listed beside it.
 */
export const STAT_METRICS = {
  /** Customer messages received. */
  received: 'msg.in',
  /** Outbound messages created (flowId: the flow whose node sent it; key: template name). */
  created: 'msg.out',
  /** Outbound messages that reached each delivery status, counted on the hour the message was created. */
  sent: 'msg.sent',
  delivered: 'msg.delivered',
  read: 'msg.read',
  failed: 'msg.failed',
  /** Template messages the customer answered within 24 hours (flowId, key: template name). */
  templateReplied: 'tpl.replied',
  /** Node visits (flowId, nodeId). */
  nodeVisit: 'node.visit',
  /** Moves from one node to the next (flowId, nodeId: from, key: to). */
  edge: 'edge',
  flowStart: 'flow.start',
  flowEnd: 'flow.end',
  /** NLU decisions (key: intent or ''). */
  nlu: 'nlu',
  /** Messages the bot did not understand (flowId, nodeId). */
  nluMiss: 'nlu.miss',
  /** Not-understood texts, lower-cased and trimmed (key: text). */
  missText: 'miss.text',
  /** Handoffs to people (flowId, nodeId: where the conversation was; key: reason). */
  handoff: 'handoff',
  /** Flow runs that stopped at a node without finishing (flowId, nodeId), counted on the hour of their last visit. */
  drop: 'drop',
} as const;

export type StatMetric = (typeof STAT_METRICS)[keyof typeof STAT_METRICS];

export const HOUR_MS = 3_600_000;

/** Events counted one by one under their own type (replayStats' eventCounts). */
export const COUNTED_EVENTS: readonly string[] = [STAT_METRICS.nodeVisit, STAT_METRICS.flowStart, STAT_METRICS.flowEnd, STAT_METRICS.nlu, STAT_METRICS.nluMiss];

/** A customer message within this long after a template counts as a reply to it. */
export const TEMPLATE_REPLY_WINDOW_MS = 24 * HOUR_MS;

/** Longest not-understood text kept as a key. */
export const MISS_TEXT_MAX = 200;

/** Node types after which leaving a flow is not a drop-off (the flow went on elsewhere or ended). */
export const NON_DROP_NODE_TYPES: readonly string[] = ['jump', 'end'];

/** Events (recorded by the operator side) that end a handoff episode, and the one that moves it to another queue. */
export const EPISODE_CLOSE_EVENTS: readonly string[] = ['inbox.resolved', 'inbox.returned'];
export const EPISODE_TRANSFER_EVENT = 'inbox.transferred';
