import { describe, expect, it } from 'vitest';
import { evaluateNlu, macroF1, percentile } from './evaluate.js';

describe('evaluateNlu', () => {
  it('reports accuracy and macro-F1 when trained and tested on a split', () => {
    const report = evaluateNlu({
      locale: 'en',
      train: [
        { text: 'where is my order', intent: 'status' },
        { text: 'track my parcel', intent: 'status' },
        { text: 'cancel my order', intent: 'cancel' },
        { text: 'please cancel it', intent: 'cancel' },
      ],
      test: [
        { text: 'where is my parcel', intent: 'status' },
        { text: 'cancel the order please', intent: 'cancel' },
      ],
    });
    expect(report).toMatchObject({ accuracy: 1, macroF1: 1, n: 2 });
    expect(report.p99Us).toBeGreaterThanOrEqual(report.p50Us);
  });
});

describe('macroF1', () => {
  it('averages per-intent F1 when predictions are partly wrong', () => {
    // a: P = 1/2, R = 1 → 2/3; b: no true positives → 0.
    expect(macroF1(['a', 'b'], ['a', 'a'])).toBeCloseTo(1 / 3);
  });
});

describe('percentile', () => {
  it('uses the nearest rank when asked for a quantile', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2);
    expect(percentile([4, 1, 3, 2], 0.99)).toBe(4);
    expect(percentile([], 0.5)).toBe(0);
  });
});
