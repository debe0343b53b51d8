import { STOP_WORDS } from '../nlu/stopWords.js';
import { normalizeText } from '../nlu/normalizeText.js';
import { scriptOf, scriptOfLocale, scriptOfWord, type Script } from '../nlu/scriptOf.js';
import type { Bot } from './types.js';

/** Letters a first message needs, in words the bot does not know, to decide the customer's language. */
const SETTLING_LETTERS = 4;
/** Share of a message's letters the other script needs before it can change a settled language. */
const CLEAR_SHARE = 0.7;

/** What a message says about the customer's language. */
export interface LocaleDecision {
  locale: string;
  settled: boolean;
}

/**
 * Ids, codes, numbers, links and addresses say nothing about a language ("ORD-5521", "https://…"):
 * a token with any of these marks is left out, and a text without any is read whole.
 */
const LANGUAGE_FREE_MARKS = /[\d@]|:\/\/|www\./;
const isLanguageFree = (token: string): boolean => LANGUAGE_FREE_MARKS.test(token);

/**
 * The conversation's language after a customer's message. The first message with enough letters
 * (or a word the bot knows) decides it; before that, any message with letters may. Once decided,
 * only a message clearly in another of the bot's languages changes it: mostly that language's
 * script, with two words the bot knows in it (or one among three of its words, or one long known
 * word alone: "оператор"). Ids, numbers, codes, links, emoji, a name or a short word in another
 * script ("Ivan", "ok") never do. An explicit request
 * ("in English please") is read elsewhere, before this.
 *
 * @example decideLocale(bot, { text: 'ORD-5521', locale: 'ru', settled: true }) // → { locale: 'ru', settled: true }
 */
export function decideLocale(bot: Bot, input: { text: string; locale: string; settled: boolean }): LocaleDecision {
  // One pass over the letters first: most messages are in the conversation's own script, and then
  // nothing else needs to be looked at.
  const plain = !isLanguageFree(input.text);
  const tokens = plain ? [input.text] : input.text.split(/\s+/).filter((token) => token !== '' && !isLanguageFree(token));
  let latin = 0;
  let cyrillic = 0;
  for (const token of tokens) {
    for (let i = 0; i < token.length; i += 1) {
      const script = scriptOf(token.charCodeAt(i));
      if (script === 'latin') latin += 1;
      else if (script === 'cyrillic') cyrillic += 1;
    }
  }
  const total = latin + cyrillic;
  if (total === 0) return { locale: input.locale, settled: input.settled };
  const winner: Script = cyrillic > latin ? 'cyrillic' : 'latin';
  const winnerLetters = Math.max(latin, cyrillic);
  const same = scriptOfLocale(input.locale) === winner;
  if (same && input.settled) return { locale: input.locale, settled: true };
  const candidate = same ? input.locale : bot.locales.find((l) => scriptOfLocale(l) === winner);
  if (candidate === undefined) return { locale: input.locale, settled: input.settled };

  const words = tokens.flatMap((token) => normalizeText(token).split(' ')).filter((word) => word !== '' && scriptOfWord(word) === winner);
  const known = words.filter((word) => STOP_WORDS.has(word) || bot.vocabulary.get(candidate)?.has(word) === true).length;
  if (!input.settled) return { locale: candidate, settled: winnerLetters >= SETTLING_LETTERS || known > 0 };
  const share = winnerLetters / total;
  // One known word alone is clear when it is long enough to be nobody's name or a stray "ok" ("оператор", "hello").
  const clear = share >= CLEAR_SHARE && (known >= 2 || (known >= 1 && (words.length >= 3 || (words.length === 1 && share === 1 && winnerLetters >= SETTLING_LETTERS + 1))));
  return clear ? { locale: candidate, settled: true } : { locale: input.locale, settled: true };
}
