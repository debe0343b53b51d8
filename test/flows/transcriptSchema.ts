import { z } from 'zod';

const DURATION = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * A pause such as `31m`, `2h` or `15d`, in milliseconds.
 *
 * @example parseDuration('31m') // → 1_860_000
 */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const unit = match[2];
  if (unit !== 's' && unit !== 'm' && unit !== 'h' && unit !== 'd') return null;
  return Number(match[1]) * UNIT_MS[unit];
}

const DurationSchema = z.string().refine((s) => parseDuration(s) !== null, 'a pause such as "31m", "2h" or "15d"');

/** What one customer turn must make the bot do. Every field is optional; absent means "not checked". */
export const ExpectSchema = z.strictObject({
  /**
   * One regular expression per message the bot sends this turn, in order; the count must match.
   * Matched case-insensitively, with `.` also matching line breaks.
   */
  replies: z.array(z.string()).optional(),
  /** Titles of all reply buttons sent this turn, in order (the bot's "talk to a person" offer included). */
  buttons: z.array(z.string()).optional(),
  /** Titles of all list rows sent this turn, in order. */
  rows: z.array(z.string()).optional(),
  /** Whether the turn hands the conversation to a person; an object also checks the queue and reason. */
  handoff: z
    .union([z.boolean(), z.strictObject({ queue: z.string().optional(), reason: z.enum(['requested', 'notUnderstood', 'flow', 'lowRating', 'bot-error']).optional() })])
    .optional(),
  /** Labels added and removed this turn (all of them, in order). */
  labels: z.strictObject({ add: z.array(z.string()).optional(), remove: z.array(z.string()).optional() }).optional(),
  /** Backend actions called this turn, in order, with (a subset of) their input. */
  calls: z.array(z.strictObject({ action: z.string(), input: z.record(z.string(), z.string()).optional() })).optional(),
  /** The flow the conversation is in after the turn (null: none, waiting for the next trigger). */
  flow: z.string().nullable().optional(),
  /** The language the bot speaks after the turn. */
  locale: z.string().optional(),
});
export type Expectation = z.infer<typeof ExpectSchema>;

/**
 * One customer turn: text (`say`), a press of a button or list row by its id (`press`), a photo,
 * voice note or sticker (`media`, with `say` as its caption), or a pause (alone or before the message).
 */
export const TurnSchema = z
  .strictObject({
    say: z.string().optional(),
    press: z.string().optional(),
    media: z.enum(['image', 'audio', 'video', 'document', 'sticker']).optional(),
    wait: DurationSchema.optional(),
    expect: ExpectSchema.optional(),
  })
  .refine((turn) => turn.press === undefined || (turn.say === undefined && turn.media === undefined), 'a turn that presses a button neither says nor sends anything else')
  .refine((turn) => turn.say !== undefined || turn.press !== undefined || turn.media !== undefined || turn.wait !== undefined, 'a turn needs "say", "press", "media" or "wait"')
  .refine((turn) => turn.say !== undefined || turn.press !== undefined || turn.media !== undefined || turn.expect === undefined, 'a pause alone has nothing to expect');
export type Turn = z.infer<typeof TurnSchema>;

export const TranscriptSchema = z.strictObject({
  name: z.string().min(1),
  /** When the conversation starts (ISO 8601); decides opening hours. Default: a Tuesday, 11:00 in Moscow. */
  now: z.iso.datetime({ offset: true }).optional(),
  /** The customer's WhatsApp profile name; an empty string means the channel does not know it. */
  profileName: z.string().optional(),
  turns: z.array(TurnSchema).min(1),
});
export type Transcript = z.infer<typeof TranscriptSchema>;

/** A transcript file holds a list of transcripts. */
export const TranscriptFileSchema = z.array(TranscriptSchema).min(1);
