import type { Intent, LocalizedList } from '../schema/index.js';

/** What the NLU found in one customer message. Computed once per step and shared by every rule. */
export interface Analysis {
  /** The locale the text is in (by script; the conversation's locale breaks ties). */
  locale: string;
  /** How sure the locale decision is: the share of letters in the winning script, 0.5 when the hint decided. */
  localeConfidence?: number;
  /** Lower-cased, NFKC, ё→е, punctuation removed, whitespace collapsed. */
  normalized: string;
  tokens: string[];
  stems: string[];
  /** Every intent the model knows, best first, confidences in [0, 1]. Empty when nothing was trained. */
  intents: IntentScore[];
  entities: Entities;
}

export interface IntentScore {
  intent: string;
  confidence: number;
}

export interface Entities {
  numbers: number[];
  /** Ids such as `ORD-5521` / `BK-48213` written in any of the customer's ways, normalised to `PREFIX-DIGITS`. */
  ids: string[];
  emails: string[];
  phones: string[];
  /** ISO dates (YYYY-MM-DD). */
  dates: string[];
}

export interface KeywordMatch {
  keyword: string;
  confidence: number;
}

/** Keywords compiled once (normalised and stemmed) and matched against many analyses. */
export interface KeywordMatcher {
  match(analysis: Analysis): KeywordMatch | null;
  /**
   * How well a short message is made only of words from one keyword (its content words, or all of
   * its words when it has none): "thanks" or "нет" within "No, thanks" / "Нет, спасибо". Best
   * confidence over the keywords, 0 when none holds every word.
   */
  within(analysis: Analysis): number;
  /**
   * Like `within`, but each word may come from a different keyword: "bye, thanks" is covered by
   * "bye" and "thanks" together. 0 when some word is in none of them.
   */
  covers(analysis: Analysis): number;
}

export interface NluTrainingData {
  locales: string[];
  intents: Intent[];
  /** Id prefixes also recognised without a hyphen ("ord5521", "bk 48213"); defaults to ORD and BK. */
  idPrefixes?: string[];
}

export interface AnalyzeOptions {
  /** The conversation's locale, used when the script does not decide. */
  localeHint: string;
  /** Locales the bot speaks; detection picks among them. */
  locales: readonly string[];
}

/** A trained model: intents per locale. Serialisable with `toJSON` / `restoreNlu` so a publish trains once. */
export interface NluModel {
  analyze(text: string, options: AnalyzeOptions): Analysis;
  compileKeywords(keywords: LocalizedList): KeywordMatcher;
  toJSON(): unknown;
}

export type { LocalizedList };
