/** Flow validation: everything an analyst must fix (errors) or should look at (warnings). */
export { validateFlow } from './validateFlow.js';
export { validateBot, type BotValidationContext } from './validateBot.js';
export { DEFAULT_MIN_EXAMPLES_PER_INTENT, type ValidationContext } from './validationContext.js';
export { checkRegexSafety, type RegexVerdict } from './checkRegexSafety.js';
export { BUILT_IN_VARIABLES } from './knownVariables.js';
export { isPassThrough } from './isPassThrough.js';
