// Chooses the classifier's settings by leave-one-out cross-validation on the training splits only:
// the test splits are never read. A setting qualifies only if the hand-written out-of-domain
// messages stay under the fallback threshold (confidence is what the engine routes on). Run from the
// repository root: `npx tsx bench/nlu/crossValidate.ts` (add `--nlpjs` to score NLP.js the same way).
import nlpjs from '@nlpjs/nlp';
import langEn from '@nlpjs/lang-en-min';
import langRu from '@nlpjs/lang-ru';
import { evaluateNlu } from '../../engine/src/nlu/evaluate.ts';
import { trainNlu } from '../../engine/src/nlu/trainNlu.ts';
import type { LabelledText } from '../../engine/src/nlu/evaluate.ts';
import { DEFAULT_CLASSIFIER_OPTIONS } from '../../engine/src/nlu/trainIntentClassifier.ts';
import type { ClassifierOptions } from '../../engine/src/nlu/trainIntentClassifier.ts';
import { loadPublicCorpora, loadShopDatasets } from './datasets.ts';

interface Fold {
  name: string;
  locale: string;
  train: LabelledText[];
}

const GRID = {
  wordWeight: [0.4, 0.5, 0.6, 0.7, 0.8],
  stopWordWeight: [0.3, 0.6, 1],
  spreadDiscount: [0, 0.5, 0.75, 0.9, 1],
} as const;
interface Setting {
  wordWeight: number;
  stopWordWeight: number;
  spreadDiscount: number;
}
/** The engine's current defaults, marked in the table. */
const DEFAULTS: Setting = {
  wordWeight: DEFAULT_CLASSIFIER_OPTIONS.wordWeight,
  stopWordWeight: DEFAULT_CLASSIFIER_OPTIONS.stopWordWeight,
  spreadDiscount: DEFAULT_CLASSIFIER_OPTIONS.spreadDiscount,
};

/** Confidence the runtime is advised to require; out-of-domain messages must stay below it. */
const FALLBACK_THRESHOLD = 0.5;

const shop = loadShopDatasets();
const datasets: Fold[] = [...loadPublicCorpora(), ...shop.datasets].map(({ name, locale, train }) => ({ name, locale, train }));

/** Each training text classified by a model trained on all the others; returns the number right. */
function leaveOneOut({ locale, train }: Fold, classifier: ClassifierOptions): number {
  let right = 0;
  train.forEach((held, i) => {
    const rest = train.filter((_, j) => j !== i);
    right += evaluateNlu({ locale, train: rest, test: [held], classifier }).accuracy;
  });
  return right;
}

/** The highest top confidence any out-of-domain message gets from the shop bot trained on its training split. */
function outOfDomainMax(classifier: ClassifierOptions): number {
  let max = 0;
  for (const { locale, train } of shop.datasets) {
    const examples = new Map<string, string[]>();
    for (const { text, intent } of train) examples.set(intent, [...(examples.get(intent) ?? []), text]);
    const intents = [...examples].map(([name, texts]) => ({ name, examples: { [locale]: texts } }));
    const model = trainNlu({ locales: [locale], intents }, classifier);
    for (const text of shop.outOfDomain[locale] ?? []) {
      max = Math.max(max, model.analyze(text, { localeHint: locale, locales: [locale] }).intents[0]?.confidence ?? 0);
    }
  }
  return max;
}

async function leaveOneOutNlpJs({ locale, train }: Fold): Promise<number> {
  const plugins: Record<string, unknown> = { en: langEn.LangEn, ru: langRu.LangRu };
  let right = 0;
  for (const [i, held] of train.entries()) {
    const nlp = new nlpjs.Nlp({ languages: [locale], autoSave: false, autoLoad: false, nlu: { log: false }, log: false });
    nlp.use(plugins[locale]);
    train.forEach(({ text, intent }, j) => {
      if (j !== i) nlp.addDocument(locale, text, intent);
    });
    await nlp.train();
    if ((await nlp.process(locale, held.text)).intent === held.intent) right++;
  }
  return right;
}

const total = datasets.reduce((sum, fold) => sum + fold.train.length, 0);
const header = `| setting | ${datasets.map((fold) => fold.name).join(' | ')} | pooled | smoothed | out-of-domain max |`;
console.log(`Leave-one-out accuracy on the training splits (${total} texts).\n`);

if (process.argv.includes('--nlpjs')) {
  const counts: number[] = [];
  for (const fold of datasets) counts.push(await leaveOneOutNlpJs(fold));
  const pooled = counts.reduce((a, b) => a + b, 0);
  console.log(`NLP.js 4: ${datasets.map((fold, i) => `${fold.name} ${((counts[i] ?? 0) / fold.train.length).toFixed(3)}`).join(', ')}; pooled ${pooled}/${total}\n`);
}

const key = (s: Setting) => `${s.wordWeight}/${s.stopWordWeight}/${s.spreadDiscount}`;
const results = new Map<string, { setting: Setting; counts: number[]; pooled: number; oodMax: number }>();
for (const wordWeight of GRID.wordWeight) {
  for (const stopWordWeight of GRID.stopWordWeight) {
    for (const spreadDiscount of GRID.spreadDiscount) {
      const setting = { wordWeight, stopWordWeight, spreadDiscount };
      const counts = datasets.map((fold) => leaveOneOut(fold, setting));
      results.set(key(setting), { setting, counts, pooled: counts.reduce((a, b) => a + b, 0), oodMax: outOfDomainMax(setting) });
    }
  }
}

/**
 * Pooled accuracy averaged with the grid neighbours (one step along each axis): differences of a
 * text or two between settings are noise on 343 texts, and a lone peak is less likely to hold on
 * new data than a plateau.
 */
function smoothed(setting: Setting): number {
  const values: number[] = [];
  for (const axis of Object.keys(GRID) as (keyof Setting)[]) {
    const steps: readonly number[] = GRID[axis];
    const at = steps.indexOf(setting[axis]);
    for (const neighbour of [steps[at - 1], steps[at + 1]]) {
      if (neighbour !== undefined) values.push(results.get(key({ ...setting, [axis]: neighbour }))?.pooled ?? 0);
    }
  }
  values.push(results.get(key(setting))?.pooled ?? 0);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

console.log(header);
console.log(`| --- | ${datasets.map(() => '---:').join(' | ')} | ---: | ---: | ---: |`);
const rows = [...results.values()].map((result) => ({ ...result, smooth: smoothed(result.setting) }));
rows.sort((a, b) => b.smooth - a.smooth || b.pooled - a.pooled);
for (const { setting, counts, pooled, smooth, oodMax } of rows) {
  const cells = datasets.map((fold, i) => ((counts[i] ?? 0) / fold.train.length).toFixed(3));
  const mark = key(setting) === key(DEFAULTS) ? ' (defaults)' : '';
  console.log(`| ${key(setting)}${mark} | ${cells.join(' | ')} | ${pooled} | ${smooth.toFixed(1)} | ${oodMax.toFixed(2)} |`);
}
const best = rows.find((row) => row.oodMax < FALLBACK_THRESHOLD);
const defaults = rows.find((row) => key(row.setting) === key(DEFAULTS));
console.log(`\nsetting = wordWeight/stopWordWeight/spreadDiscount. Best smoothed with out-of-domain max under ${FALLBACK_THRESHOLD}: ${best ? key(best.setting) : '-'}; defaults rank ${defaults ? rows.indexOf(defaults) + 1 : '-'} of ${rows.length}.`);
