import type { Json, Validator } from '../schema/index.js';
import type { Analysis } from '../nlu/types.js';
import { boundedRegex } from './boundedRegex.js';
import { foldText as fold } from './foldText.js';

export type AnswerCheck = { ok: true; value: Json } | { ok: false };

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/;


function parseNumber(text: string): number | null {
  const cleaned = text.replace(/\s+/g, '').replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

function parseDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dotted) [d, m, y] = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Checks a customer's answer to an `ask` node and returns the value to store.
 *
 * @example checkAnswer({ type: 'number', min: 1, max: 5 }, '4', analysis) // → { ok: true, value: 4 }
 */
export function checkAnswer(validator: Validator, text: string, analysis: Analysis | null): AnswerCheck {
  const trimmed = text.trim();
  switch (validator.type) {
    case 'text': {
      if (trimmed.length === 0) return { ok: false };
      if (validator.minLength !== undefined && trimmed.length < validator.minLength) return { ok: false };
      if (validator.maxLength !== undefined && trimmed.length > validator.maxLength) return { ok: false };
      return { ok: true, value: trimmed };
    }
    case 'number': {
      const value = parseNumber(trimmed) ?? (analysis?.entities.numbers.length === 1 ? (analysis.entities.numbers[0] ?? null) : null);
      if (value === null) return { ok: false };
      if (validator.integer && !Number.isInteger(value)) return { ok: false };
      if (validator.min !== undefined && value < validator.min) return { ok: false };
      if (validator.max !== undefined && value > validator.max) return { ok: false };
      return { ok: true, value };
    }
    case 'email': {
      const candidate = EMAIL.test(trimmed) ? trimmed : analysis?.entities.emails[0];
      return candidate ? { ok: true, value: candidate.toLowerCase() } : { ok: false };
    }
    case 'phone': {
      const digits = trimmed.replace(/[\s().-]/g, '');
      if (/^\+?\d{7,15}$/.test(digits)) return { ok: true, value: digits };
      const found = analysis?.entities.phones[0];
      return found ? { ok: true, value: found } : { ok: false };
    }
    case 'date': {
      const value = parseDate(trimmed) ?? analysis?.entities.dates[0] ?? null;
      return value ? { ok: true, value } : { ok: false };
    }
    case 'regex': {
      const match = boundedRegex(validator.pattern, validator.flags).exec(trimmed);
      if (!match) return { ok: false };
      const value = validator.store
        ? validator.store.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? '')
        : match[0];
      return { ok: true, value };
    }
    case 'choice': {
      const folded = fold(trimmed);
      for (const choice of validator.choices) {
        const words = [choice.value, ...Object.values(choice.synonyms).flat()].map(fold);
        if (words.includes(folded)) return { ok: true, value: choice.value };
      }
      return { ok: false };
    }
    default: {
      const unknown: never = validator;
      throw new Error(`unhandled validator ${JSON.stringify(unknown)}`);
    }
  }
}
