import type { NluModel } from './types.js';
import { createNluModel, NluModelJsonSchema } from './createNluModel.js';

/**
 * Rebuilds a model from `model.toJSON()` (as parsed from storage); it answers exactly as the trained
 * one. Throws a zod error when the document is not a model this engine wrote.
 *
 * @example restoreNlu(JSON.parse(JSON.stringify(nlu.toJSON())))
 */
export function restoreNlu(json: unknown): NluModel {
  return createNluModel(NluModelJsonSchema.parse(json));
}
