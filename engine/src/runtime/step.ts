import type { Business, Effect, HandoffReason, InboundContent, Json } from '../schema/index.js';
import type { Analysis } from '../nlu/types.js';
import { DONE, IDLE } from '../compile/compileFlow.js';
import { resolveFlowState, transitionFlow } from '../compile/transitionFlow.js';
import type { FlowContext, FlowEvent, Instruction, Turn } from '../compile/types.js';
import { describeHours, isOpen } from './businessHours.js';
import { interpolate, localize } from './interpolate.js';
import type { Bot, CompiledFlow, ConversationSnapshot, StepInput, StepResult, TraceEntry } from './types.js';

/** Choice ids of the buttons the bot adds when it offers a person; they work from any node. */
export const OFFER_HANDOFF_ID = 'sb:handoff';
export const OFFER_MENU_ID = 'sb:menu';
/** How many jumps between flows one step may follow (a guard against jump cycles across flows). */
const MAX_JUMPS = 8;

interface Work {
  bot: Bot;
  snap: ConversationSnapshot;
  effects: Effect[];
  trace: TraceEntry[];
  now: number;
  /** Whether this turn's customer message was not understood somewhere. */
  missed: boolean;
}

/** A fresh conversation: no flow active, the bot's default locale. */
export function initialSnapshot(bot: Bot): ConversationSnapshot {
  return {
    v: 1,
    flowId: null,
    botVersion: bot.version,
    machine: null,
    vars: {},
    locale: bot.settings.defaultLocale,
    misunderstood: 0,
    lastInboundAt: null,
    pendingRequestId: null,
    seq: 0,
  };
}

