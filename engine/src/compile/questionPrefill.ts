import type { Validator } from '../schema/index.js';
import type { Analysis } from '../nlu/types.js';
import { checkAnswer, type AnswerCheck } from '../text/validateAnswer.js';
import type { FlowEvent } from './types.js';

/** Whether a question takes a specific answer that can be found inside a longer message. */
export function isSpecificQuestion(validator: Validator): boolean {
  return validator.type !== 'text' && validator.type !== 'choice';
}

/**
 * The first part of a message that answers a question: the whole text, then the ids, emails, phone
 * numbers, dates and numbers found in it. Free-text and choice questions are never answered this way.
 *
 * @example findAnswer(orderIdValidator, 'where is ORD-5521', analysis) // → { ok: true, value: 'ORD-5521' }
 */
export function findAnswer(validator: Validator, text: string, analysis: Analysis | null): AnswerCheck {
  if (!isSpecificQuestion(validator) || !text) return { ok: false };
  const entities = analysis?.entities;
  const candidates = [text, ...(entities?.ids ?? []), ...(entities?.emails ?? []), ...(entities?.phones ?? []), ...(entities?.dates ?? []), ...(entities?.numbers.map(String) ?? [])];
  for (const candidate of candidates) {
    const check = checkAnswer(validator, candidate, null);
    if (check.ok) return check;
  }
  return { ok: false };
}

/**
 * When the message that started the flow already holds a specific answer ("where is ORD-5521",
 * "two tickets for 3 people"), the question is skipped. Only once per message: a flow that comes
 * round to this question again in the same turn asks it (and waits), instead of filling it from the
 * same message on every lap, forever. Guard and assignment ask about the same event object, so the
 * check is kept per event.
 */
export function createPrefill(validator: Validator): { check(event: FlowEvent): AnswerCheck; use(event: FlowEvent): void } {
  const checked = new WeakMap<FlowEvent, AnswerCheck>();
  const used = new WeakSet<FlowEvent>();
  return {
    check(event) {
      if (event.type !== 'begin' || !event.turn.text || used.has(event)) return { ok: false };
      let result = checked.get(event);
      if (!result) {
        result = findAnswer(validator, event.turn.text, event.turn.analysis);
        checked.set(event, result);
      }
      return result;
    },
    use(event) {
      used.add(event);
    },
  };
}
