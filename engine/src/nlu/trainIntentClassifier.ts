import { createIntentClassifier } from './createIntentClassifier.js';
import type { IntentClassifier, IntentClassifierParams } from './createIntentClassifier.js';
import { CHAR_BLOCK, STOP_WORD_WEIGHT, termWeight, toFeatures } from './toFeatures.js';

export interface TrainingExample {
  intent: string;
  tokens: readonly string[];
  stems: readonly string[];
}

export interface ClassifierOptions {
  /** Share of similarity from words (the rest from character trigrams). */
  wordWeight?: number;
  sharpness?: number;
  stopWordWeight?: number;
  /** How much a feature spread evenly over intents is discounted (0 keeps plain IDF). */
  spreadDiscount?: number;
}

/**
 * Settings used when `ClassifierOptions` leaves them out. Word weight, function-word weight and spread
 * discount were chosen by leave-one-out cross-validation on the benchmark's training splits
 * (`bench/nlu/crossValidate.ts`), among settings that keep out-of-domain messages under the fallback
 * threshold; accuracy is flat around them, so they are a plateau rather than a sharp optimum.
 * Sharpness shapes confidence only, never the ranking, so accuracy cannot choose it.
 */
export const DEFAULT_CLASSIFIER_OPTIONS = { wordWeight: 0.6, sharpness: 4, stopWordWeight: STOP_WORD_WEIGHT, spreadDiscount: 0.5 } as const;

type Vector = Map<string, number>;

/** Used when the data cannot measure them (a single intent, one example per intent). */
const DEFAULT_REFERENCE = 0.5;
const DEFAULT_FLOOR = 0.1;
/** Least distance between floor and reference, so tiny training sets do not make confidence a step. */
const MIN_SPAN = 0.15;

/**
 * Trains the intent classifier in one pass over the examples: IDF weights (discounted for features
 * every intent uses alike), one centroid per intent, then a calibration pass that measures how similar an example is to its own intent when left out
 * (the reference for full confidence) and to the nearest other intent (the floor for none).
 *
 * @example trainIntentClassifier([{ intent: 'greet', tokens: ['hi'], stems: ['hi'] }]).classify(['hi'], ['hi'])
 */
