// An experiment, not the engine's classifier: the engine's centroid similarity plus 0.1 × the decision
// value of a one-vs-rest linear SVM over the same vectors, ranking only (confidence would stay the
// centroid's). See bench/RESULTS.md, "## NLU", 2026-12-07, for why it was not adopted. Prints, for
// the engine and the hybrid: (1) the training-split measure it was chosen by, 40 random sub-splits
// of each training split at the published train share (the test splits are not read), and (2) the
// published test splits. Run from the repository root: `npx tsx bench/nlu/svmHybrid.ts`.
// `bench/nlu/resplit.ts` also scores it on random re-splits of the public corpora.
import { pathToFileURL } from 'node:url';
import { rankBySimilarity } from '../../engine/src/nlu/createIntentClassifier.ts';
import type { IntentClassifier } from '../../engine/src/nlu/createIntentClassifier.ts';
import { createStemmer } from '../../engine/src/nlu/createStemmer.ts';
import { normalizeText, tokenize } from '../../engine/src/nlu/normalizeText.ts';
import { CHAR_BLOCK, termWeight, toFeatures } from '../../engine/src/nlu/toFeatures.ts';
import { trainIntentClassifier } from '../../engine/src/nlu/trainIntentClassifier.ts';
import type { TrainingExample } from '../../engine/src/nlu/trainIntentClassifier.ts';
import type { LabelledText } from '../../engine/src/nlu/evaluate.ts';
import { loadPublicCorpora, loadShopDatasets } from './datasets.ts';
import { createSeededRandom, shuffleInPlace } from '../seededRandom.ts';

/** The settings the training-split measure chose (SVM cost C, weight of the SVM beside the centroid). */
const COST = 10;
const SVM_WEIGHT = 0.1;
const SUB_SPLITS = 40;

interface Sparse {
  keys: string[];
  values: number[];
}


/** The engine's TF-IDF vector of a message, blocks scaled so that a dot product is the engine's similarity. */
function engineVector(example: { tokens: readonly string[]; stems: readonly string[] }, classifier: IntentClassifier): Sparse {
  const { idf, unseenIdf, wordWeight, stopWordWeight } = classifier.params;
  const keys: string[] = [];
  const values: number[] = [];
  let wordNorm = 0;
  let charNorm = 0;
  for (const [key, count] of toFeatures(example.tokens, example.stems, stopWordWeight)) {
    const value = termWeight(count) * (idf[key] ?? unseenIdf);
    if (key.startsWith(CHAR_BLOCK)) charNorm += value * value;
    else wordNorm += value * value;
    keys.push(key);
    values.push(value);
  }
  const wordScale = wordNorm > 0 ? Math.sqrt(wordWeight / wordNorm) : 0;
  const charScale = charNorm > 0 ? Math.sqrt((1 - wordWeight) / charNorm) : 0;
  return { keys, values: values.map((value, i) => value * ((keys[i] ?? '').startsWith(CHAR_BLOCK) ? charScale : wordScale)) };
}

/**
 * One-vs-rest linear SVMs (L2-regularised hinge loss, bias as a constant feature), trained by dual
 * coordinate descent; returns each intent's decision value for a vector.
 */
function trainSvm(vectors: readonly Sparse[], labels: readonly number[], classes: number, cost: number): (x: Sparse) => Float64Array {
  const index = new Map<string, number>();
  const rows = vectors.map((vector) => ({
    keys: Int32Array.from(vector.keys, (key) => {
      let id = index.get(key);
      if (id === undefined) {
        id = index.size;
        index.set(key, id);
      }
      return id;
    }),
    values: Float64Array.from(vector.values),
  }));
  const bias = index.size;
  const diagonal = rows.map((row) => row.values.reduce((sum, v) => sum + v * v, 1));
  const weights: Float64Array[] = [];
  for (let c = 0; c < classes; c++) {
    const w = new Float64Array(bias + 1);
    const alpha = new Float64Array(rows.length);
    const random = createSeededRandom(1234 + c);
    const order = rows.map((_, i) => i);
    for (let epoch = 0; epoch < 1000; epoch++) {
      shuffleInPlace(order, random);
      let highest = -Infinity;
      let lowest = Infinity;
      for (const i of order) {
        const row = rows[i];
        if (row === undefined) continue;
        const y = labels[i] === c ? 1 : -1;
        let dot = w[bias] ?? 0;
        for (let j = 0; j < row.keys.length; j++) dot += (w[row.keys[j] ?? 0] ?? 0) * (row.values[j] ?? 0);
        const gradient = y * dot - 1;
        const old = alpha[i] ?? 0;
        const projected = old === 0 ? Math.min(gradient, 0) : old === cost ? Math.max(gradient, 0) : gradient;
        highest = Math.max(highest, projected);
        lowest = Math.min(lowest, projected);
        if (Math.abs(projected) <= 1e-12) continue;
        const next = Math.min(Math.max(old - gradient / (diagonal[i] ?? 1), 0), cost);
        const step = (next - old) * y;
        alpha[i] = next;
        for (let j = 0; j < row.keys.length; j++) {
          const key = row.keys[j] ?? 0;
          w[key] = (w[key] ?? 0) + step * (row.values[j] ?? 0);
        }
        w[bias] = (w[bias] ?? 0) + step;
      }
      if (highest - lowest < 1e-3) break;
    }
    weights.push(w);
  }
  return (x) =>
    Float64Array.from(weights, (w) => {
      let sum = w[bias] ?? 0;
      x.keys.forEach((key, j) => {
        const id = index.get(key);
        if (id !== undefined) sum += (w[id] ?? 0) * (x.values[j] ?? 0);
      });
      return sum;
    });
}

