import { z } from 'zod';
import type { IntentScore } from './types.js';
import { CHAR_BLOCK, termWeight, toFeatures } from './toFeatures.js';

/** Everything a trained classifier is; plain JSON, so a publish trains once and servers restore. */
export const IntentClassifierParamsSchema = z.object({
  intents: z.array(z.string()),
  /** Inverse document frequency of every feature seen in training. */
  idf: z.record(z.string(), z.number()),
  /** Weight of a feature never seen in training: unknown words make a message less like every intent. */
  unseenIdf: z.number(),
  /** Per intent, its centroid: the mean of its examples' unit vectors, each block scaled to unit length. */
  centroids: z.array(z.record(z.string(), z.number())),
  /** Share of the similarity given to the word block; the rest goes to character trigrams. */
  wordWeight: z.number().min(0).max(1),
  /** Similarity an example typically has to its own intent (measured leaving it out): full confidence. */
  reference: z.number(),
  /** Similarity an example typically has to the best wrong intent: zero confidence. */
  floor: z.number(),
  /** What a function word counts for against a content word (see `toFeatures`). */
  stopWordWeight: z.number().min(0).max(1),
  /** Exponent that turns similarities into shares; higher means a clearer winner is needed. */
  sharpness: z.number().positive(),
});
export type IntentClassifierParams = z.infer<typeof IntentClassifierParamsSchema>;

export interface IntentClassifier {
  /** Every intent, best first, with calibrated confidences in [0, 1]. */
  classify(tokens: readonly string[], stems: readonly string[]): IntentScore[];
  /** Cosine similarity of the message to each intent's centroid, in `params.intents` order. */
  similarities(tokens: readonly string[], stems: readonly string[]): Float64Array;
  readonly params: IntentClassifierParams;
}

/** What the index knows of one feature: its IDF and the intents whose centroid contains it. */
interface Posting {
  idf: number;
  intents: Int32Array;
  weights: Float64Array;
}

/**
 * A TF-IDF nearest-centroid classifier over stems, stem pairs and character trigrams. Scoring walks
 * an inverted index from the message's features to the intents that contain them, so it costs a few
 * microseconds whatever the number of intents. Confidence is a similarity share (how clearly the top
 * intent wins) times a coverage factor (how far its similarity rises from the confusion floor to the
 * in-intent reference), which keeps out-of-domain messages low even when one intent wins by a margin.
 *
 * @example createIntentClassifier(params).classify(['where', 'is', 'my', 'order'], ['where', 'is', 'my', 'order'])[0] // { intent: 'order_status', confidence: 0.93 }
 */
export function createIntentClassifier(params: IntentClassifierParams): IntentClassifier {
  const { intents, idf, unseenIdf, wordWeight, reference, floor, sharpness, stopWordWeight } = params;
  const index = buildIndex(params.centroids, idf);
  const span = Math.max(reference - floor, 1e-6);

  function similarities(tokens: readonly string[], stems: readonly string[]): Float64Array {
    const wordDots = new Float64Array(intents.length);
    const charDots = new Float64Array(intents.length);
    let wordNorm = 0;
    let charNorm = 0;
    for (const [key, count] of toFeatures(tokens, stems, stopWordWeight)) {
      const posting = index.get(key);
      const weight = termWeight(count) * (posting?.idf ?? unseenIdf);
      const isChar = key.startsWith(CHAR_BLOCK);
      if (isChar) charNorm += weight * weight;
      else wordNorm += weight * weight;
      if (posting === undefined) continue;
      const dots = isChar ? charDots : wordDots;
      for (let i = 0; i < posting.intents.length; i++) {
        const intent = posting.intents[i] ?? 0;
        dots[intent] = (dots[intent] ?? 0) + weight * (posting.weights[i] ?? 0);
      }
    }
    const wordScale = wordNorm > 0 ? wordWeight / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? (1 - wordWeight) / Math.sqrt(charNorm) : 0;
    const result = new Float64Array(intents.length);
    for (let i = 0; i < intents.length; i++) result[i] = (wordDots[i] ?? 0) * wordScale + (charDots[i] ?? 0) * charScale;
    return result;
  }

  function classify(tokens: readonly string[], stems: readonly string[]): IntentScore[] {
    if (intents.length === 0) return [];
    const sims = similarities(tokens, stems);
    let total = 0;
    for (const sim of sims) if (sim > 0) total += sim ** sharpness;
    const scores: IntentScore[] = [];
    // Confidence never falls as similarity rises, so similarity order is confidence order; it also
    // ranks the intents whose confidence is 0 (all of them when the message is below the floor).
    for (const i of rankBySimilarity(sims)) {
      const sim = sims[i] ?? 0;
      const share = sim > 0 ? sim ** sharpness / total : 0;
      const coverage = Math.min(1, Math.max(0, (sim - floor) / span));
      scores.push({ intent: intents[i] ?? '', confidence: share * coverage });
    }
    return scores;
  }

  return { classify, similarities, params };
}

function buildIndex(centroids: readonly Record<string, number>[], idf: Readonly<Record<string, number>>): Map<string, Posting> {
  const lists = new Map<string, { intents: number[]; weights: number[] }>();
  // Features seen in training but in no centroid (possible only with zero weights) still need their IDF.
  for (const key of Object.keys(idf)) lists.set(key, { intents: [], weights: [] });
  centroids.forEach((centroid, intent) => {
    for (const [key, weight] of Object.entries(centroid)) {
      let list = lists.get(key);
      if (list === undefined) {
        list = { intents: [], weights: [] };
        lists.set(key, list);
      }
      list.intents.push(intent);
      list.weights.push(weight);
    }
  });
  const index = new Map<string, Posting>();
  for (const [key, list] of lists) {
    index.set(key, { idf: idf[key] ?? 0, intents: Int32Array.from(list.intents), weights: Float64Array.from(list.weights) });
  }
  return index;
}

/** Above this many intents the insertion sort's quadratic cost would outgrow a comparator sort. */
const INSERTION_SORT_MAX = 64;

/**
 * Intent indices, most similar first, ties in intent order. Bots have tens of intents, where an
 * insertion sort beats `sort` with a comparator (a function call per comparison) on every message.
 *
 * @example rankBySimilarity(Float64Array.of(0.2, 0.5, 0.2)) // Int32Array [1, 0, 2]
 */
export function rankBySimilarity(sims: Float64Array): Int32Array {
  if (sims.length > INSERTION_SORT_MAX) return Int32Array.from(sims.keys()).sort((a, b) => (sims[b] ?? 0) - (sims[a] ?? 0) || a - b);
  const order = new Int32Array(sims.length);
  for (let i = 0; i < sims.length; i++) {
    const sim = sims[i] ?? 0;
    let j = i;
    for (; j > 0 && (sims[order[j - 1] ?? 0] ?? 0) < sim; j--) order[j] = order[j - 1] ?? 0;
    order[j] = i;
  }
  return order;
}
