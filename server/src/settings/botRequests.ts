import { LocaleSchema, type BotMessages, type BotRequestKind, type LocalizedList } from '@switchboard/engine';
import { z } from 'zod';

const MAX_PHRASE = 100;
const MAX_PHRASES = 200;
const MAX_ANSWER = 1024;

/** Phrases per locale, trimmed; the same phrase twice in one locale (in any case) is kept once. */
const PhrasesSchema = z
  .record(LocaleSchema, z.array(z.string().trim().min(1, 'a phrase cannot be empty').max(MAX_PHRASE)).max(MAX_PHRASES))
  .transform((list): LocalizedList => Object.fromEntries(Object.entries(list).map(([locale, phrases]) => [locale, dropRepeats(phrases)])));

const AnswerSchema = z.record(LocaleSchema, z.string().trim().min(1, 'write the answer, or the customer gets silence').max(MAX_ANSWER));

function dropRepeats(phrases: string[]): string[] {
  const seen = new Set<string>();
  return phrases.filter((p) => {
    const key = p.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The bot-wide requests as the analyst edits them: the phrases of each request (`language` keyed by
 * the language asked for) and the bot messages that answer them (the other messages are not edited
 * here). Every request and answer is required, so a change is always whole and deliberate.
 */
export const BotRequestSettingsSchema = z.object({
  phrases: z.object({
    handoff: PhrasesSchema,
    language: PhrasesSchema,
    menu: PhrasesSchema,
    goodbye: PhrasesSchema,
    thanks: PhrasesSchema,
    greeting: PhrasesSchema,
  } satisfies Record<BotRequestKind, typeof PhrasesSchema>),
  answers: z.object({
    handoff: AnswerSchema,
    goodbye: AnswerSchema,
    thanks: AnswerSchema,
    languageChanged: AnswerSchema,
    flowChanged: AnswerSchema,
  } satisfies Partial<Record<keyof BotMessages, typeof AnswerSchema>>),
});
export type BotRequestSettings = z.infer<typeof BotRequestSettingsSchema>;
