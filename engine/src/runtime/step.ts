import type { Business, InboundContent, Json } from '../schema/index.js';
import type { FlowEvent } from '../compile/types.js';
import { describeHours } from './businessHours.js';
import { decideLocale } from './conversationLocale.js';
import { handoff, OFFER_HANDOFF_ID, OFFER_MENU_ID } from './fallback.js';
import { activeFlow, feed, represent, startFlow } from './flowRunner.js';
import { contextOf, resetFlow, waitingNodeId } from './flowState.js';
import { positionOf, restorePosition, type Restored } from './restorePosition.js';
import {
  settleReturn,
  answerSmallTalk,
  askedLanguage,
  asksForMenu,
  asksForPerson,
  digress,
  keepMentionedIds,
  smallTalkOf,
  startByTrigger,
  topicOf,
} from './routing.js';
import type { Bot, ConversationSnapshot, StepInput, StepResult, TraceEntry } from './types.js';
import { asRecord, say, sendText, turnOf, type Work } from './work.js';

export { OFFER_HANDOFF_ID, OFFER_MENU_ID } from './fallback.js';

/** A fresh conversation: no flow active, the bot's default locale, the customer's language not yet known. */
export function initialSnapshot(bot: Bot): ConversationSnapshot {
  return {
    v: 2,
    flowId: null,
    botVersion: bot.version,
    machine: null,
    position: null,
    returnTo: null,
    vars: {},
    locale: bot.settings.defaultLocale,
    localeSettled: false,
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
  const snap: ConversationSnapshot = snapshot ? { ...snapshot } : initialSnapshot(bot);
  const w: Work = { bot, snap, effects: [], trace: [], now, missed: false, restored: { kind: 'none' } };
  w.restored = restorePosition(bot, snap);
  snap.botVersion = bot.version;
  w.snap.vars = withBuiltins(w, profile);
  // A lost position is traced once, by the step that leaves it: a timer or action result of the
  // removed node is dropped and leaves it as it was, for the customer's next message to restart.
  const republished = republishedEntry(w, w.restored);
  if (republished?.outcome === 'kept') w.trace.push(republished);

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
      // A timer of a node that a republish removed is dropped; the customer's next message restarts the flow.
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
  settleReturn(w);
  // A lost position stays as it was until a customer message restarts its flow with a notice.
  if (w.restored.kind !== 'lost') w.snap.position = positionOf(bot, w.snap);
  if (republished && republished.outcome !== 'kept' && w.restored.kind !== 'lost') w.trace.unshift(republished);
  return { snapshot: w.snap, effects: w.effects, trace: w.trace };
}

function republishedEntry(w: Work, restored: Restored): Extract<TraceEntry, { type: 'republished' }> | null {
  if (restored.kind === 'kept' && restored.republished) {
    return { type: 'republished', flowId: restored.compiled.flow.id, nodeId: waitingNodeId(w), outcome: 'kept', fromVersion: restored.fromVersion, toVersion: restored.compiled.version };
  }
  if (restored.kind === 'lost') {
    const toVersion = w.bot.flows.get(restored.flowId)?.version ?? null;
    return { type: 'republished', flowId: restored.flowId, nodeId: restored.nodeId, outcome: restored.outcome, fromVersion: restored.fromVersion, toVersion };
  }
  return null;
}

/**
 * The conversation's variables with the built-ins refreshed: what the host knows of the customer
 * (`profile`) and the business facts in the conversation's language (`business`). Unchanged
 * variables are handed back as they are, without a copy.
 */
function withBuiltins(w: Work, profile: StepInput['profile']): Record<string, Json> {
  const { business } = w.bot.settings;
  const vars = w.snap.vars;
  const known = asRecord(vars.profile);
  const hours = hoursText(business, w.snap.locale);
  const stored = asRecord(vars.business);
  const profileSame = vars.profile !== undefined && (!profile?.name || known.name === profile.name) && (!profile?.phone || known.phone === profile.phone);
  const businessSame = stored.name === business.name && stored.address === business.address && stored.hours === hours;
  if (profileSame && businessSame) return vars;
  return {
    ...vars,
    profile: profileSame ? known : { ...known, ...(profile?.name ? { name: profile.name } : {}), ...(profile?.phone ? { phone: profile.phone } : {}) },
    business: businessSame ? stored : { name: business.name, address: business.address, hours },
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

function setLocale(w: Work, locale: string, settled: boolean): void {
  w.snap.localeSettled = settled;
  if (locale === w.snap.locale) return;
  w.snap.locale = locale;
  // The business facts are said in the conversation's language.
  w.snap.vars = withBuiltins(w, undefined);
}

/**
 * A customer's message, read in the order of `BOT_REQUEST_PRECEDENCE`: our own offer buttons, a
 * request for a person, for another language, for the menu; then the answer the waiting node takes;
 * then leave-taking, thanks and greetings; then another topic; then the flow's own handling.
 */
function onMessage(w: Work, content: InboundContent): void {
  const { settings, nlu } = w.bot;
  const last = w.snap.lastInboundAt;
  if (w.snap.flowId && last !== null && w.now - last > settings.sessionTimeoutMinutes * 60_000) {
    w.trace.push({ type: 'expired', flowId: w.snap.flowId });
    resetFlow(w);
    w.snap.misunderstood = 0;
  }
  // A topic taken in passing is settled within the turn that raised it; a message ends any left open.
  w.snap.returnTo = null;
  const text = textOf(content);
  const chosen = content.kind === 'choice' ? content.id : null;
  const analysis = text ? nlu.analyze(text, { localeHint: w.snap.locale, locales: w.bot.locales }) : null;
  // A button's title is in the language it was offered in; it says nothing new about the customer's.
  const requested = chosen === null && analysis ? askedLanguage(w, analysis) : null;
  const before = w.snap.locale;
  if (requested) setLocale(w, requested, true);
  else if (text && chosen === null) {
    const decided = decideLocale(w.bot, { text, locale: w.snap.locale, settled: w.snap.localeSettled });
    setLocale(w, decided.locale, decided.settled);
  }
  if (w.snap.locale !== before) w.trace.push({ type: 'locale', from: before, to: w.snap.locale, by: requested ? 'request' : 'detected' });
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

  // 1. Our own offer buttons, and typed requests for a person, a language or the menu. A pressed
  // button of a flow is the flow's to interpret (its title may well say "Talk to a person").
  const typed = chosen === null ? analysis : null;
  if (chosen === OFFER_HANDOFF_ID || (typed && asksForPerson(w, typed))) {
    w.trace.push({ type: 'interrupt', kind: 'handoff' });
    if (typed) keepMentionedIds(w, typed);
    handoff(w, { queue: settings.handoffQueue, reason: 'requested', message: null });
    return;
  }
  const flow = activeFlow(w);
  const nodeId = flow ? waitingNodeId(w) : null;
  const waiting = flow && nodeId ? { compiled: flow, nodeId } : null;
  if (requested) {
    w.trace.push({ type: 'interrupt', kind: 'language' });
    sendText(w, say(w, settings.messages.languageChanged));
    if (waiting) represent(w, waiting.compiled, waiting.nodeId, turn);
    return;
  }
  if (chosen === OFFER_MENU_ID || (typed && asksForMenu(w, typed))) {
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

  // A republish removed the customer's place: say so once, then read the message afresh.
  const lost = w.restored.kind === 'lost' ? w.restored : null;
  if (lost) {
    sendText(w, say(w, settings.messages.flowChanged));
    resetFlow(w);
  }

  // 2. The answer the waiting node takes.
  const event: FlowEvent = { type: 'customer', turn, content };
  const answered = chosen !== null || (waiting !== null && (waiting.compiled.answers.get(waiting.nodeId)?.(event) ?? false));
  const smallTalk = !answered && typed ? smallTalkOf(w, typed) : null;
  if (answered && flow) {
    feed(w, flow, event);
  } else if (smallTalk) {
    // 3. Leave-taking, thanks, greetings.
    answerSmallTalk(w, smallTalk, waiting, turn);
  } else if (lost?.outcome === 'restarted' && w.bot.flows.has(lost.flowId)) {
    startFlow(w, lost.flowId, null, 'restart', turn);
  } else if (flow) {
    // 4. Another topic, else 5. the flow's own handling of what its node did not take.
    const topic = typed && waiting ? topicOf(w, typed, { clear: true, currentFlowId: flow.flow.id }) : null;
    if (topic && waiting) digress(w, waiting.compiled, waiting.nodeId, topic, turn);
    else feed(w, flow, event);
  } else {
    startByTrigger(w, turn);
  }
  w.snap.misunderstood = w.missed ? w.snap.misunderstood : 0;
}
