import type { Analysis, KeywordMatch, KeywordMatcher, LocalizedList } from './types.js';
import type { Stemmer } from './createStemmer.js';
import { editDistance } from './editDistance.js';
import { normalizeText, tokenize } from './normalizeText.js';
import { STOP_WORDS } from './stopWords.js';

interface CompiledWord {
  token: string;
  stem: string;
  /** Edits tolerated for this word: none for short words, where one edit makes another word. */
  tolerance: number;
  /** The same for the stem, which is shorter ("operator" → "oper" must not accept "opera"). */
  stemTolerance: number;
}

interface CompiledKeyword {
  keyword: string;
  locale: string;
  words: CompiledWord[];
}

/** Confidence lost per skipped customer word inside a phrase ("talk to a real person"). */
const GAP_PENALTY = 0.05;
/** Confidence kept by a keyword written in another locale than the message (a Russian speaker typing "menu"). */
const OTHER_LOCALE_FACTOR = 0.95;

/**
 * Edits tolerated for a keyword word of this length: 0 up to 4 letters ("or" must not become
 * "order"), 1 up to 7, 2 beyond.
 *
 * @example typoTolerance('booking') // 1
 */
export function typoTolerance(word: string): number {
  if (word.length <= 4) return 0;
  return word.length <= 7 ? 1 : 2;
}

/**
 * Normalises and stems keywords once so that matching a message costs no stemming. A keyword of
 * several words matches as a phrase: its words in order, with at most one extra customer word
 * between two of them.
 *
 * @example compileKeywords({ en: ['talk to a person'] }, createStemmer()).match(analysis)
 */
export function compileKeywords(keywords: LocalizedList, stemmer: Stemmer): KeywordMatcher {
  const compiled: CompiledKeyword[] = [];
  for (const [locale, list] of Object.entries(keywords)) {
    for (const keyword of list) {
      const words = tokenize(normalizeText(keyword)).map((token) => {
        const stem = stemmer.stem(token);
        return { token, stem, tolerance: typoTolerance(token), stemTolerance: typoTolerance(stem) };
      });
      if (words.length > 0) compiled.push({ keyword, locale, words });
    }
  }

  return {
    match(analysis) {
      let best: KeywordMatch | null = null;
      let bestWords = 0;
      for (const candidate of compiled) {
        const score = matchPhrase(candidate.words, analysis);
        if (score === 0) continue;
        const confidence = candidate.locale === analysis.locale ? score : score * OTHER_LOCALE_FACTOR;
        // Prefer the more confident match, then the longer phrase ("main menu" over "menu").
        if (best === null || confidence > best.confidence || (confidence === best.confidence && candidate.words.length > bestWords)) {
          best = { keyword: candidate.keyword, confidence };
          bestWords = candidate.words.length;
        }
      }
      return best;
    },
    within(analysis) {
      const words = messageWords(analysis);
      if (words.length === 0) return 0;
      let best = 0;
      for (const candidate of compiled) {
        let total = 0;
        for (const { token, stem } of words) {
          let score = 0;
          for (const word of candidate.words) score = Math.max(score, matchWord(word, token, stem));
          if (score === 0) {
            total = 0;
            break;
          }
          total += score;
        }
        const confidence = (total / words.length) * (candidate.locale === analysis.locale ? 1 : OTHER_LOCALE_FACTOR);
        best = Math.max(best, confidence);
      }
      return best;
    },
    covers(analysis) {
      const words = messageWords(analysis);
      if (words.length === 0) return 0;
      let total = 0;
      for (const { token, stem } of words) {
        let score = 0;
        for (const candidate of compiled) {
          const factor = candidate.locale === analysis.locale ? 1 : OTHER_LOCALE_FACTOR;
          for (const word of candidate.words) score = Math.max(score, matchWord(word, token, stem) * factor);
        }
        if (score === 0) return 0;
        total += score;
      }
      return total / words.length;
    },
  };
}

/** Words that only acknowledge ("ok thanks", "ок, спасибо"): they never decide which keyword a message is made of. */
export const ACKNOWLEDGEMENTS: ReadonlySet<string> = new Set(['ok', 'okay', 'okey', 'k', 'ок', 'окей', 'оке', 'ладно', 'хорошо', 'ну']);

/** The message's content words, or all of its words when every one is a function word ("no", "нет"). */
function messageWords(analysis: Analysis): { token: string; stem: string }[] {
  const all = analysis.tokens.map((token, i) => ({ token, stem: analysis.stems[i] ?? token }));
  const content = all.filter(({ token }) => !STOP_WORDS.has(token) && !ACKNOWLEDGEMENTS.has(token));
  return content.length > 0 ? content : all;
}

/** The best confidence of `words` occurring in order in the message, or 0. */
function matchPhrase(words: CompiledWord[], analysis: Analysis): number {
  const { tokens, stems } = analysis;
  const first = words[0];
  if (first === undefined) return 0;
  let best = 0;
  for (let start = 0; start < tokens.length; start++) {
    const firstScore = matchWord(first, tokens[start] ?? '', stems[start] ?? '');
    if (firstScore === 0) continue;
    let total = firstScore;
    let position = start;
    let gaps = 0;
    for (let w = 1; w < words.length && total > 0; w++) {
      const word = words[w];
      if (word === undefined) break;
      const next = matchWord(word, tokens[position + 1] ?? '', stems[position + 1] ?? '');
      const skipped = next > 0 ? 0 : matchWord(word, tokens[position + 2] ?? '', stems[position + 2] ?? '');
      if (next > 0) {
        total += next;
        position += 1;
      } else if (skipped > 0) {
        total += skipped;
        position += 2;
        gaps++;
      } else {
        total = 0;
      }
    }
    if (total === 0) continue;
    best = Math.max(best, total / words.length - gaps * GAP_PENALTY);
  }
  return Math.max(0, best);
}

/**
 * Stems shorter than this say too little to match on alone: "меня" and "меню" both stem to "мен",
 * "his" to "hi". Such keywords match their own word form (or a tolerated typo of it) only.
 */
const MIN_MATCHING_STEM = 4;

/** 1 for the same stem, less for a tolerated typo, 0 otherwise. */
function matchWord(word: CompiledWord, token: string, stem: string): number {
  if (token === '') return 0;
  if (token === word.token || (stem === word.stem && word.stem.length >= MIN_MATCHING_STEM)) return 1;
  if (word.tolerance === 0) return 0;
  // A typo in the first letter is rare, and allowing it turns "order" into "border".
  if (token.charCodeAt(0) !== word.token.charCodeAt(0)) return 0;
  // Compare both surface forms and stems: a typo can stop the stemmer from removing a suffix
  // ("reservaton"), and an inflection can make surface forms differ more than their stems.
  const tokenDistance = editDistance(token, word.token, word.tolerance);
  if (tokenDistance <= word.tolerance) return 1 - tokenDistance / Math.max(token.length, word.token.length);
  if (word.stemTolerance === 0) return 0;
  const stemDistance = editDistance(stem, word.stem, word.stemTolerance);
  if (stemDistance <= word.stemTolerance) return 1 - stemDistance / Math.max(stem.length, word.stem.length);
  return 0;
}
