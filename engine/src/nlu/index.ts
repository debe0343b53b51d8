/** The engine's NLU: normalise, stem, detect the locale, classify intents, match keywords, extract entities. */
export type * from './types.js';
export { trainNlu } from './trainNlu.js';
export { restoreNlu } from './restoreNlu.js';
export { NluModelJsonSchema } from './createNluModel.js';
export type { NluModelJson } from './createNluModel.js';
export { evaluateNlu, macroF1, percentile } from './evaluate.js';
export type { EvaluationData, EvaluationReport, LabelledText } from './evaluate.js';
export { normalizeText, tokenize } from './normalizeText.js';
export { detectLocale } from './detectLocale.js';
export { createEntityExtractor, DEFAULT_ID_PREFIXES } from './createEntityExtractor.js';
export { createStemmer } from './createStemmer.js';
