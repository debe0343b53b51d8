// Repeated random re-splits of each public corpus: train and test pooled, then split at random with
// the published sizes, our pipeline and NLP.js trained and tested on the same split each time. The
// published test sets are small (one text is 0.9–1.7 points), so one split says little about which
// system is more accurate; many splits say more. This reads the test splits, so it is evidence about
// a model already chosen, never a way to choose one. Run from the repository root:
// `npx tsx bench/nlu/resplit.ts` (`SPLITS=…` sets the number of splits, default 200). A second
// table scores the centroid + SVM experiment of `svmHybrid.ts` on the same splits.
import nlpjs from '@nlpjs/nlp';
import langEn from '@nlpjs/lang-en-min';
import { evaluateNlu } from '../../engine/src/nlu/evaluate.ts';
import type { LabelledText } from '../../engine/src/nlu/evaluate.ts';
import { loadPublicCorpora } from './datasets.ts';
import { createSeededRandom, shuffleInPlace } from '../seededRandom.ts';
import { scoreHybrid } from './svmHybrid.ts';

const SPLITS = Number(process.env.SPLITS ?? 200);
const SEED = 20261207;


/** Texts NLP.js gets right, read both ways: its answer (`None` under its threshold) and its best-scoring intent. */
async function nlpJsCorrect(train: readonly LabelledText[], test: readonly LabelledText[]): Promise<{ answer: number; best: number }> {
  const nlp = new nlpjs.Nlp({ languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false }, log: false });
  nlp.use(langEn.LangEn);
  for (const { text, intent } of train) nlp.addDocument('en', text, intent);
  await nlp.train();
  let answer = 0;
  let best = 0;
  for (const { text, intent } of test) {
    const result = await nlp.process('en', text);
    if (result.intent === intent) answer++;
    if ((result.classifications?.[0]?.intent ?? result.intent) === intent) best++;
  }
  return { answer, best };
}

/** Mean of ours − theirs per split, its standard error, and how often each side is ahead. */
function paired(ours: readonly number[], theirs: readonly number[]): string {
  const differences = ours.map((x, i) => x - (theirs[i] ?? 0));
  const mean = differences.reduce((a, b) => a + b, 0) / differences.length;
  const variance = differences.reduce((sum, x) => sum + (x - mean) ** 2, 0) / Math.max(1, differences.length - 1);
  const ahead = differences.filter((x) => x > 0).length;
  const behind = differences.filter((x) => x < 0).length;
  const se = Math.sqrt(variance / differences.length);
  return `${mean >= 0 ? '+' : ''}${mean.toFixed(2)} (se ${se.toFixed(2)}) | ${ahead} / ${differences.length - ahead - behind} / ${behind}`;
}

console.log(`${SPLITS} random splits per corpus, published sizes, seed ${SEED}.\n`);
const hybridRows: string[] = [];
console.log('| dataset | train/test | switchboard | NLP.js answer | NLP.js best intent | ours − answer, texts per split | ahead / level / behind | ours − best intent | ahead / level / behind |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const corpus of loadPublicCorpora()) {
  const pool = [...corpus.train, ...corpus.test];
  const random = createSeededRandom(SEED);
  const ours: number[] = [];
  const answer: number[] = [];
  const best: number[] = [];
  const hybrid: number[] = [];
  for (let split = 0; split < SPLITS; split++) {
    const order = shuffleInPlace([...pool], random);
    const train = order.slice(0, corpus.train.length);
    const test = order.slice(corpus.train.length);
    ours.push(Math.round(evaluateNlu({ locale: corpus.locale, train, test }).accuracy * test.length));
    hybrid.push(scoreHybrid(train, test).hybrid);
    const theirs = await nlpJsCorrect(train, test);
    answer.push(theirs.answer);
    best.push(theirs.best);
  }
  const size = corpus.test.length;
  const accuracy = (counts: readonly number[]) => (counts.reduce((a, b) => a + b, 0) / counts.length / size).toFixed(3);
  console.log(`| ${corpus.name} | ${corpus.train.length}/${size} | ${accuracy(ours)} | ${accuracy(answer)} | ${accuracy(best)} | ${paired(ours, answer)} | ${paired(ours, best)} |`);
  hybridRows.push(`| ${corpus.name} | ${accuracy(hybrid)} | ${paired(hybrid, ours)} | ${paired(hybrid, answer)} | ${paired(hybrid, best)} |`);
}
console.log('\nCentroid + SVM experiment (bench/nlu/svmHybrid.ts), same splits:\n');
console.log('| dataset | hybrid | − switchboard | ahead / level / behind | − NLP.js answer | ahead / level / behind | − NLP.js best intent | ahead / level / behind |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const line of hybridRows) console.log(line);
