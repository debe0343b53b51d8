/// <reference path="./natural.d.ts" />
// The reference above: programs that reach these sources from another workspace (the server
// type-checks the engine through its "source" export) would not otherwise see natural.d.ts.
// The lint pattern meant for the top-level `natural` entry also matches its subpaths; these deep
// imports are the allowed form (they load two small files instead of the whole library).
// eslint-disable-next-line no-restricted-imports
import englishStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
// eslint-disable-next-line no-restricted-imports
import russianStemmer from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import { scriptOfWord } from './scriptOf.js';

export interface Stemmer {
  /** The stem of one normalised token: Porter RU for Cyrillic words, Porter EN for Latin ones. */
  stem(token: string): string;
}

export interface StemmerOptions {
  /** Stems remembered before the cache starts over; bounds memory on a long-running server. */
  maxCacheSize?: number;
}

const HAS_DIGIT = /\d/;

/**
 * A stemmer that picks the algorithm by the word's script, so a Russian message with an English
 * word in it ("хочу menu") stems each word correctly. natural's Porter EN costs about 5 µs a word,
 * which alone would eat the per-message budget, hence the cache: customers reuse a small vocabulary.
 *
 * @example createStemmer().stem('bookings') // 'book'
 */
export function createStemmer({ maxCacheSize = 20_000 }: StemmerOptions = {}): Stemmer {
  const cache = new Map<string, string>();
  return {
    stem(token) {
      const cached = cache.get(token);
      if (cached !== undefined) return cached;
      const stem = stemUncached(token);
      if (cache.size >= maxCacheSize) cache.clear();
      cache.set(token, stem);
      return stem;
    },
  };
}

function stemUncached(token: string): string {
  if (HAS_DIGIT.test(token)) return token;
  switch (scriptOfWord(token)) {
    case 'cyrillic':
      return russianStemmer.stem(token);
    case 'latin':
      return englishStemmer.stem(token);
    case 'other':
      return token;
  }
}
