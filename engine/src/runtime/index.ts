export { step, initialSnapshot, textOf, OFFER_HANDOFF_ID, OFFER_MENU_ID } from './step.js';
export { activeNode } from './activeNode.js';
export { parseSnapshot, toSnapshotJson } from './parseSnapshot.js';
export { interpolate, localize, readPath } from '../text/interpolate.js';
export { isOpen, localTime } from './businessHours.js';
export { checkAnswer } from '../text/validateAnswer.js';
export type { Bot, CompiledFlow, ConversationSnapshot, ConversationPosition, StepInput, StepResult, TraceEntry } from './types.js';
export { runTurn, runTurnSync, MAX_ACTION_ROUNDS } from './runTurn.js';
export type { ActionCall, ActionOutcome } from './runTurn.js';
