import type { Intent } from '../schema/index.js';
import type { ClassifierOptions } from './trainIntentClassifier.js';
import { trainNlu } from './trainNlu.js';

export interface LabelledText {
  text: string;
  intent: string;
}

export interface EvaluationData {
  locale: string;
  /** Classifier settings to try instead of the defaults. */
  classifier?: ClassifierOptions;
  train: LabelledText[];
  test: LabelledText[];
}

export interface EvaluationReport {
  /** Share of test texts whose best intent is the labelled one. */
  accuracy: number;
  /** F1 averaged over the intents of the test set, each intent counting the same. */
  macroF1: number;
  trainMs: number;
  /** Median and 99th-percentile time of one `analyze` call, in microseconds. */
  p50Us: number;
  p99Us: number;
  /** Number of test texts. */
  n: number;
}

/**
 * Trains the NLU on `train` and classifies every `test` text with the full `analyze` pipeline, as a
 * bot would at run time. Timings come from `performance.now()`; everything else is deterministic.
 *
 * @example evaluateNlu({ locale: 'en', train: [{ text: 'hi', intent: 'greet' }], test: [{ text: 'hello', intent: 'greet' }] }).accuracy
 */
export function evaluateNlu({ locale, train, test, classifier }: EvaluationData): EvaluationReport {
  const examples = new Map<string, string[]>();
  for (const { text, intent } of train) examples.set(intent, [...(examples.get(intent) ?? []), text]);
  const intents: Intent[] = [...examples].map(([name, texts]) => ({ name, examples: { [locale]: texts } }));

  const trainStart = performance.now();
  const model = trainNlu({ locales: [locale], intents }, classifier);
  const trainMs = performance.now() - trainStart;

  const options = { localeHint: locale, locales: [locale] };
  const durations: number[] = [];
  const predictions: string[] = [];
  for (const { text } of test) {
    const start = performance.now();
    const analysis = model.analyze(text, options);
    durations.push((performance.now() - start) * 1000);
    predictions.push(analysis.intents[0]?.intent ?? '');
  }
  const labels = test.map((item) => item.intent);
  return {
    accuracy: test.length === 0 ? 0 : predictions.filter((predicted, i) => predicted === labels[i]).length / test.length,
    macroF1: macroF1(labels, predictions),
    trainMs,
    p50Us: percentile(durations, 0.5),
    p99Us: percentile(durations, 0.99),
    n: test.length,
  };
}

/**
 * Macro-averaged F1 over the labels present in `expected`.
 *
 * @example macroF1(['a', 'b'], ['a', 'a']) // 0.333…
 */
export function macroF1(expected: readonly string[], predicted: readonly string[]): number {
  const labels = [...new Set(expected)];
  if (labels.length === 0) return 0;
  let sum = 0;
  for (const label of labels) {
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    expected.forEach((gold, i) => {
      const guess = predicted[i];
      if (guess === label && gold === label) truePositive++;
      else if (guess === label) falsePositive++;
      else if (gold === label) falseNegative++;
    });
    const denominator = 2 * truePositive + falsePositive + falseNegative;
    sum += denominator === 0 ? 0 : (2 * truePositive) / denominator;
  }
  return sum / labels.length;
}

/**
 * The value below which `q` of the samples fall (nearest rank).
 *
 * @example percentile([1, 2, 3, 4], 0.5) // 2
 */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}
