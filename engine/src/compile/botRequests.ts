import type { BotSettings, LocalizedList } from '../schema/index.js';
import type { KeywordMatcher, NluModel } from '../nlu/types.js';
import { normalizeText, tokenize } from '../nlu/normalizeText.js';

/** The bot-wide requests of the settings, compiled once (see `BOT_REQUEST_PRECEDENCE`). */
export interface BotRequests {
  /** Every handoff word and phrase, for short messages. */
  handoff: KeywordMatcher;
  /** Only the phrases of several words ("talk to a person"), which ask for a person in a message of any length. */
  handoffPhrases: KeywordMatcher;
  menu: KeywordMatcher;
  goodbye: KeywordMatcher;
  thanks: KeywordMatcher;
  greeting: KeywordMatcher;
  /** Every goodbye, thanks and greeting phrase together: whether a message is made only of such words. */
  smallTalk: KeywordMatcher;
  /** Per locale asked for, its phrases in any language. */
  language: ReadonlyMap<string, KeywordMatcher>;
  /**
   * The first letters of the longest word of every language phrase ("engl", "русс"): a message with
   * none of them asks for no language, and no phrase needs to be tried.
   */
  languageStems: ReadonlySet<string>;
}

/** How many first letters of a language's name a message must share with a phrase to be tried against it. */
export const LANGUAGE_STEM = 4;

const phrasesOnly = (list: LocalizedList): LocalizedList =>
  Object.fromEntries(Object.entries(list).map(([locale, items]) => [locale, items.filter((item) => item.trim().split(/\s+/).length > 1)]));

function mergeLists(lists: readonly LocalizedList[]): LocalizedList {
  const merged: Record<string, string[]> = {};
  for (const list of lists) for (const [locale, items] of Object.entries(list)) merged[locale] = [...(merged[locale] ?? []), ...items];
  return merged;
}

/** Compiles the bot-wide requests once per bot. */
export function compileBotRequests({ settings, nlu }: { settings: BotSettings; nlu: NluModel }): BotRequests {
  const { interrupts } = settings;
  // A matcher tries every phrase whatever its locale (another locale's phrase counts a little less),
  // so each phrase is compiled once, under the locale asked for.
  const language = new Map<string, KeywordMatcher>();
  for (const [target, phrases] of Object.entries(interrupts.language)) {
    if (phrases.length > 0) language.set(target, nlu.compileKeywords({ [target]: phrases }));
  }
  return {
    handoff: nlu.compileKeywords(interrupts.handoff),
    handoffPhrases: nlu.compileKeywords(phrasesOnly(interrupts.handoff)),
    menu: nlu.compileKeywords(interrupts.menu),
    goodbye: nlu.compileKeywords(interrupts.goodbye),
    thanks: nlu.compileKeywords(interrupts.thanks),
    greeting: nlu.compileKeywords(interrupts.greeting),
    smallTalk: nlu.compileKeywords(mergeLists([interrupts.goodbye, interrupts.thanks, interrupts.greeting])),
    language,
    languageStems: new Set(
      Object.values(interrupts.language)
        .flat()
        .map((phrase) => tokenize(normalizeText(phrase)).reduce((a, b) => (b.length > a.length ? b : a), ''))
        .filter((word) => word.length >= LANGUAGE_STEM)
        .map((word) => word.slice(0, LANGUAGE_STEM)),
    ),
  };
}