const stemmer = createStemmer();
function prepare({ text, intent }: LabelledText): TrainingExample {
  const tokens = tokenize(normalizeText(text));
  return { intent, tokens, stems: tokens.map((token) => stemmer.stem(token)) };
}

/** Number of `test` texts the engine and the hybrid get right when trained on `train`. */
export function scoreHybrid(train: readonly LabelledText[], test: readonly LabelledText[]): { engine: number; hybrid: number } {
  return score(train.map(prepare), test.map(prepare));
}

function score(train: readonly TrainingExample[], test: readonly TrainingExample[]): { engine: number; hybrid: number } {
  const examples = train.filter((example) => example.tokens.length > 0);
  const classifier = trainIntentClassifier(examples);
  const { intents } = classifier.params;
  const decide = trainSvm(
    examples.map((example) => engineVector(example, classifier)),
    examples.map((example) => intents.indexOf(example.intent)),
    intents.length,
    COST,
  );
  let engine = 0;
  let hybrid = 0;
  for (const example of test) {
    if (example.tokens.length === 0) continue;
    const sims = classifier.similarities(example.tokens, example.stems);
    const decisions = decide(engineVector(example, classifier));
    const truth = intents.indexOf(example.intent);
    if (rankBySimilarity(sims)[0] === truth) engine++;
    if (rankBySimilarity(sims.map((sim, i) => sim + SVM_WEIGHT * (decisions[i] ?? 0)))[0] === truth) hybrid++;
  }
  return { engine, hybrid };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();

function main(): void {
  const datasets = [...loadPublicCorpora(), ...loadShopDatasets().datasets];

  console.log(`Training splits only: ${SUB_SPLITS} random sub-splits each, sub-train share = published train share.\n`);
  console.log('| dataset | sub-train/sub-test | engine | hybrid | hybrid − engine per sub-split |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const pooledDifferences = new Array<number>(SUB_SPLITS).fill(0);
  let pooledEngine = 0;
  let pooledHybrid = 0;
  datasets.forEach((dataset, d) => {
    const items = dataset.train.map(prepare);
    const subTrain = Math.round(items.length * (dataset.train.length / (dataset.train.length + dataset.test.length)));
    const random = createSeededRandom(4242 + d);
    let engine = 0;
    let hybrid = 0;
    for (let split = 0; split < SUB_SPLITS; split++) {
      const order = shuffleInPlace([...items], random);
      const result = score(order.slice(0, subTrain), order.slice(subTrain));
      engine += result.engine;
      hybrid += result.hybrid;
      pooledDifferences[split] = (pooledDifferences[split] ?? 0) + result.hybrid - result.engine;
    }
    pooledEngine += engine;
    pooledHybrid += hybrid;
    const tested = (items.length - subTrain) * SUB_SPLITS;
    console.log(`| ${dataset.name} | ${subTrain}/${items.length - subTrain} | ${(engine / tested).toFixed(3)} | ${(hybrid / tested).toFixed(3)} | ${((hybrid - engine) / SUB_SPLITS).toFixed(2)} |`);
  });
  const mean = pooledDifferences.reduce((a, b) => a + b, 0) / SUB_SPLITS;
  const se = Math.sqrt(pooledDifferences.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (SUB_SPLITS - 1) / SUB_SPLITS);
  console.log(`\nPooled: engine ${pooledEngine}, hybrid ${pooledHybrid}; hybrid − engine ${mean.toFixed(2)} texts per sub-split (se ${se.toFixed(2)}).`);

  console.log('\nPublished test splits:\n');
  console.log('| dataset | train/test | engine | hybrid |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const dataset of datasets) {
    const result = score(dataset.train.map(prepare), dataset.test.map(prepare));
    console.log(`| ${dataset.name} | ${dataset.train.length}/${dataset.test.length} | ${result.engine} | ${result.hybrid} |`);
  }
}
