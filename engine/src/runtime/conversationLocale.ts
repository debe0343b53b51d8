import { STOP_WORDS } from '../nlu/stopWords.js';
import { normalizeText } from '../nlu/normalizeText.js';
import { scriptOfLocale, scriptOfWord, type Script } from '../nlu/scriptOf.js';
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

/** Ids, codes, numbers, links and addresses say nothing about a language ("ORD-5521", "https://…"). */
function isLanguageFree(token: string): boolean {
  return /\d/.test(token) || /:\/\/|^www\.|@/.test(token);
}

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
  const words = input.text
    .split(/\s+/)
    .filter((token) => token !== '' && !isLanguageFree(token))
    .flatMap((token) => normalizeText(token).split(' '))
    .filter((word) => word !== '');
  const letters: Record<Script, number> = { latin: 0, cyrillic: 0, other: 0 };
  const byScript: Record<Script, string[]> = { latin: [], cyrillic: [], other: [] };
  for (const word of words) {
    const script = scriptOfWord(word);
    if (script === 'other') continue;
    byScript[script].push(word);
    letters[script] += [...word].filter((ch) => /\p{L}/u.test(ch)).length;
  }
  const total = letters.latin + letters.cyrillic;
  if (total === 0) return { locale: input.locale, settled: input.settled };
  const winner: Script = letters.cyrillic > letters.latin ? 'cyrillic' : 'latin';
  const candidate = scriptOfLocale(input.locale) === winner ? input.locale : bot.locales.find((l) => scriptOfLocale(l) === winner);
  if (candidate === undefined) return { locale: input.locale, settled: input.settled };
  const known = byScript[winner].filter((word) => STOP_WORDS.has(word) || bot.vocabulary.get(candidate)?.has(word) === true).length;
  if (!input.settled) return { locale: candidate, settled: letters[winner] >= SETTLING_LETTERS || known > 0 };
  if (candidate === input.locale) return { locale: input.locale, settled: true };
  const share = letters[winner] / total;
  const count = byScript[winner].length;
  // One known word alone is clear when it is long enough to be nobody's name or a stray "ok" ("оператор", "hello").
  const clear = share >= CLEAR_SHARE && (known >= 2 || (known >= 1 && (count >= 3 || (count === 1 && share === 1 && letters[winner] >= SETTLING_LETTERS + 1))));
  return clear ? { locale: candidate, settled: true } : { locale: input.locale, settled: true };
}
