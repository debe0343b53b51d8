import { STOP_WORDS } from './stopWords.js';

const HAS_DIGIT = /\d/;
/** What a function word counts for by default, against 1 for a content word. */
export const STOP_WORD_WEIGHT = 0.6;

/** Feature keys start with the block they belong to: `w` words and word pairs, `c` character trigrams. */
export const WORD_BLOCK = 'w';
export const CHAR_BLOCK = 'c';

/**
 * Counts the features of one message: stems and adjacent stem pairs (what the words mean), plus
 * character trigrams of the surface words (so "bokking" still shares most of "booking"). Words with
 * digits collapse into one `#` feature: "ORD-5521" and "ORD-9" say the same thing to a classifier.
 * Function words count for `stopWordWeight` and get no trigrams, so a count can be fractional.
 *
 * @example toFeatures(['my', 'orders'], ['my', 'order']) // Map { 'w my' => 1, 'w order' => 1, 'w my order' => 1, 'c  my' => 1, … }
 */
export function toFeatures(tokens: readonly string[], stems: readonly string[], stopWordWeight = STOP_WORD_WEIGHT): Map<string, number> {
  const counts = new Map<string, number>();
  let previous: string | null = null;
  let previousIsStop = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const word = HAS_DIGIT.test(token) ? '#' : (stems[i] ?? token);
    const isStop = STOP_WORDS.has(token);
    add(counts, `${WORD_BLOCK} ${word}`, isStop ? stopWordWeight : 1);
    if (previous !== null) add(counts, `${WORD_BLOCK} ${previous} ${word}`, isStop && previousIsStop ? stopWordWeight : 1);
    previous = word;
    previousIsStop = isStop;
    if (word === '#' || isStop) continue;
    const padded = ` ${token} `;
    for (let j = 0; j + 3 <= padded.length; j++) add(counts, `${CHAR_BLOCK} ${padded.slice(j, j + 3)}`, 1);
  }
  return counts;
}

// A module function rather than a closure: `toFeatures` runs for every message.
function add(counts: Map<string, number>, key: string, weight: number): void {
  counts.set(key, (counts.get(key) ?? 0) + weight);
}

/**
 * Term-frequency weight of a (possibly fractional) count: sublinear above 1, proportional below.
 *
 * @example termWeight(0.3) // 0.3
 */
export function termWeight(count: number): number {
  return count <= 1 ? count : 1 + Math.log(count);
}
