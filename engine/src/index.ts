/**
 * The Switchboard engine: flows drawn as nodes and edges, compiled to xstate machines and stepped
 * one inbound event at a time. Pure: no I/O, no clock, no environment.
 */
export * from './schema/index.js';
export { validateFlow, validateBot, checkRegexSafety, BUILT_IN_VARIABLES } from './validate/index.js';
export type { ValidationContext, BotValidationContext } from './validate/index.js';
export { compileBot } from './compile/compileBot.js';
export type { CompileBotInput, CompileBotResult } from './compile/compileBot.js';
export * from './runtime/index.js';
export { trainNlu, restoreNlu, evaluateNlu, normalizeText, detectLocale } from './nlu/index.js';
export type { Analysis, NluModel, EvaluationData, EvaluationReport } from './nlu/index.js';
