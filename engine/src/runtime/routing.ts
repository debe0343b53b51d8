import type { Analysis } from '../nlu/types.js';
import { ACKNOWLEDGEMENTS } from '../nlu/compileKeywords.js';
import { LANGUAGE_STEM } from '../compile/botRequests.js';
import type { Turn } from '../compile/types.js';
import { checkAnswer } from '../text/validateAnswer.js';
import { writePath } from '../text/interpolate.js';
import { notUnderstood } from './fallback.js';
import { resetFlow } from './flowState.js';
import { represent, startFlow } from './flowRunner.js';
import { positionOf } from './restorePosition.js';
import type { CompiledFlow } from './types.js';
import { sendText, say, type Work } from './work.js';

/** Longest message in which a single handoff or menu word counts as a request ("operator", "меню"). */
const SHORT_REQUEST_TOKENS = 8;
/** Longest message read as leave-taking, thanks or a greeting. */
const SMALL_TALK_TOKENS = 6;
/** How well every word of a message must fit one phrase of a request ("ok bye" → "bye"). */
const WITHIN = 0.8;
/**
 * An intent this sure, in a sentence this long, beats a keyword found somewhere in it ("can I send
 * my order back" → returns); a short message is taken at its word ("delivery" → the keyword's flow).
 */
const DECISIVE_INTENT = 0.85;
const DECISIVE_MIN_TOKENS = 4;

export type SmallTalk = 'goodbye' | 'thanks' | 'greeting' | 'acknowledgement';

/** A request for a person: any handoff word in a short message, a phrase of several words in any message. */
export function asksForPerson(w: Work, analysis: Analysis): boolean {
  const { requests } = w.bot;
  return analysis.tokens.length <= SHORT_REQUEST_TOKENS ? requests.handoff.match(analysis) !== null : requests.handoffPhrases.match(analysis) !== null;
}

export function asksForMenu(w: Work, analysis: Analysis): boolean {
  return analysis.tokens.length <= SHORT_REQUEST_TOKENS && w.bot.requests.menu.match(analysis) !== null;
}

/** The language a short message explicitly asks for ("in English please", "по-русски"), if any. */
export function askedLanguage(w: Work, analysis: Analysis): string | null {
  const { languageStems } = w.bot.requests;
  if (analysis.tokens.length > SMALL_TALK_TOKENS || !analysis.tokens.some((t) => t.length >= LANGUAGE_STEM && languageStems.has(t.slice(0, LANGUAGE_STEM)))) return null;
  for (const [locale, matcher] of w.bot.requests.language) {
    if (w.bot.locales.includes(locale) && matcher.match(analysis)) return locale;
  }
  return null;
}

/**
 * Leave-taking, thanks or a greeting: a short message made only of such words ("ok, bye",
 * "bye, thanks"), read as the first of goodbye, thanks and greeting whose phrase it holds; or a bare
 * acknowledgement ("ok", "хорошо").
 */
export function smallTalkOf(w: Work, analysis: Analysis): SmallTalk | null {
  if (analysis.tokens.length === 0 || analysis.tokens.length > SMALL_TALK_TOKENS) return null;
  if (analysis.tokens.every((token) => ACKNOWLEDGEMENTS.has(token))) return 'acknowledgement';
  const { goodbye, thanks, greeting, smallTalk } = w.bot.requests;
  if (smallTalk.covers(analysis) < WITHIN) return null;
  if (goodbye.match(analysis)) return 'goodbye';
  if (thanks.match(analysis)) return 'thanks';
  if (greeting.match(analysis)) return 'greeting';
  return null;
}

/** Keeps the ids a customer mentions when asking for a person, under the variables the flows' questions fill. */
export function keepMentionedIds(w: Work, analysis: Analysis): void {
  for (const id of analysis.entities.ids) {
    for (const question of w.bot.entryQuestions) {
      const check = checkAnswer(question.validator, id, null);
      if (check.ok) w.snap.vars = writePath(w.snap.vars, question.variable, check.value);
    }
  }
}

export interface Topic {
  flowId: string;
  by: 'keyword' | 'intent' | 'entity';
  keyword: string | null;
}

/**
 * The flow a message's topic belongs to: a decisive intent, else the strongest trigger keyword
 * (between equals, the flow listed first), else an intent over the threshold, else an id that a
 * flow's first question takes ("and what about ORD-7310"), or a number the current flow's first
 * question takes ("and 7310?"). Null when it names no topic. While a flow waits (`clear`), an
 * intent alone must be decisive: a guess must not pull the customer away from the question.
 */
