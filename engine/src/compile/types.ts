import type { BotSettings, Effect, Flow, FlowNode, HandoffReason, InboundContent, Json } from '../schema/index.js';
import type { Analysis, KeywordMatcher, NluModel } from '../nlu/types.js';
import type { FlowMachine } from './compileFlow.js';
import type { BotRequests } from './botRequests.js';
import type { EntryQuestion } from './entryQuestion.js';

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

/** A compiled bot: validated flows, their machines and the trained NLU. Built once by `compileBot`. */
export interface Bot {
  version: string;
  settings: BotSettings;
  flows: ReadonlyMap<string, CompiledFlow>;
  nlu: NluModel;
  /** Flow started by an intent (from the flows' triggers). */
  intentFlows: ReadonlyMap<string, string>;
  /** The flow "menu" returns to and that starts when nothing else matches. */
  mainFlowId: string | null;
  /** The locales the bot speaks (the default first); language detection picks among them. */
  locales: readonly string[];
  /** Bot-wide requests (a person, a language, the menu, goodbye, thanks, greetings), compiled once. */
  requests: BotRequests;
  /** The flows that open with a question taking a specific answer, in the order flows were given. */
  entryQuestions: readonly EntryQuestion[];
  /** Per locale, the words the bot knows (see `collectVocabulary`). */
  vocabulary: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface CompiledFlow {
  flow: Flow;
  /** The published version the host named for this flow, or a fingerprint of its document. */
  version: string;
  /** The flow's nodes by id. */
  nodes: ReadonlyMap<string, FlowNode>;
  machine: FlowMachine;
  /** Per node the flow can wait at, whether a customer's message is the answer it waits for. */
  answers: ReadonlyMap<string, (event: FlowEvent) => boolean>;
  /** The flow's trigger keywords, compiled once. */
  triggerKeywords: KeywordMatcher | null;
}
