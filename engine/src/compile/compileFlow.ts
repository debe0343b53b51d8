import { setup } from 'xstate';
import type {
  BotSettings,
  Effect,
  Flow,
  FlowNode,
  Json,
  LocalizedText,
  NodeOfType,
  OutboundMessage,
  Rule,
} from '../schema/index.js';
import type { Analysis, KeywordMatcher, NluModel } from '../nlu/types.js';
import { interpolate, interpolateValue, localize, readPath, writePath } from '../runtime/interpolate.js';
import { checkAnswer, type AnswerCheck } from '../runtime/validateAnswer.js';
import { boundedRegex } from '../runtime/boundedRegex.js';
import { foldText } from '../runtime/foldText.js';
import type { FlowContext, FlowEvent, Instruction, Turn } from './types.js';

const machineSetup = setup({
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
type StatesConfig = NonNullable<MachineConfig['states']>;
type StateConfig = StatesConfig[string];
type Action = Exclude<NonNullable<StateConfig['entry']>, readonly unknown[]>;
export type FlowMachine = ReturnType<typeof machineSetup.createMachine>;

export interface CompileFlowOptions {
  flow: Flow;
  settings: BotSettings;
  nlu: NluModel;
}

export const IDLE = 'idle';
export const DONE = 'done';
/** The state key of a node: node ids are analyst-written and may contain dots, which xstate reads as paths. */
export const stateKey = (index: number): string => `n${index}`;

interface Ctx {
  flow: Flow;
  settings: BotSettings;
  nlu: NluModel;
  keyOf: Map<string, string>;
  edgeTarget: Map<string, string>;
  fallbackLimit: number;
  /** Nodes that do their work on entry and move on unconditionally, by state key. */
  passages: Map<string, Passage>;
}

/** A node that only acts on entry and then always goes on to `next` (a state key or DONE). */
interface Passage {
  entry: Action[];
  next: string;
}

/** A transition's destination and the actions taken on the way there. */
interface Hop {
  target: string;
  actions: Action[];
  /**
   * Set when nodes were passed over: the destination is entered afresh even when it is the state the
   * transition leaves (a question → jump → the same question asks again).
   */
  reenter?: true;
}

type Args = { context: FlowContext; event: FlowEvent };

const emit = (fn: (args: Args) => Instruction) => ({ type: 'emit' as const, params: fn });
const effect = (fn: (args: Args) => Effect) => emit((a) => ({ kind: 'effect', effect: fn(a) }));

function textVars(context: FlowContext, turn: Turn): Record<string, Json> {
  return { ...context.vars, locale: turn.locale };
}

function say(c: Ctx, text: LocalizedText | undefined, args: Args): string {
  return interpolate(localize(text, args.event.turn.locale, c.settings.defaultLocale), textVars(args.context, args.event.turn));
}

function customerText(event: FlowEvent, context: FlowContext): string {
  return event.turn.text ?? context.lastText;
}

/** The analysis of the customer's latest words: this turn's, or (after a timer/action) the remembered text's. */
function analysisOf(c: Ctx, event: FlowEvent, context: FlowContext): Analysis | null {
  if (event.turn.analysis) return event.turn.analysis;
  if (!context.lastText) return null;
  return c.nlu.analyze(context.lastText, { localeHint: event.turn.locale, locales: c.flow.locales });
}

/**
 * Compiles one flow into an xstate machine: a state per node, eventless transitions for nodes that
 * pass straight through, and `customer` / `actionResult` / `timer` events where the flow waits.
 * Entry actions are `emit` instructions that `step` turns into effects; the machine performs nothing.
 */
export function compileFlow({ flow, settings, nlu }: CompileFlowOptions): FlowMachine {
  const keyOf = new Map(flow.nodes.map((n, i) => [n.id, stateKey(i)]));
  const edgeTarget = new Map(flow.edges.map((e) => [`${e.source}\u0000${e.sourceHandle}`, e.target]));
  const c: Ctx = {
    flow,
    settings,
    nlu,
    keyOf,
    edgeTarget,
    fallbackLimit: flow.settings.fallbackLimit ?? settings.fallbackLimit,
    passages: new Map(),
  };
  flow.nodes.forEach((node, i) => {
    const passage = passageOf(c, node);
    if (passage) c.passages.set(stateKey(i), passage);
  });
  const start = flow.nodes.find((n) => n.type === 'start');
  const states: StatesConfig = {
    [IDLE]: {
      on: {
        begin: [
          ...flow.nodes.map((n, i) => ({ guard: ({ event }: Args) => event.type === 'begin' && event.nodeId === n.id, ...hop(c, stateKey(i)) })),
          hop(c, start ? (keyOf.get(start.id) ?? DONE) : DONE),
        ],
      },
    },
    [DONE]: { type: 'final' },
  };
  flow.nodes.forEach((node, i) => {
    states[stateKey(i)] = compileNode(c, node, stateKey(i));
  });
  return machineSetup.createMachine({
    id: flow.id,
    initial: IDLE,
    context: ({ input }) => ({ vars: input.vars, attempts: 0, pendingRequestId: null, pendingTimerId: null, seq: 0, lastText: '' }),
    states,
  });
}

function targetKey(c: Ctx, node: FlowNode, handle: string): string | null {
  const target = c.edgeTarget.get(`${node.id}\u0000${handle}`);
  return target === undefined ? null : (c.keyOf.get(target) ?? null);
}

/**
 * Where a transition into state `key` comes to rest. Nodes that only act on entry and move on
 * (start, a message without choices, set, tag, template, a jump within the flow) are passed over in
 * the same transition: their entry actions join the transition's own actions, in the order they would
 * have run, so a chain of them costs one xstate microstep instead of one per node. Their states stay
 * in the machine (a `begin` at such a node, stored snapshots) and behave as before. In this flat
 * machine re-entering only matters when the destination is the state being left, which the chain
 * would have exited and entered again.
 */
function hop(c: Ctx, key: string, actions: readonly Action[] = []): Hop {
  const all = [...actions];
  const seen = new Set<string>();
  let target = key;
  for (let passage = c.passages.get(target); passage && !seen.has(target); passage = c.passages.get(target)) {
    seen.add(target);
    all.push(...passage.entry);
    target = passage.next;
  }
  return seen.size > 0 ? { target, actions: all, reenter: true } : { target, actions: all };
}

/** Follows a handle (an unconnected handle ends the flow), passing over nodes that move straight on. */
function go(c: Ctx, node: FlowNode, handle: string, actions: readonly Action[] = []): Hop {
  return hop(c, targetKey(c, node, handle) ?? DONE, actions);
}

/** The entry actions and next state of a node that moves straight on, or null for any other node. */
function passageOf(c: Ctx, node: FlowNode): Passage | null {
  const next = (handle: string) => targetKey(c, node, handle) ?? DONE;
  switch (node.type) {
    case 'start':
      return { entry: [visit(node)], next: next('next') };
    case 'message':
      if (choiceItems(node).length > 0) return null;
      return { entry: [visit(node), effect((a) => ({ type: 'send', nodeId: node.id, message: buildMessage(c, node, a) }))], next: next('next') };
    case 'set':
      return {
        entry: [
          visit(node),
          machineSetup.assign({
            vars: ({ context, event }) =>
              node.data.assignments.reduce(
                (vars, a) => writePath(vars, a.variable, interpolateValue(a.value, { ...vars, locale: event.turn.locale })),
                context.vars,
              ),
          }),
        ],
        next: next('next'),
      };
    case 'tag':
      return { entry: [visit(node), effect(() => ({ type: 'setLabels', add: node.data.add, remove: node.data.remove }))], next: next('next') };
    case 'template':
      return {
        entry: [
          visit(node),
          effect((a) => ({
            type: 'send',
            nodeId: node.id,
            message: {
              kind: 'template',
              name: node.data.name,
              language: node.data.language,
              parameters: node.data.parameters.map((p) => interpolate(p, textVars(a.context, a.event.turn))),
            },
          })),
        ],
        next: next('next'),
      };
    case 'jump': {
      if (node.data.flowId && node.data.flowId !== c.flow.id) return null;
      const target = node.data.nodeId ? c.keyOf.get(node.data.nodeId) : undefined;
      return { entry: [visit(node)], next: target ?? DONE };
    }
    case 'ask':
    case 'route':
    case 'action':
    case 'handoff':
    case 'wait':
    case 'end':
      return null;
    default: {
      const unknown: never = node;
      throw new Error(`unhandled node ${JSON.stringify(unknown)}`);
    }
  }
}

const visit = (node: FlowNode) => emit(() => ({ kind: 'visit', nodeId: node.id, nodeType: node.type }));

function compileNode(c: Ctx, node: FlowNode, key: string): StateConfig {
  const passage = c.passages.get(key);
  if (passage) return { entry: passage.entry, always: hop(c, passage.next) };
  switch (node.type) {
    case 'message':
      return compileMessage(c, node, key);
    case 'ask':
      return compileAsk(c, node);
    case 'route':
      return compileRoute(c, node);
    case 'action':
      return compileAction(c, node);
    case 'handoff':
      return {
        type: 'final',
        entry: [
          visit(node),
          emit((a) => ({
            kind: 'handoff',
            nodeId: node.id,
            queue: node.data.queue,
            reason: node.data.reason,
            message: node.data.message ? say(c, node.data.message, a) : null,
          })),
        ],
      };
    case 'jump': {
      // A jump within the flow is a passage; this one leaves for another flow.
      const flowId = node.data.flowId ?? c.flow.id;
      return {
        type: 'final',
        entry: [visit(node), emit(() => ({ kind: 'jump', nodeId: node.id, flowId, targetNodeId: node.data.nodeId ?? null }))],
      };
    }
    case 'wait':
      return compileWait(c, node);
    case 'end':
      return {
        type: 'final',
        entry: node.data.message
          ? [visit(node), effect((a) => ({ type: 'send', nodeId: node.id, message: { kind: 'text', text: say(c, node.data.message, a) } }))]
          : [visit(node)],
      };
    case 'start':
    case 'set':
    case 'tag':
    case 'template':
      throw new Error(`node ${node.id} (${node.type}) should have compiled as a passage`);
    default: {
      const unknown: never = node;
      throw new Error(`unhandled node ${JSON.stringify(unknown)}`);
    }
  }
}

function buildMessage(c: Ctx, node: NodeOfType<'message'>, a: Args): OutboundMessage {
  const text = say(c, node.data.text, a);
  const { buttons, list, media } = node.data;
  const title = (t: LocalizedText) => say(c, t, a);
  if (buttons && buttons.length > 0) {
    const header = media && media.kind !== 'audio' ? { media: { kind: media.kind, url: media.url } } : {};
    return { kind: 'buttons', text, buttons: buttons.map((b) => ({ id: b.id, title: title(b.title) })), ...header };
  }
  if (list && list.rows.length > 0) {
    return {
      kind: 'list',
      text,
      button: title(list.button) || 'Menu',
      rows: list.rows.map((r) => ({ id: r.id, title: title(r.title), ...(r.description ? { description: title(r.description) } : {}) })),
    };
  }
  if (media) return { kind: 'media', mediaType: media.kind, url: media.url, ...(text ? { caption: text } : {}) };
  return { kind: 'text', text };
}

interface Choice {
  id: string;
  folded: Set<string>;
  matcher: KeywordMatcher;
}

function choiceItems(node: NodeOfType<'message'>) {
  return [...(node.data.buttons ?? []), ...(node.data.list?.rows ?? [])];
}

function compileChoices(c: Ctx, node: NodeOfType<'message'>): Choice[] {
  return choiceItems(node).map((item, index) => {
    const titles = Object.entries(item.title);
    return {
      id: item.id,
      folded: new Set([String(index + 1), ...titles.map(([, t]) => foldText(t))]),
      matcher: c.nlu.compileKeywords(Object.fromEntries(titles.map(([locale, t]) => [locale, [t]]))),
    };
  });
}

function choiceMatches(choice: Choice, event: FlowEvent): boolean {
  if (event.type !== 'customer') return false;
  if (event.content.kind === 'choice') return event.content.id === choice.id;
  const text = event.turn.text;
  if (!text) return false;
  if (choice.folded.has(foldText(text))) return true;
  const analysis = event.turn.analysis;
  return analysis !== null && analysis.tokens.length <= 6 && choice.matcher.match(analysis) !== null;
}

/** Longest reply that may name a choice by part of its title. */
const MAX_PARTIAL_TITLE_WORDS = 4;

/**
 * The choice a customer's reply picks: the first that matches it whole (its id, number, title or
 * the title as a phrase); failing that, the only one whose title holds every word of a short reply
 * ("thanks" → "No, thanks", "другой" → "Другой заказ"). Null when none does, or several would.
 * Every choice's guard asks this of the same event, so the answer is kept per event.
 */
function createChoicePicker(choices: readonly Choice[]): (event: FlowEvent) => string | null {
  const picks = new WeakMap<FlowEvent, string | null>();
  return (event) => {
    let pick = picks.get(event);
    if (pick === undefined) picks.set(event, (pick = pickChoice(choices, event)));
    return pick;
  };
}

function pickChoice(choices: readonly Choice[], event: FlowEvent): string | null {
  const whole = choices.find((choice) => choiceMatches(choice, event));
  if (whole) return whole.id;
  if (event.type !== 'customer' || event.content.kind === 'choice') return null;
  const analysis = event.turn.analysis;
  if (!analysis || analysis.tokens.length === 0 || analysis.tokens.length > MAX_PARTIAL_TITLE_WORDS) return null;
  const partial = choices.filter((choice) => choice.matcher.within(analysis) > 0);
  return partial.length === 1 ? (partial[0]?.id ?? null) : null;
}

/** When the customer's reply fits nothing: say so and ask again, or past the limit offer a person. */
function misunderstood(c: Ctx, node: FlowNode, key: string) {
  return [
    {
      guard: ({ event }: Args) => event.turn.misunderstood + 1 < c.fallbackLimit,
      target: key,
      reenter: true,
      actions: [emit(() => ({ kind: 'notUnderstood', nodeId: node.id }))],
    },
    { actions: [emit(() => ({ kind: 'offerHuman', nodeId: node.id }))] },
  ];
}

function compileMessage(c: Ctx, node: NodeOfType<'message'>, key: string): StateConfig {
  const entry = [visit(node), effect((a) => ({ type: 'send', nodeId: node.id, message: buildMessage(c, node, a) }))];
  const choices = compileChoices(c, node);
  const pick = createChoicePicker(choices);
  const other = targetKey(c, node, 'other');
  return {
    entry,
    on: {
      customer: [
        ...choices.map((choice) => ({
          guard: ({ event }: Args) => pick(event) === choice.id,
          ...go(c, node, choice.id, [rememberText()]),
        })),
        ...(other ? [hop(c, other, [rememberText()])] : misunderstood(c, node, key)),
      ],
    },
  };
}

/** Keeps the customer's latest text (assign `lastText: rememberedText` where one assignment already runs). */
const rememberedText = ({ event, context }: Args): string => customerText(event, context);

function rememberText() {
  return machineSetup.assign({ lastText: rememberedText });
}

function compileAsk(c: Ctx, node: NodeOfType<'ask'>): StateConfig {
  const { validator, variable, maxAttempts } = node.data;
  // The guard and the assignment both need the check; events are fresh objects, so a weak cache is exact.
  const checked = new WeakMap<FlowEvent, ReturnType<typeof checkAnswer>>();
  const answer = (event: FlowEvent) => {
    if (event.type !== 'customer') return { ok: false as const };
    let result = checked.get(event);
    if (!result) {
      result = checkAnswer(validator, event.turn.text ?? '', event.turn.analysis);
      checked.set(event, result);
    }
    return result;
  };
  // When the message that started the flow already holds a specific answer ("where is ORD-5521",
  // "two tickets for 3 people"), the question is skipped. Free-text and choice questions always ask.
  // Only once per message: a flow that comes round to this question again in the same turn asks it
  // (and waits), instead of filling it from the same message on every lap, forever.
  const prefilled = new WeakMap<FlowEvent, AnswerCheck>();
  const used = new WeakSet<FlowEvent>();
  const prefill = (event: FlowEvent): AnswerCheck => {
    if (event.type !== 'begin' || !event.turn.text || validator.type === 'text' || validator.type === 'choice' || used.has(event)) return { ok: false };
    let result = prefilled.get(event);
    if (!result) {
      const entities = event.turn.analysis?.entities;
      const candidates = [event.turn.text, ...(entities?.ids ?? []), ...(entities?.emails ?? []), ...(entities?.phones ?? []), ...(entities?.dates ?? []), ...(entities?.numbers.map(String) ?? [])];
      result = { ok: false };
      for (const candidate of candidates) {
        const check = checkAnswer(validator, candidate, null);
        if (check.ok) {
          result = check;
          break;
        }
      }
      prefilled.set(event, result);
    }
    return result;
  };
  const invalid = targetKey(c, node, 'invalid');
  return {
    entry: [
      visit(node),
      machineSetup.assign({ attempts: 0 }),
      machineSetup.enqueueActions(({ enqueue, context, event }) => {
        if (prefill(event).ok) return;
        const prompt: Instruction = { kind: 'effect', effect: { type: 'send', nodeId: node.id, message: { kind: 'text', text: say(c, node.data.prompt, { context, event }) } } };
        enqueue({ type: 'emit', params: prompt });
      }),
    ],
    always: [
      {
        guard: ({ event }) => prefill(event).ok,
        ...go(c, node, 'valid', [
          machineSetup.assign({
            vars: ({ context, event }) => {
              const result = prefill(event);
              used.add(event);
              return result.ok ? writePath(context.vars, variable, result.value) : context.vars;
            },
          }),
        ]),
      },
    ],
    on: {
      customer: [
        {
          guard: ({ event }) => answer(event).ok,
          ...go(c, node, 'valid', [
            // One assignment (one snapshot copy) for the answer, the attempts and the remembered text.
            machineSetup.assign({
              vars: ({ context, event }) => {
                const result = answer(event);
                return result.ok ? writePath(context.vars, variable, result.value) : context.vars;
              },
              attempts: 0,
              lastText: rememberedText,
            }),
          ]),
        },
        {
          guard: ({ context }) => context.attempts + 1 < maxAttempts,
          actions: [
            machineSetup.assign({ attempts: ({ context }) => context.attempts + 1 }),
            effect((a) => ({
              type: 'send',
              nodeId: node.id,
              message: {
                kind: 'text',
                text: node.data.retryPrompt
                  ? say(c, node.data.retryPrompt, a)
                  : `${say(c, c.settings.messages.retry, a)}\n${say(c, node.data.prompt, a)}`,
              },
            })),
          ],
        },
        invalid
          ? hop(c, invalid, [machineSetup.assign({ attempts: 0, lastText: rememberedText })])
          : { actions: [machineSetup.assign({ attempts: 0 }), emit(() => ({ kind: 'offerHuman', nodeId: node.id }))] },
      ],
    },
  };
}

function compileRule(c: Ctx, rule: Rule): (args: Args) => boolean {
  switch (rule.kind) {
    case 'keyword': {
      const matcher = c.nlu.compileKeywords(rule.keywords);
      return ({ event, context }) => {
        const analysis = analysisOf(c, event, context);
        return analysis !== null && matcher.match(analysis) !== null;
      };
    }
    case 'intent':
      return ({ event, context }) => {
        const best = analysisOf(c, event, context)?.intents[0];
        return best !== undefined && best.intent === rule.intent && best.confidence >= rule.minConfidence;
      };
    case 'regex': {
      const re = boundedRegex(rule.pattern, rule.flags);
      return ({ event, context }) => re.test(customerText(event, context));
    }
    case 'variable':
      return ({ context }) => compareVariable(readPath(context.vars, rule.variable), rule.op, rule.value);
    default: {
      const unknown: never = rule;
      throw new Error(`unhandled rule ${JSON.stringify(unknown)}`);
    }
  }
}

function compareVariable(actual: Json | undefined, op: Extract<Rule, { kind: 'variable' }>['op'], expected: string | number | boolean | undefined): boolean {
  const present = actual !== undefined && actual !== null && actual !== '';
  if (op === 'exists') return present;
  if (op === 'notExists') return !present;
  if (!present || expected === undefined) return false;
  const a = typeof actual === 'object' ? JSON.stringify(actual) : actual;
  const numeric = typeof expected === 'number' || (typeof a === 'number' && !Number.isNaN(Number(expected)));
  switch (op) {
    case 'eq':
      return numeric ? Number(a) === Number(expected) : String(a).toLowerCase() === String(expected).toLowerCase();
    case 'neq':
      return numeric ? Number(a) !== Number(expected) : String(a).toLowerCase() !== String(expected).toLowerCase();
    case 'gt':
      return Number(a) > Number(expected);
    case 'gte':
      return Number(a) >= Number(expected);
    case 'lt':
      return Number(a) < Number(expected);
    case 'lte':
      return Number(a) <= Number(expected);
    case 'contains':
      return String(a).toLowerCase().includes(String(expected).toLowerCase());
    default: {
      const unknown: never = op;
      throw new Error(`unhandled operator ${String(unknown)}`);
    }
  }
}

function compileRoute(c: Ctx, node: NodeOfType<'route'>): StateConfig {
  return {
    entry: [visit(node)],
    always: [
      ...node.data.rules.map((rule) => ({ guard: compileRule(c, rule), ...go(c, node, rule.id) })),
      go(c, node, 'fallback', [emit(() => ({ kind: 'fallback', nodeId: node.id }))]),
    ],
  };
}

function compileAction(c: Ctx, node: NodeOfType<'action'>): StateConfig {
  const requestIdFor = (seq: number) => `${c.flow.id}/${node.id}/${seq}`;
  const result = (status: 'ok' | 'notFound' | 'error') => ({
    guard: ({ event, context }: Args) => event.type === 'actionResult' && event.requestId === context.pendingRequestId && event.status === status,
    ...go(c, node, status, [
      machineSetup.assign({
        pendingRequestId: null,
        vars: ({ context, event }) =>
          node.data.resultVariable && event.type === 'actionResult'
            ? writePath(context.vars, node.data.resultVariable, event.data ?? null)
            : context.vars,
      }),
    ]),
  });
  return {
    entry: [
      visit(node),
      machineSetup.assign({
        seq: ({ context }) => context.seq + 1,
        pendingRequestId: ({ context }) => requestIdFor(context.seq + 1),
      }),
      effect(({ context, event }) => ({
        type: 'callAction',
        requestId: requestIdFor(context.seq),
        action: node.data.action,
        input: Object.fromEntries(
          Object.entries(node.data.input).map(([k, v]) => [k, interpolateValue(v, textVars(context, event.turn))]),
        ),
      })),
    ],
    on: { actionResult: [result('ok'), result('notFound'), result('error')] },
  };
}

function compileWait(c: Ctx, node: NodeOfType<'wait'>): StateConfig {
  const timerIdFor = (seq: number) => `${c.flow.id}/${node.id}/${seq}`;
  return {
    entry: [
      visit(node),
      machineSetup.assign({
        seq: ({ context }) => context.seq + 1,
        pendingTimerId: ({ context }) => timerIdFor(context.seq + 1),
      }),
      effect(({ context, event }) => ({
        type: 'scheduleTimer',
        timerId: timerIdFor(context.seq),
        at: event.turn.now + node.data.minutes * 60_000,
      })),
    ],
    on: {
      customer: go(c, node, 'reply', [
        effect(({ context }) => ({ type: 'cancelTimer', timerId: context.pendingTimerId ?? timerIdFor(context.seq) })),
        machineSetup.assign({ pendingTimerId: null, lastText: rememberedText }),
      ]),
      timer: {
        guard: ({ event, context }) => event.type === 'timer' && event.timerId === context.pendingTimerId,
        ...go(c, node, 'timeout', [machineSetup.assign({ pendingTimerId: null })]),
      },
    },
  };
}
