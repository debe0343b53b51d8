import { setup } from 'xstate';
import type { BotSettings, Effect, Flow, Json, LocalizedText } from '../schema/index.js';
import type { Analysis, NluModel } from '../nlu/types.js';
import { interpolate, localize } from '../text/interpolate.js';
import type { FlowContext, FlowEvent, Instruction, Turn } from './types.js';

/**
 * The pieces every part of a compiled flow shares: the machine's setup (its context, events and the
 * one `emit` action), and what a node needs to say things and read the customer's words.
 */
export const machineSetup = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as { vars: Record<string, Json> },
  },
  actions: {
    // Instructions are returned by `transition()` and interpreted by `step`; nothing runs here.
    emit: (_args, _params: Instruction) => undefined,
  },
});

type MachineConfig = Parameters<typeof machineSetup.createMachine>[0];
export type StatesConfig = NonNullable<MachineConfig['states']>;
export type StateConfig = StatesConfig[string];
export type Action = Exclude<NonNullable<StateConfig['entry']>, readonly unknown[]>;
export type FlowMachine = ReturnType<typeof machineSetup.createMachine>;

/** What compiling one flow knows: the flow, the bot's settings and NLU, and how nodes connect. */
export interface Ctx {
  flow: Flow;
  settings: BotSettings;
  nlu: NluModel;
  keyOf: Map<string, string>;
  edgeTarget: Map<string, string>;
  fallbackLimit: number;
  /** Nodes that do their work on entry and move on unconditionally, by state key. */
  passages: Map<string, Passage>;
  /** Per node the flow can wait at, whether a customer's message is the answer it waits for. */
  answers: Map<string, (event: FlowEvent) => boolean>;
}

/** A node that only acts on entry and then always goes on to `next` (a state key or DONE). */
export interface Passage {
  entry: Action[];
  next: string;
}

export type Args = { context: FlowContext; event: FlowEvent };

export const emit = (fn: (args: Args) => Instruction) => ({ type: 'emit' as const, params: fn });
export const effect = (fn: (args: Args) => Effect) => emit((a) => ({ kind: 'effect', effect: fn(a) }));

export function textVars(context: FlowContext, turn: Turn): Record<string, Json> {
  return { ...context.vars, locale: turn.locale };
}

export function say(c: Ctx, text: LocalizedText | undefined, args: Args): string {
  return interpolate(localize(text, args.event.turn.locale, c.settings.defaultLocale), textVars(args.context, args.event.turn));
}

export function customerText(event: FlowEvent, context: FlowContext): string {
  return event.turn.text ?? context.lastText;
}

/** The analysis of the customer's latest words: this turn's, or (after a timer/action) the remembered text's. */
export function analysisOf(c: Ctx, event: FlowEvent, context: FlowContext): Analysis | null {
  if (event.turn.analysis) return event.turn.analysis;
  if (!context.lastText) return null;
  return c.nlu.analyze(context.lastText, { localeHint: event.turn.locale, locales: c.flow.locales });
}