export function topicOf(w: Work, analysis: Analysis, options: { clear?: boolean; currentFlowId?: string | null } = {}): Topic | null {
  const best = analysis.intents[0];
  const threshold = options.clear ? DECISIVE_INTENT : w.bot.settings.confidenceThreshold;
  const byIntent = best && best.confidence >= threshold ? w.bot.intentFlows.get(best.intent) : undefined;
  if (byIntent && best && best.confidence >= DECISIVE_INTENT && analysis.tokens.length >= DECISIVE_MIN_TOKENS) return { flowId: byIntent, by: 'intent', keyword: null };
  let chosen: { flowId: string; keyword: string; confidence: number } | null = null;
  for (const compiled of w.bot.flows.values()) {
    const match = compiled.triggerKeywords?.match(analysis);
    if (match && (!chosen || match.confidence > chosen.confidence)) chosen = { flowId: compiled.flow.id, keyword: match.keyword, confidence: match.confidence };
  }
  if (chosen) return { flowId: chosen.flowId, by: 'keyword', keyword: chosen.keyword };
  if (byIntent) return { flowId: byIntent, by: 'intent', keyword: null };
  for (const id of analysis.entities.ids) {
    const question = w.bot.entryQuestions.find((q) => checkAnswer(q.validator, id, null).ok);
    if (question) return { flowId: question.flowId, by: 'entity', keyword: null };
  }
  const current = options.currentFlowId ? w.bot.entryQuestions.find((q) => q.flowId === options.currentFlowId) : undefined;
  if (current && analysis.entities.numbers.some((n) => checkAnswer(current.validator, String(n), null).ok)) return { flowId: current.flowId, by: 'entity', keyword: null };
  return null;
}

/** With no flow active: the flow of the message's topic, else the main flow, else "not understood". */
export function startByTrigger(w: Work, turn: Turn): void {
  const topic = turn.analysis ? topicOf(w, turn.analysis) : null;
  if (topic) {
    startTopic(w, topic, turn);
    return;
  }
  if (w.bot.mainFlowId) {
    startFlow(w, w.bot.mainFlowId, null, 'main', turn);
    return;
  }
  notUnderstood(w, null, null);
}

function startTopic(w: Work, topic: Topic, turn: Turn): void {
  if (topic.keyword) setNluKeyword(w, topic.keyword);
  startFlow(w, topic.flowId, null, topic.by, turn);
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

/**
 * A message on another topic while a flow waits: the conversation moves to that topic's flow.
 * When the flow was waiting for the answer to a question, it is kept to return to: if the other
 * topic is answered without needing anything more from the customer (it says something and then
 * only offers choices, or ends), `settleReturn` brings the question back ("what is your address?"
 * at "send your order number" is answered, then the order number asked again); if the other
 * topic asks its own question, the customer has changed topic and the first one is let go.
 */
export function digress(w: Work, compiled: CompiledFlow, nodeId: string, topic: Topic, turn: Turn): void {
  const asking = compiled.nodes.get(nodeId)?.type === 'ask' && topic.flowId !== compiled.flow.id;
  const machine = w.snap.machine;
  resetFlow(w);
  startTopic(w, topic, turn);
  if (asking && machine !== null) w.snap.returnTo = { flowId: compiled.flow.id, nodeId, machine };
}

/**
 * At the end of a step, returns to the question a customer left for another topic once that topic
 * is answered (its follow-up choices are not sent: the question comes instead); lets it go when the
 * other topic needs something of its own or a person took over. Waits while a backend answer is due.
 */
export function settleReturn(w: Work): void {
  const back = w.snap.returnTo;
  if (!back) return;
  if (w.effects.some((e) => e.type === 'handoff')) {
    w.snap.returnTo = null;
    return;
  }
  const rest = w.snap.flowId ? positionOf(w.bot, w.snap) : null;
  if (rest?.nodeType === 'action' && w.snap.pendingRequestId) return;
  const answered = w.effects.some((e) => e.type === 'send' && (rest === null || e.nodeId !== rest.nodeId));
  const original = w.bot.flows.get(back.flowId);
  w.snap.returnTo = null;
  if (!original || !answered || (rest !== null && rest.nodeType !== 'message') || (rest === null && w.snap.flowId !== null)) return;
  if (rest) {
    w.effects = w.effects.filter((e) => !(e.type === 'send' && e.nodeId === rest.nodeId));
    w.effects.push({ type: 'end', flowId: rest.flowId });
  }
  resetFlow(w);
  w.snap.flowId = original.flow.id;
  w.snap.machine = back.machine;
  w.restored = { kind: 'kept', compiled: original, republished: false, fromVersion: original.version };
  represent(w, original, back.nodeId, { now: w.now, locale: w.snap.locale, misunderstood: w.snap.misunderstood, text: null, analysis: null });
}

/**
 * Leave-taking, thanks, a greeting or a bare acknowledgement, wherever the conversation is (the
 * waiting node did not take it). Goodbye closes politely. While a question waits for its answer,
 * thanks, greetings and "ok" bring the question back; anywhere else thanks and "ok" close politely
 * and a greeting starts the conversation as it would a new one.
 */
export function answerSmallTalk(w: Work, kind: SmallTalk, waiting: { compiled: CompiledFlow; nodeId: string } | null, turn: Turn): void {
  const { messages } = w.bot.settings;
  const asking = waiting !== null && waiting.compiled.nodes.get(waiting.nodeId)?.type === 'ask';
  if (asking && kind !== 'goodbye') {
    represent(w, waiting.compiled, waiting.nodeId, turn);
    return;
  }
  switch (kind) {
    case 'goodbye':
    case 'thanks':
    case 'acknowledgement':
      sendText(w, say(w, kind === 'goodbye' ? messages.goodbye : messages.thanks));
      if (w.snap.flowId) {
        const flowId = w.snap.flowId;
        resetFlow(w);
        w.effects.push({ type: 'end', flowId });
      }
      return;
    case 'greeting':
      if (waiting) represent(w, waiting.compiled, waiting.nodeId, turn);
      else startByTrigger(w, turn);
      return;
    default: {
      const unknown: never = kind;
      throw new Error(`unhandled small talk ${String(unknown)}`);
    }
  }
}
