import type { Effect, Inbound, Json } from '../schema/index.js';
import type { Bot } from '../compile/types.js';

export type { Bot, CompiledFlow } from '../compile/types.js';

/**
 * Where a conversation waits in a flow: the node (by id) and its type, and the version of the flow
 * it was taken under. A newer version keeps the conversation there while that node still exists
 * with the same type; otherwise the flow starts again with a notice.
 */
export interface ConversationPosition {
  flowId: string;
  nodeId: string;
  nodeType: string;
  flowVersion: string;
}

/**
 * A conversation's state between steps: plain JSON, stored by the host and handed back unchanged.
 * `machine` is the xstate persisted snapshot of the active flow's machine.
 */
export interface ConversationSnapshot {
  v: 2;
  flowId: string | null;
  /** The bot version the snapshot was made with (the host's published version id). */
  botVersion: string | null;
  machine: Json | null;
  /** Where the active flow waits (null when no flow is active). */
  position: ConversationPosition | null;
  /**
   * The question a customer left for another topic ("what is your address?" while asked for an
   * order number): once that topic is answered, the conversation returns to it and asks it again.
   */
  returnTo: { flowId: string; nodeId: string; machine: Json } | null;
  vars: Record<string, Json>;
  /** The language the bot speaks in this conversation. */
  locale: string;
  /**
   * Whether the customer's language is known: set by the first message with enough letters; until
   * then the bot speaks its default locale and any message with letters may decide it.
   */
  localeSettled: boolean;
  /** Consecutive messages the bot did not understand. */
  misunderstood: number;
  /** Epoch ms of the last customer message (session expiry, greeting after silence). */
  lastInboundAt: number | null;
  /** The request the flow is waiting on (`callAction`), so a stale result is ignored. */
  pendingRequestId: string | null;
  /** Monotonic counter used to make request and timer ids unique and deterministic. */
  seq: number;
}

export type TraceEntry =
  | { type: 'node'; flowId: string; nodeId: string; nodeType: string }
  | { type: 'nlu'; locale: string; text: string; intent: string | null; confidence: number; keyword: string | null }
  | { type: 'trigger'; flowId: string; by: 'keyword' | 'intent' | 'entity' | 'main' | 'resume' | 'restart' }
  | { type: 'interrupt'; kind: 'handoff' | 'menu' | 'language' }
  | { type: 'notUnderstood'; flowId: string | null; nodeId: string | null; count: number }
  | { type: 'expired'; flowId: string }
  /**
   * The conversation's flow was republished since its position was taken: `kept` when its node is
   * still there (it continues), `restarted` when the node was deleted or changed type (the flow
   * starts again), `flowRemoved` when the flow is no longer published.
   */
  | { type: 'republished'; flowId: string; nodeId: string | null; outcome: 'kept' | 'restarted' | 'flowRemoved'; fromVersion: string | null; toVersion: string | null }
  | { type: 'locale'; from: string; to: string; by: 'detected' | 'request' }
  | { type: 'ignored'; reason: string };

export interface StepInput {
  bot: Bot;
  snapshot: ConversationSnapshot | null;
  inbound: Inbound;
  /** Epoch ms; the engine never reads the clock. */
  now: number;
  /** What the host knows of the customer, available to flows as `{{profile.name}}` / `{{profile.phone}}`. */
  profile?: { name?: string; phone?: string };
}

export interface StepResult {
  snapshot: ConversationSnapshot;
  effects: Effect[];
  trace: TraceEntry[];
}

