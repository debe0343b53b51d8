/// <reference path="./natural.d.ts" />
// The reference above: programs that reach these sources from another workspace (the server
// type-checks the engine through its "source" export) would not otherwise see natural.d.ts.
// See createStemmer.ts: the lint pattern for the top-level entry also matches these deep imports.
// eslint-disable-next-line no-restricted-imports
import { words as englishStopWords } from 'natural/lib/natural/util/stopwords.js';
// eslint-disable-next-line no-restricted-imports
import { words as russianStopWords } from 'natural/lib/natural/util/stopwords_ru.js';
import { normalizeText } from './normalizeText.js';

/**
 * Function words of English and Russian ("is", "my", "где", "мой"), normalised like messages. The
 * classifier keeps them at a fraction of a content word's weight: dropped entirely, "where is my
 * order" and "my order" would look alike; at full weight, "where is the station" would look like an
 * order question.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [...englishStopWords, ...russianStopWords].map(normalizeText).filter((word) => word !== '' && !/\d/.test(word)),
);
