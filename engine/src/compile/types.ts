import type { Effect, HandoffReason, InboundContent, Json } from '../schema/index.js';
import type { Analysis } from '../nlu/types.js';

/** The state of one flow's machine between steps (the xstate context). */
export interface FlowContext {
  vars: Record<string, Json>;
  /** Failed answers at the current `ask` node. */
  attempts: number;
  pendingRequestId: string | null;
  pendingTimerId: string | null;
  /** Makes request and timer ids unique and deterministic. */
  seq: number;
  /** The last thing the customer wrote, for route rules reached after an action result or timer. */
  lastText: string;
}

/** What every event carries about the turn it belongs to. */
export interface Turn {
  now: number;
  locale: string;
  /** Consecutive misunderstandings before this turn. */
  misunderstood: number;
  /** The customer's message of this turn, analysed once (null for action results and timers). */
  text: string | null;
  analysis: Analysis | null;
}

export type FlowEvent =
  | { type: 'begin'; turn: Turn; nodeId: string | null }
  | { type: 'customer'; turn: Turn; content: InboundContent }
  | { type: 'actionResult'; turn: Turn; requestId: string; status: 'ok' | 'notFound' | 'error'; data: Json | null }
  | { type: 'timer'; turn: Turn; timerId: string };

/** What a node asks of the step function; effects pass through, the rest is decided bot-wide. */
export type Instruction =
  | { kind: 'effect'; effect: Effect }
  | { kind: 'visit'; nodeId: string; nodeType: string }
  | { kind: 'notUnderstood'; nodeId: string }
  | { kind: 'offerHuman'; nodeId: string }
  | { kind: 'fallback'; nodeId: string }
  | { kind: 'handoff'; nodeId: string; queue: string; reason: HandoffReason; message: string | null }
  | { kind: 'jump'; nodeId: string; flowId: string; targetNodeId: string | null };