export function trainIntentClassifier(examples: readonly TrainingExample[], options: ClassifierOptions = {}): IntentClassifier {
  const wordWeight = options.wordWeight ?? DEFAULT_CLASSIFIER_OPTIONS.wordWeight;
  const sharpness = options.sharpness ?? DEFAULT_CLASSIFIER_OPTIONS.sharpness;
  const stopWordWeight = options.stopWordWeight ?? DEFAULT_CLASSIFIER_OPTIONS.stopWordWeight;
  const intents = [...new Set(examples.map((example) => example.intent))].sort();
  const intentIndex = new Map(intents.map((intent, i) => [intent, i]));

  const counts = examples.map((example) => toFeatures(example.tokens, example.stems, stopWordWeight));
  const documentFrequency = new Map<string, number>();
  for (const features of counts) for (const key of features.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  const n = Math.max(1, examples.length);
  const idf: Record<string, number> = {};
  for (const [key, df] of documentFrequency) idf[key] = Math.log(1 + n / df);
  discountSpreadFeatures({ idf, counts, examples, intentIndex, discount: options.spreadDiscount ?? DEFAULT_CLASSIFIER_OPTIONS.spreadDiscount });

  const vectors = counts.map((features) => {
    const vector: Vector = new Map();
    for (const [key, count] of features) vector.set(key, termWeight(count) * (idf[key] ?? 0));
    return normalizeBlocks(vector);
  });

  const sums: Vector[] = intents.map(() => new Map());
  vectors.forEach((vector, i) => {
    const sum = sums[intentIndex.get(examples[i]?.intent ?? '') ?? 0];
    if (sum !== undefined) for (const [key, weight] of vector) sum.set(key, (sum.get(key) ?? 0) + weight);
  });
  const centroids = sums.map((sum) => Object.fromEntries(normalizeBlocks(sum)));

  const draft: IntentClassifierParams = {
    intents,
    idf,
    unseenIdf: Math.log(1 + n),
    centroids,
    wordWeight,
    reference: DEFAULT_REFERENCE,
    floor: DEFAULT_FLOOR,
    sharpness,
    stopWordWeight,
  };
  const { reference, floor } = calibrate({ examples, vectors, sums, intentIndex, draft });
  return createIntentClassifier({ ...draft, reference, floor });
}

interface CalibrationInput {
  examples: readonly TrainingExample[];
  vectors: readonly Vector[];
  sums: readonly Vector[];
  intentIndex: ReadonlyMap<string, number>;
  draft: IntentClassifierParams;
}

function calibrate({ examples, vectors, sums, intentIndex, draft }: CalibrationInput): { reference: number; floor: number } {
  const sumNorms = sums.map((sum) => blockNorms(sum));
  const ownSimilarities: number[] = [];
  const rivalSimilarities: number[] = [];
  const uncalibrated = createIntentClassifier(draft);
  examples.forEach((example, i) => {
    const own = intentIndex.get(example.intent) ?? 0;
    const vector = vectors[i];
    const sum = sums[own];
    const norms = sumNorms[own];
    if (vector === undefined || sum === undefined || norms === undefined) return;
    // Leave-one-out similarity from the intent's running sum, without retraining: cos(x, S − x).
    const dots = blockDots(vector, sum);
    const own1 = blockNorms(vector);
    const wordRest = Math.sqrt(Math.max(0, norms.word - 2 * dots.word + own1.word));
    const charRest = Math.sqrt(Math.max(0, norms.char - 2 * dots.char + own1.char));
    if (wordRest > 1e-9 || charRest > 1e-9) {
      const wordCos = wordRest > 1e-9 && own1.word > 0 ? (dots.word - own1.word) / wordRest : 0;
      const charCos = charRest > 1e-9 && own1.char > 0 ? (dots.char - own1.char) / charRest : 0;
      ownSimilarities.push(draft.wordWeight * wordCos + (1 - draft.wordWeight) * charCos);
    }
    const sims = uncalibrated.similarities(example.tokens, example.stems);
    let rival = -1;
    sims.forEach((sim, intent) => {
      if (intent !== own && sim > rival) rival = sim;
    });
    if (rival >= 0) rivalSimilarities.push(rival);
  });
  const reference = ownSimilarities.length > 0 ? median(ownSimilarities) : DEFAULT_REFERENCE;
  const floor = rivalSimilarities.length > 0 ? Math.min(median(rivalSimilarities), reference * 0.8) : Math.min(DEFAULT_FLOOR, reference * 0.5);
  return { reference: Math.max(reference, floor + MIN_SPAN), floor };
}

interface DiscountInput {
  idf: Record<string, number>;
  counts: readonly Map<string, number>[];
  examples: readonly TrainingExample[];
  intentIndex: ReadonlyMap<string, number>;
  discount: number;
}

/**
 * Lowers the weight of features used alike by every intent ("from", "to" in a travel bot) and keeps
 * it for features concentrated in one intent ("when" in departure-time questions): IDF alone cannot
 * tell them apart when both are common. The spread is the normalised entropy of the feature's share
 * of each intent's examples.
 */
function discountSpreadFeatures({ idf, counts, examples, intentIndex, discount }: DiscountInput): void {
  const intentCount = intentIndex.size;
  if (intentCount < 2 || discount === 0) return;
  const examplesPerIntent = new Array<number>(intentCount).fill(0);
  const perIntent = new Map<string, number[]>();
  counts.forEach((features, i) => {
    const intent = intentIndex.get(examples[i]?.intent ?? '') ?? 0;
    examplesPerIntent[intent] = (examplesPerIntent[intent] ?? 0) + 1;
    for (const key of features.keys()) {
      let row = perIntent.get(key);
      if (row === undefined) {
        row = new Array<number>(intentCount).fill(0);
        perIntent.set(key, row);
      }
      row[intent] = (row[intent] ?? 0) + 1;
    }
  });
  const maxEntropy = Math.log(intentCount);
  for (const [key, row] of perIntent) {
    const rates = row.map((count, intent) => count / Math.max(1, examplesPerIntent[intent] ?? 0));
    const total = rates.reduce((sum, rate) => sum + rate, 0);
    let entropy = 0;
    for (const rate of rates) if (rate > 0) entropy -= (rate / total) * Math.log(rate / total);
    idf[key] = (idf[key] ?? 0) * (1 - discount * (entropy / maxEntropy));
  }
}

/** Scales the word block and the character block of a vector to unit length each. */
function normalizeBlocks(vector: Vector): Vector {
  const norms = blockNorms(vector);
  const wordScale = norms.word > 0 ? 1 / Math.sqrt(norms.word) : 0;
  const charScale = norms.char > 0 ? 1 / Math.sqrt(norms.char) : 0;
  const result: Vector = new Map();
  for (const [key, weight] of vector) result.set(key, weight * (key.startsWith(CHAR_BLOCK) ? charScale : wordScale));
  return result;
}

/** Squared norms of each block. */
function blockNorms(vector: Vector): { word: number; char: number } {
  let word = 0;
  let char = 0;
  for (const [key, weight] of vector) {
    if (key.startsWith(CHAR_BLOCK)) char += weight * weight;
    else word += weight * weight;
  }
  return { word, char };
}

function blockDots(a: Vector, b: Vector): { word: number; char: number } {
  let word = 0;
  let char = 0;
  for (const [key, weight] of a) {
    const other = b.get(key);
    if (other === undefined) continue;
    if (key.startsWith(CHAR_BLOCK)) char += weight * other;
    else word += weight * other;
  }
  return { word, char };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