/** The words in a message, if it has any: text, a button's title, a media caption. */
export function textOf(content: InboundContent): string | null {
  switch (content.kind) {
    case 'text':
      return content.text;
    case 'choice':
      return content.title;
    case 'media':
      return content.caption?.trim() ? content.caption : null;
    case 'location':
    case 'contacts':
    case 'reaction':
    case 'unsupported':
      return null;
    default: {
      const unknown: never = content;
      throw new Error(`unhandled content ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Advances one conversation by one inbound event. Pure and deterministic: the same bot, snapshot,
 * inbound and `now` always give the same result, and nothing is performed — the returned effects
 * are for the host to carry out (send, call an action and feed back `actionResult`, schedule timers…).
 *
 * @example
 * const { snapshot, effects } = step({ bot, snapshot: null, now: Date.now(),
 *   inbound: { type: 'message', id: 'wamid.1', content: { kind: 'text', text: 'hi' } } });
 */
export function step({ bot, snapshot, inbound, now, profile }: StepInput): StepResult {
  const w: Work = {
    bot,
    snap: { ...(snapshot ?? initialSnapshot(bot)), botVersion: bot.version },
    effects: [],
    trace: [],
    now,
    missed: false,
  };
  w.snap.vars = withBuiltins(w, profile);
  // A flow that is no longer published (or a machine state it no longer has) resets the conversation.
  const active = activeFlow(w);
  if (w.snap.flowId && !active) resetFlow(w);

  switch (inbound.type) {
    case 'message':
      onMessage(w, inbound.content);
      break;
    case 'actionResult': {
      const flow = activeFlow(w);
      if (flow && w.snap.pendingRequestId === inbound.requestId) {
        feed(w, flow, { type: 'actionResult', turn: turnOf(w, null, null), requestId: inbound.requestId, status: inbound.status, data: inbound.data ?? null });
      } else w.trace.push({ type: 'ignored', reason: `stale action result ${inbound.requestId}` });
      break;
    }
    case 'timer': {
      const flow = activeFlow(w);
      if (flow && contextOf(w)?.pendingTimerId === inbound.timerId) {
        feed(w, flow, { type: 'timer', turn: turnOf(w, null, null), timerId: inbound.timerId });
      } else w.trace.push({ type: 'ignored', reason: `stale timer ${inbound.timerId}` });
      break;
    }
    case 'resume': {
      resetFlow(w);
      w.snap.misunderstood = 0;
      // A node without a flow means a node of the main flow.
      const flowId = inbound.flowId ?? (inbound.nodeId ? w.bot.mainFlowId : null);
      if (flowId) startFlow(w, flowId, inbound.nodeId ?? null, 'resume', turnOf(w, null, null));
      break;
    }
    default: {
      const unknown: never = inbound;
      throw new Error(`unhandled inbound ${JSON.stringify(unknown)}`);
    }
  }
  return { snapshot: w.snap, effects: w.effects, trace: w.trace };
}

function withBuiltins(w: Work, profile: StepInput['profile']): Record<string, Json> {
  const { business } = w.bot.settings;
  const previous = w.snap.vars.profile;
  const known = previous !== null && typeof previous === 'object' && !Array.isArray(previous) ? previous : {};
  return {
    ...w.snap.vars,
    profile: { ...known, ...(profile?.name ? { name: profile.name } : {}), ...(profile?.phone ? { phone: profile.phone } : {}) },
    business: { name: business.name, address: business.address, hours: hoursText(business, w.snap.locale) },
  };
}

/** Opening hours are described once per business settings and locale, not on every step. */
const hoursCache = new WeakMap<Business, Map<string, string>>();
function hoursText(business: Business, locale: string): string {
  let byLocale = hoursCache.get(business);
  if (!byLocale) {
    byLocale = new Map();
    hoursCache.set(business, byLocale);
  }
  let text = byLocale.get(locale);
  if (text === undefined) {
    text = describeHours(business, locale);
    byLocale.set(locale, text);
  }
  return text;
}

function turnOf(w: Work, text: string | null, analysis: Analysis | null): Turn {
  return { now: w.now, locale: w.snap.locale, misunderstood: w.snap.misunderstood, text, analysis };
}

/** A bot-wide text (settings) in the conversation's locale, with `{{variables}}` filled in. */
function say(w: Work, text: Record<string, string> | undefined): string {
  return interpolate(localize(text, w.snap.locale, w.bot.settings.defaultLocale), { ...w.snap.vars, locale: w.snap.locale });
}

function sendText(w: Work, text: string): void {
  if (text) w.effects.push({ type: 'send', message: { kind: 'text', text } });
}

function onMessage(w: Work, content: InboundContent): void {
  const { settings, nlu } = w.bot;
  const last = w.snap.lastInboundAt;
  if (w.snap.flowId && last !== null && w.now - last > settings.sessionTimeoutMinutes * 60_000) {
    w.trace.push({ type: 'expired', flowId: w.snap.flowId });
    resetFlow(w);
    w.snap.misunderstood = 0;
  }
  const text = textOf(content);
  const analysis = text ? nlu.analyze(text, { localeHint: w.snap.locale, locales: w.bot.locales }) : null;
  if (analysis && /\p{L}/u.test(text ?? '') && analysis.locale !== w.snap.locale) {
    w.snap.locale = analysis.locale;
    w.snap.vars = { ...w.snap.vars, business: { ...asRecord(w.snap.vars.business), hours: hoursText(settings.business, w.snap.locale) } };
  }
  w.snap.lastInboundAt = w.now;
  const greeting = settings.greeting;
  if (greeting?.enabled && (last === null || w.now - last >= greeting.afterDays * 86_400_000)) {
    sendText(w, say(w, greeting.text));
  }

  const turn = turnOf(w, text, analysis);
  if (analysis) {
    const best = analysis.intents[0];
    w.trace.push({ type: 'nlu', locale: analysis.locale, text: text ?? '', intent: best?.intent ?? null, confidence: best?.confidence ?? 0, keyword: null });
  }

  const chosen = content.kind === 'choice' ? content.id : null;
  // A pressed button is the flow's to interpret (its title may well say "Talk to a person");
  // only typed words and our own offer buttons act as interrupts.
  const shortEnough = chosen === null && analysis !== null && analysis.tokens.length <= 8;
  if (chosen === OFFER_HANDOFF_ID || (shortEnough && analysis && w.bot.interrupts.handoff.match(analysis))) {
    w.trace.push({ type: 'interrupt', kind: 'handoff' });
    handoff(w, { queue: settings.handoffQueue, reason: 'requested', message: null });
    return;
  }
  if (chosen === OFFER_MENU_ID || (shortEnough && analysis && w.bot.interrupts.menu.match(analysis))) {
    w.trace.push({ type: 'interrupt', kind: 'menu' });
    resetFlow(w);
    w.snap.misunderstood = 0;
    if (w.bot.mainFlowId) startFlow(w, w.bot.mainFlowId, null, 'main', turn);
    return;
  }
  if (text === null) {
    // Media without a caption, a location, contacts, a reaction: nothing a flow can read.
    sendText(w, say(w, settings.messages.unsupported));
    return;
  }

  const flow = activeFlow(w);
  if (flow) feed(w, flow, { type: 'customer', turn, content });
  else startByTrigger(w, turn);

  w.snap.misunderstood = w.missed ? w.snap.misunderstood : 0;
}

function asRecord(value: Json | undefined): Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/**
 * An intent this sure, in a sentence this long, beats a keyword found somewhere in it ("can I send
 * my order back" → returns); a short message is taken at its word ("delivery" → the keyword's flow).
 */
const DECISIVE_INTENT = 0.85;
const DECISIVE_MIN_TOKENS = 4;

function startByTrigger(w: Work, turn: Turn): void {
  const analysis = turn.analysis;
  if (analysis) {
    const best = analysis.intents[0];
    const byIntent = best && best.confidence >= w.bot.settings.confidenceThreshold ? w.bot.intentFlows.get(best.intent) : undefined;
    if (byIntent && best && best.confidence >= DECISIVE_INTENT && analysis.tokens.length >= DECISIVE_MIN_TOKENS) {
      startFlow(w, byIntent, null, 'intent', turn);
      return;
    }
    // The strongest keyword match wins; between equals, the flow listed first.
    let chosen: { flowId: string; keyword: string; confidence: number } | null = null;
    for (const compiled of w.bot.flows.values()) {
      const match = compiled.triggerKeywords?.match(analysis);
      if (match && (!chosen || match.confidence > chosen.confidence)) chosen = { flowId: compiled.flow.id, keyword: match.keyword, confidence: match.confidence };
    }
    if (chosen) {
      setNluKeyword(w, chosen.keyword);
      startFlow(w, chosen.flowId, null, 'keyword', turn);
      return;
    }
    if (byIntent) {
      startFlow(w, byIntent, null, 'intent', turn);
      return;
    }
  }
  if (w.bot.mainFlowId) {
    startFlow(w, w.bot.mainFlowId, null, 'main', turn);
    return;
  }
  notUnderstood(w, null, null);
}

function setNluKeyword(w: Work, keyword: string): void {
  for (let i = w.trace.length - 1; i >= 0; i -= 1) {
    const entry = w.trace[i];
    if (entry?.type === 'nlu') {
      w.trace[i] = { ...entry, keyword };
      return;
    }
  }
}

function activeFlow(w: Work): CompiledFlow | null {
  if (!w.snap.flowId) return null;
  const compiled = w.bot.flows.get(w.snap.flowId);
  if (!compiled) return null;
  const value = machineValue(w.snap.machine);
  if (value !== null && value !== IDLE && value !== DONE && !/^n\d+$/.test(value)) return null;
  if (value !== null && /^n\d+$/.test(value) && Number(value.slice(1)) >= compiled.flow.nodes.length) return null;
  return compiled;
}

function machineValue(machine: Json | null): string | null {
  if (machine === null || typeof machine !== 'object' || Array.isArray(machine)) return null;
  return typeof machine.value === 'string' ? machine.value : null;
}

function contextOf(w: Work): FlowContext | null {
  const m = w.snap.machine;
  if (m === null || typeof m !== 'object' || Array.isArray(m)) return null;
  const c = m.context;
  if (c === null || typeof c !== 'object' || Array.isArray(c)) return null;
  const vars = c.vars;
  return {
    vars: vars !== null && typeof vars === 'object' && !Array.isArray(vars) ? vars : {},
    attempts: typeof c.attempts === 'number' ? c.attempts : 0,
    pendingRequestId: typeof c.pendingRequestId === 'string' ? c.pendingRequestId : null,
    pendingTimerId: typeof c.pendingTimerId === 'string' ? c.pendingTimerId : null,
    seq: typeof c.seq === 'number' ? c.seq : 0,
    lastText: typeof c.lastText === 'string' ? c.lastText : '',
  };
}

function startFlow(w: Work, flowId: string, nodeId: string | null, by: 'keyword' | 'intent' | 'main' | 'resume', turn: Turn, depth = 0): void {
  const compiled = w.bot.flows.get(flowId);
  if (!compiled) return;
  w.trace.push({ type: 'trigger', flowId, by });
  const previous = contextOf(w);
  w.snap.flowId = flowId;
  w.snap.machine = {
    value: IDLE,
    context: toJson({ vars: w.snap.vars, attempts: 0, pendingRequestId: null, pendingTimerId: null, seq: previous?.seq ?? w.snap.seq, lastText: turn.text ?? '' }),
  };
  feed(w, compiled, { type: 'begin', turn, nodeId }, depth);
}

function toJson(context: FlowContext): Json {
  return { ...context };
}

/** Sends one event into the active flow's machine and interprets what it emitted. */
function feed(w: Work, compiled: CompiledFlow, event: FlowEvent, depth = 0): void {
  const { machine, flow } = compiled;
  const context = contextOf(w) ?? { vars: w.snap.vars, attempts: 0, pendingRequestId: null, pendingTimerId: null, seq: w.snap.seq, lastText: '' };
  const current = resolveFlowState(machine, machineValue(w.snap.machine) ?? IDLE, { ...context, vars: w.snap.vars });
  const [next, actions] = transitionFlow(machine, current, event);
  let jump: { flowId: string; nodeId: string | null } | null = null;
  let handedOff = false;
  // xstate types the returned actions by its built-ins only; ours arrive as `emit` with resolved params.
  const emitted: ReadonlyArray<{ type: string; params?: unknown }> = actions;
  for (const action of emitted) {
    if (action.type !== 'emit' || !isInstruction(action.params)) continue;
    const instruction = action.params;
    switch (instruction.kind) {
      case 'effect':
        w.effects.push(instruction.effect);
        break;
      case 'visit':
        w.trace.push({ type: 'node', flowId: flow.id, nodeId: instruction.nodeId, nodeType: instruction.nodeType });
        break;
      case 'notUnderstood':
        notUnderstood(w, flow.id, instruction.nodeId);
        break;
      case 'offerHuman':
        offerHuman(w, flow.id, instruction.nodeId);
        break;
      case 'fallback':
        if (event.turn.analysis) notUnderstood(w, flow.id, instruction.nodeId, { silent: true });
        break;
      case 'handoff':
        handedOff = true;
        handoff(w, { queue: instruction.queue, reason: instruction.reason, message: instruction.message });
        break;
      case 'jump':
        jump = { flowId: instruction.flowId, nodeId: instruction.targetNodeId };
        break;
      default: {
        const unknown: never = instruction;
        throw new Error(`unhandled instruction ${JSON.stringify(unknown)}`);
      }
    }
  }
  if (handedOff) return;
  const nextContext = next.context;
  w.snap.vars = nextContext.vars;
  w.snap.seq = nextContext.seq;
  w.snap.pendingRequestId = nextContext.pendingRequestId;
  if (next.status === 'done') {
    const carried = nextContext.seq;
    resetFlow(w);
    w.snap.seq = carried;
    if (jump && depth < MAX_JUMPS) {
      startFlow(w, jump.flowId, jump.nodeId, 'resume', { ...event.turn }, depth + 1);
      return;
    }
    w.effects.push({ type: 'end', flowId: flow.id });
    return;
  }
  w.snap.machine = { value: typeof next.value === 'string' ? next.value : IDLE, context: toJson(nextContext) };
  const lastOffer = w.snap.misunderstood >= (flow.settings.fallbackLimit ?? w.bot.settings.fallbackLimit);
  if (lastOffer && w.missed && !offered(w)) offerHuman(w, flow.id, null, { count: false });
}

function isInstruction(params: unknown): params is Instruction {
  return typeof params === 'object' && params !== null && 'kind' in params;
}

function offered(w: Work): boolean {
  return w.effects.some((e) => e.type === 'send' && e.message.kind === 'buttons' && e.message.buttons.some((b) => b.id === OFFER_HANDOFF_ID));
}

function notUnderstood(w: Work, flowId: string | null, nodeId: string | null, options: { silent?: boolean } = {}): void {
  w.missed = true;
  w.snap.misunderstood += 1;
  w.trace.push({ type: 'notUnderstood', flowId, nodeId, count: w.snap.misunderstood });
  if (options.silent) return;
  if (w.snap.misunderstood >= w.bot.settings.fallbackLimit) offerHuman(w, flowId, nodeId, { count: false });
  else sendText(w, say(w, w.bot.settings.messages.notUnderstood));
}

function offerHuman(w: Work, flowId: string | null, nodeId: string | null, options: { count?: boolean } = {}): void {
  if (options.count !== false) {
    w.missed = true;
    w.snap.misunderstood += 1;
    w.trace.push({ type: 'notUnderstood', flowId, nodeId, count: w.snap.misunderstood });
  }
  const ru = w.snap.locale === 'ru';
  w.effects.push({
    type: 'send',
    message: {
      kind: 'buttons',
      text: say(w, w.bot.settings.messages.offerHuman),
      buttons: [
        { id: OFFER_HANDOFF_ID, title: ru ? 'Позвать оператора' : 'Talk to a person' },
        { id: OFFER_MENU_ID, title: ru ? 'Главное меню' : 'Main menu' },
      ],
    },
  });
}

function handoff(w: Work, h: { queue: string; reason: HandoffReason; message: string | null }): void {
  const { settings } = w.bot;
  const closed = settings.away?.enabled === true && !isOpen(settings.business, w.now);
  const text = closed ? say(w, settings.away?.text ?? settings.messages.away) : (h.message ?? say(w, settings.messages.handoff));
  sendText(w, text);
  w.effects.push({ type: 'handoff', queue: h.queue, reason: h.reason });
  resetFlow(w);
  w.snap.misunderstood = 0;
}

/** Leaves the active flow (cancelling its pending timer); the next message goes through the triggers. */
function resetFlow(w: Work): void {
  const pendingTimer = contextOf(w)?.pendingTimerId;
  if (pendingTimer) w.effects.push({ type: 'cancelTimer', timerId: pendingTimer });
  const seq = contextOf(w)?.seq;
  if (seq !== undefined) w.snap.seq = Math.max(w.snap.seq, seq);
  w.snap.flowId = null;
  w.snap.machine = null;
  w.snap.pendingRequestId = null;
}
