import type { BotSettings, Effect, Flow, Inbound, Json } from '../schema/index.js';
import type { KeywordMatcher, NluModel } from '../nlu/types.js';
import type { FlowMachine } from '../compile/compileFlow.js';

/**
 * A conversation's state between steps: plain JSON, stored by the host and handed back unchanged.
 * `machine` is the xstate persisted snapshot of the active flow's machine.
 */
export interface ConversationSnapshot {
  v: 1;
  flowId: string | null;
  /** The bot version the snapshot was made with (the host's published version id). */
  botVersion: string | null;
  machine: Json | null;
  vars: Record<string, Json>;
  locale: string;
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
  | { type: 'trigger'; flowId: string; by: 'keyword' | 'intent' | 'main' | 'resume' }
  | { type: 'interrupt'; kind: 'handoff' | 'menu' }
  | { type: 'notUnderstood'; flowId: string | null; nodeId: string | null; count: number }
  | { type: 'expired'; flowId: string }
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
  interrupts: { handoff: KeywordMatcher; menu: KeywordMatcher };
}

export interface CompiledFlow {
  flow: Flow;
  machine: FlowMachine;
  /** The flow's trigger keywords, compiled once. */
  triggerKeywords: KeywordMatcher | null;
}
