/**
 * The browser-safe entry (`@switchboard/engine/schema`): the flow contract and its validation.
 * Imports zod and the regex analysis libraries only — never the NLU or xstate.
 */
export * from './schema/index.js';
export * from './validate/index.js';
export { flowJsonSchema } from './schema/jsonSchema.js';
