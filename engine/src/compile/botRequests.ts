import type { BotSettings, LocalizedList } from '../schema/index.js';
import type { KeywordMatcher, NluModel } from '../nlu/types.js';

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
}

const phrasesOnly = (list: LocalizedList): LocalizedList =>
  Object.fromEntries(Object.entries(list).map(([locale, items]) => [locale, items.filter((item) => item.trim().split(/\s+/).length > 1)]));

function mergeLists(lists: readonly LocalizedList[]): LocalizedList {
  const merged: Record<string, string[]> = {};
  for (const list of lists) for (const [locale, items] of Object.entries(list)) merged[locale] = [...(merged[locale] ?? []), ...items];
  return merged;
}

/**
 * Compiles the bot-wide requests. A language request is written in any language, so each locale's
 * phrases are compiled under every locale the bot speaks.
 */
export function compileBotRequests({ settings, nlu, locales }: { settings: BotSettings; nlu: NluModel; locales: readonly string[] }): BotRequests {
  const { interrupts } = settings;
  const language = new Map<string, KeywordMatcher>();
  for (const [target, phrases] of Object.entries(interrupts.language)) {
    if (phrases.length > 0) language.set(target, nlu.compileKeywords(Object.fromEntries(locales.map((l) => [l, phrases]))));
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
  };
}
