import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIntentClassifier, rankBySimilarity } from './createIntentClassifier.js';
import type { IntentClassifierParams } from './createIntentClassifier.js';

/** Two one-word intents on the word block alone, with a floor high enough to reach from below. */
const params: IntentClassifierParams = {
  intents: ['alpha', 'zulu'],
  idf: { 'w table': 1, 'w order': 1 },
  unseenIdf: 1,
  centroids: [{ 'w table': 1 }, { 'w order': 1 }],
  wordWeight: 1,
  reference: 0.9,
  floor: 0.6,
  stopWordWeight: 0.6,
  sharpness: 4,
};
const classifier = createIntentClassifier(params);
const words = (text: string) => text.split(' ');
const classify = (text: string) => classifier.classify(words(text), words(text));

describe('createIntentClassifier', () => {
  it('gives full confidence when a message matches one intent exactly', () => {
    expect(classify('order')).toEqual([
      { intent: 'zulu', confidence: 1 },
      { intent: 'alpha', confidence: 0 },
    ]);
  });

  it('ranks the most similar intent first when the message is below the floor', () => {
    // cos = 1/√5 ≈ 0.45 < floor: every confidence is 0, yet "zulu" is the closer intent.
    expect(classifier.similarities(words('order weather xyz'), words('order weather xyz'))[1]).toBeLessThan(params.floor);
    expect(classify('order weather xyz')).toEqual([
      { intent: 'zulu', confidence: 0 },
      { intent: 'alpha', confidence: 0 },
    ]);
  });
});

describe('rankBySimilarity', () => {
  it('orders intents most similar first, keeping intent order on ties', () => {
    expect([...rankBySimilarity(Float64Array.of(0.2, 0.5, 0.2, 0, 0.7))]).toEqual([4, 1, 0, 2, 3]);
  });

  it('agrees with a stable sort when given any number of similarities', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 150, size: 'max' }), (values) => {
        const sims = Float64Array.from(values, (value) => value / 5);
        const expected = [...sims.keys()].sort((a, b) => (sims[b] ?? 0) - (sims[a] ?? 0) || a - b);
        expect([...rankBySimilarity(sims)]).toEqual(expected);
      }),
    );
  });
});
