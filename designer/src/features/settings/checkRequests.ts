import { z } from 'zod';
import { requestLadder } from './requestLadder';
import type { BotRequestSettings } from './settingsApi';

/** The languages the settings page edits, side by side. */
export const REQUEST_LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'ru', name: 'Russian' },
] as const;

/** The longest phrase the server takes. */
export const MAX_PHRASE_LENGTH = 100;

export interface RequestsCheck {
  /** What blocks saving, by field: `answers.goodbye.ru`, `phrases.menu.en`. */
  errors: Record<string, string>;
  /** What is worth a look but may be meant, by field. */
  warnings: Record<string, string[]>;
}

const keyOf = (phrase: string) => phrase.trim().toLocaleLowerCase();

/**
 * What to tell the analyst about the bot-wide requests before saving: an empty answer (the customer
 * would get silence) or an overlong phrase blocks; a phrase under two requests (the later one never
 * gets it, so both are told) or a language without phrases is a warning.
 *
 * @example
 * checkRequests(withThanksUnderGoodbye).warnings['phrases.thanks.en'] // ['"thanks" is answered as Goodbye, which comes first; …']
 */
export function checkRequests(draft: BotRequestSettings): RequestsCheck {
  const errors: Record<string, string> = {};
  const warnings: Record<string, string[]> = {};
  const warn = (field: string, message: string) => (warnings[field] ??= []).push(message);
  /** Each phrase's first request, as its title and field. */
  const claimed = new Map<string, { title: string; field: string }>();

  for (const step of requestLadder()) {
    if (step.answer) {
      for (const { locale, name } of REQUEST_LOCALES) {
        if (!(draft.answers[step.answer.key][locale] ?? '').trim()) errors[`answers.${step.answer.key}.${locale}`] = `Write the ${name} text: without it the customer gets no answer.`;
      }
    }
    if (!step.kind) continue;
    const seenHere = new Map<string, { title: string; field: string }>();
    for (const { locale, name } of REQUEST_LOCALES) {
      const field = `phrases.${step.kind}.${locale}`;
      const phrases = draft.phrases[step.kind][locale] ?? [];
      if (phrases.length === 0) {
        warn(field, step.kind === 'language' ? `No phrases: customers cannot ask for ${name} by typing.` : `No ${name} phrases: customers writing in ${name} cannot ask for this by typing.`);
      }
      const long = phrases.find((p) => p.length > MAX_PHRASE_LENGTH);
      if (long) errors[field] = `"${long.slice(0, 24)}…" is longer than ${MAX_PHRASE_LENGTH} characters.`;
      for (const phrase of phrases) {
        const earlier = claimed.get(keyOf(phrase));
        if (earlier) {
          warn(field, `"${phrase}" is answered as ${earlier.title}, which comes first; here it has no effect.`);
          warn(earlier.field, `"${phrase}" is also under ${step.title}; ${earlier.title} comes first and answers it.`);
        } else seenHere.set(keyOf(phrase), { title: step.title, field });
      }
    }
    for (const [phrase, first] of seenHere) claimed.set(phrase, first);
  }
  return { errors, warnings };
}

const InvalidBodyDetails = z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) });

/** The field errors in a server's `request/invalid-body` details (`phrases.goodbye.en.2` → `phrases.goodbye.en`). */
export function fieldErrorsOf(details: unknown): Record<string, string> {
  const parsed = InvalidBodyDetails.safeParse(details);
  const errors: Record<string, string> = {};
  for (const { path, message } of parsed.success ? parsed.data.issues : []) errors[path.split('.').slice(0, 3).join('.')] ??= message;
  return errors;
}
