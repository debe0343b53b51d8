import type { BotSettings, Flow, FlowNode, LocalizedText, NodeOfType, OutboundMessage } from '../schema/index.js';
import type { NluModel } from '../nlu/types.js';
import { interpolate, interpolateValue, writePath } from '../text/interpolate.js';
import { checkAnswer } from '../text/validateAnswer.js';
import type { FlowEvent, Instruction } from './types.js';
import { DONE, IDLE, toStateKey } from './position.js';
import { choiceItems, compileChoices, createChoicePicker } from './choices.js';
import { compileRule } from './rules.js';
import { createPrefill, findAnswer } from './questionPrefill.js';
import {
  customerText,
  effect,
  emit,
  machineSetup,
  say,
  textVars,
  type Action,
  type Args,
  type Ctx,
  type Passage,
  type FlowMachine,
  type StateConfig,
  type StatesConfig,
} from './machineKit.js';

export type { FlowMachine } from './machineKit.js';
export { IDLE, DONE } from './position.js';

export interface CompileFlowOptions {
  flow: Flow;
  settings: BotSettings;
  nlu: NluModel;
}

/** A compiled flow: its machine, and per node it can wait at, whether a message is that node's answer. */
export interface FlowParts {
  machine: FlowMachine;
  answers: ReadonlyMap<string, (event: FlowEvent) => boolean>;
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

/**
 * Compiles one flow into an xstate machine: a state per node, eventless transitions for nodes that
 * pass straight through, and `customer` / `actionResult` / `timer` events where the flow waits.
 * Entry actions are `emit` instructions that `step` turns into effects; the machine performs nothing.
 */
export function compileFlow({ flow, settings, nlu }: CompileFlowOptions): FlowParts {
  const keyOf = new Map(flow.nodes.map((n) => [n.id, toStateKey(n.id)]));
  const edgeTarget = new Map(flow.edges.map((e) => [`${e.source}\u0000${e.sourceHandle}`, e.target]));
  const c: Ctx = {
    flow,
    settings,
    nlu,
    keyOf,
    edgeTarget,
    fallbackLimit: flow.settings.fallbackLimit ?? settings.fallbackLimit,
    passages: new Map(),
    answers: new Map(),
  };
  for (const node of flow.nodes) {
    const passage = passageOf(c, node);
    if (passage) c.passages.set(toStateKey(node.id), passage);
  }
  const start = flow.nodes.find((n) => n.type === 'start');
  const states: StatesConfig = {
    [IDLE]: {
      on: {
        begin: [
          ...flow.nodes.map((n) => ({ guard: ({ event }: Args) => event.type === 'begin' && event.nodeId === n.id, ...hop(c, toStateKey(n.id)) })),
          hop(c, start ? (keyOf.get(start.id) ?? DONE) : DONE),
        ],
      },
    },
    [DONE]: { type: 'final' },
  };
  for (const node of flow.nodes) states[toStateKey(node.id)] = compileNode(c, node, toStateKey(node.id));
  const machine = machineSetup.createMachine({
    id: flow.id,
    initial: IDLE,
    context: ({ input }) => ({ vars: input.vars, attempts: 0, pendingRequestId: null, pendingTimerId: null, seq: 0, lastText: '' }),
    states,
  });
  return { machine, answers: c.answers };
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
  c.answers.set(node.id, (event) => pick(event) !== null);
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
      // A specific answer inside a longer reply counts ("заказ 7777", "it's ORD-5521 I think").
      const whole = checkAnswer(validator, event.turn.text ?? '', event.turn.analysis);
      result = whole.ok ? whole : findAnswer(validator, event.turn.text ?? '', event.turn.analysis);
      checked.set(event, result);
    }
    return result;
  };
  const prefill = createPrefill(validator);
  c.answers.set(node.id, (event) => answer(event).ok);
  const invalid = targetKey(c, node, 'invalid');
  return {
    entry: [
      visit(node),
      machineSetup.assign({ attempts: 0 }),
      machineSetup.enqueueActions(({ enqueue, context, event }) => {
        if (prefill.check(event).ok) return;
        const prompt: Instruction = { kind: 'effect', effect: { type: 'send', nodeId: node.id, message: { kind: 'text', text: say(c, node.data.prompt, { context, event }) } } };
        enqueue({ type: 'emit', params: prompt });
      }),
    ],
    always: [
      {
        guard: ({ event }) => prefill.check(event).ok,
        ...go(c, node, 'valid', [
          machineSetup.assign({
            vars: ({ context, event }) => {
              const result = prefill.check(event);
              prefill.use(event);
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
  // Whatever the customer writes while the flow waits here is the reply it waits for.
  c.answers.set(node.id, (event) => event.type === 'customer');
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
