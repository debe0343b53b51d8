import { BOT_REQUEST_PRECEDENCE, DEFAULT_REQUESTS, type BotRequestKind } from '@switchboard/engine/schema';
import type { BotRequestSettings } from './settingsApi';

export type Rung = (typeof BOT_REQUEST_PRECEDENCE)[number];
export type RequestAnswer = keyof BotRequestSettings['answers'];

/** One rung of the ladder: what it is called, when it wins, and the bot message it answers with, if any. */
export interface LadderStep {
  rung: Rung;
  /** 1 for the rung that wins over all others. */
  place: number;
  title: string;
  when: string;
  /** The request whose phrases the analyst edits; null for the rungs the flows decide. */
  kind: BotRequestKind | null;
  answer: { key: RequestAnswer; label: string; hint: string } | null;
}

type RungText = Omit<LadderStep, 'rung' | 'place' | 'kind'>;

const RUNGS: Record<Rung, RungText> = {
  handoff: {
    title: 'Talk to a person',
    when: 'A short message with one of these words, or a phrase of several words in a message of any length. Wins over everything else; an order number in the message is kept for the operator.',
    answer: { key: 'handoff', label: 'The bot says', hint: 'Outside opening hours, the away message (Business) is said instead.' },
  },
  language: {
    title: 'Switch language',
    when: 'A short message asking for a language, written in any language ("in English please", "по-английски"). The bot confirms and asks its question again in that language.',
    answer: { key: 'languageChanged', label: 'The bot confirms', hint: 'Each text is said in the language switched to.' },
  },
  menu: {
    title: 'Main menu',
    when: 'A short message with one of these words: the current flow is left and the main flow starts.',
    answer: null,
  },
  answer: {
    title: 'The answer the waiting step takes',
    when: 'A valid answer to the question the bot asked, or one of the choices it offered, typed out. Everything below counts only when the waiting step did not take the message.',
    answer: null,
  },
  goodbye: {
    title: 'Goodbye',
    when: 'A short message made only of such words ("ok bye"). The bot says goodbye and the current flow ends.',
    answer: { key: 'goodbye', label: 'The bot says', hint: '' },
  },
  thanks: {
    title: 'Thanks',
    when: 'A short message made only of thanks, or a bare "ok". While the bot waits for the answer to a question, it asks the question again; anywhere else it answers and the current flow ends.',
    answer: { key: 'thanks', label: 'The bot says', hint: '' },
  },
  greeting: {
    title: 'Greeting',
    when: 'A short message made only of greetings: the bot asks its waiting question again, or starts as it would for a new conversation. The welcome message itself is under Business.',
    answer: null,
  },
  topic: {
    title: 'Another topic',
    when: "A flow's trigger keyword or intent, or an id such as an order number that a flow's first question takes. While the bot waits for an answer, the other topic is answered in passing and the question asked again.",
    answer: null,
  },
  flow: {
    title: "The flow's own handling",
    when: "Anything else goes to the waiting step's own handling (try again, the fallback); with no flow active, the main flow starts.",
    answer: { key: 'flowChanged', label: 'When a new version of a flow removed the step a customer was at', hint: 'Said before that flow starts again from the beginning.' },
  },
};

/** Whether a rung is a bot-wide request with phrases (the others are decided by the flows). */
export const isRequestKind = (rung: Rung): rung is BotRequestKind => Object.hasOwn(DEFAULT_REQUESTS, rung);

/**
 * The whole ladder a customer's typed message goes down, first rung first, in the engine's own
 * order (`BOT_REQUEST_PRECEDENCE`): the first rung that fits the message wins.
 */
export function requestLadder(): LadderStep[] {
  return BOT_REQUEST_PRECEDENCE.map((rung, i) => ({ rung, place: i + 1, kind: isRequestKind(rung) ? rung : null, ...RUNGS[rung] }));
}
