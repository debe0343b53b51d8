export { step, initialSnapshot, textOf, OFFER_HANDOFF_ID, OFFER_MENU_ID } from './step.js';
export { activeNode } from './activeNode.js';
export { interpolate, localize, readPath } from './interpolate.js';
export { isOpen, localTime } from './businessHours.js';
export { checkAnswer } from './validateAnswer.js';
export type { Bot, CompiledFlow, ConversationSnapshot, StepInput, StepResult, TraceEntry } from './types.js';
