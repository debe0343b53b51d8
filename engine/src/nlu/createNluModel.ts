import { z } from 'zod';
import type { Analysis, NluModel } from './types.js';
import { compileKeywords } from './compileKeywords.js';
import { createEntityExtractor } from './createEntityExtractor.js';
import { createIntentClassifier, IntentClassifierParamsSchema } from './createIntentClassifier.js';
import { createStemmer } from './createStemmer.js';
import { detectLocale } from './detectLocale.js';
import { normalizeText, tokenize } from './normalizeText.js';

export const NLU_MODEL_FORMAT = 'switchboard-nlu';
export const NLU_MODEL_VERSION = 1;

/** The serialised model: what `toJSON` returns and `restoreNlu` accepts. */
export const NluModelJsonSchema = z.object({
  format: z.literal(NLU_MODEL_FORMAT),
  version: z.literal(NLU_MODEL_VERSION),
  locales: z.array(z.string()),
  idPrefixes: z.array(z.string()),
  /** One intent classifier per locale that had examples. */
  classifiers: z.record(z.string(), IntentClassifierParamsSchema),
});
export type NluModelJson = z.infer<typeof NluModelJsonSchema>;

/**
 * Builds the runtime model from its serialised parameters; training and restoring both end here, so
 * a restored model answers exactly as the trained one did.
 *
 * @example createNluModel(json).analyze('where is my order', { localeHint: 'en', locales: ['en'] })
 */
export function createNluModel(json: NluModelJson): NluModel {
  const stemmer = createStemmer();
  const extractEntities = createEntityExtractor({ idPrefixes: json.idPrefixes });
  const classifiers = new Map(Object.entries(json.classifiers).map(([locale, params]) => [locale, createIntentClassifier(params)]));

  return {
    analyze(text, options): Analysis {
      const locales = options.locales.length > 0 ? options.locales : json.locales;
      const { locale, confidence } = detectLocale(text, { localeHint: options.localeHint, locales });
      const normalized = normalizeText(text);
      const tokens = tokenize(normalized);
      const stems = tokens.map((token) => stemmer.stem(token));
      const intents = classifiers.get(locale)?.classify(tokens, stems) ?? [];
      return { locale, localeConfidence: confidence, normalized, tokens, stems, intents, entities: extractEntities(text) };
    },
    compileKeywords(keywords) {
      return compileKeywords(keywords, stemmer);
    },
    toJSON() {
      return json;
    },
  };
}
