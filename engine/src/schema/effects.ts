import { z } from 'zod';
import { JsonSchema } from './common.js';

/** A message the bot sends, already localized and interpolated. Channel-neutral. */
export const OutboundMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({
    kind: z.literal('buttons'),
    text: z.string(),
    buttons: z.array(z.object({ id: z.string(), title: z.string() })),
    media: z.object({ kind: z.enum(['image', 'video', 'document']), url: z.string() }).optional(),
  }),
  z.object({
    kind: z.literal('list'),
    text: z.string(),
    button: z.string(),
    rows: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional() })),
  }),
  z.object({
    kind: z.literal('media'),
    mediaType: z.enum(['image', 'video', 'document', 'audio']),
    url: z.string(),
    caption: z.string().optional(),
  }),
  z.object({ kind: z.literal('template'), name: z.string(), language: z.string(), parameters: z.array(z.string()) }),
]);
export type OutboundMessage = z.infer<typeof OutboundMessageSchema>;

/**
 * Why a conversation went to people. `bot-error` is the host's own: a turn that kept failing was
 * given up and handed over (the handoff node's reasons, which analysts pick, do not offer it).
 */
export const HandoffReasonSchema = z.enum(['requested', 'notUnderstood', 'flow', 'lowRating', 'bot-error']);
export type HandoffReason = z.infer<typeof HandoffReasonSchema>;

/** What the engine asks the host to do. The engine itself performs none of it. */
export const EffectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('send'), message: OutboundMessageSchema, nodeId: z.string().optional() }),
  z.object({
    type: z.literal('callAction'),
    requestId: z.string(),
    action: z.string(),
    input: z.record(z.string(), JsonSchema),
  }),
  z.object({ type: z.literal('handoff'), queue: z.string(), reason: HandoffReasonSchema }),
  z.object({ type: z.literal('setLabels'), add: z.array(z.string()), remove: z.array(z.string()) }),
  /** Fire `{ type: 'timer', timerId }` back into `step` at `at` (epoch ms) unless cancelled. */
  z.object({ type: z.literal('scheduleTimer'), timerId: z.string(), at: z.number() }),
  z.object({ type: z.literal('cancelTimer'), timerId: z.string() }),
  z.object({ type: z.literal('end'), flowId: z.string() }),
]);
export type Effect = z.infer<typeof EffectSchema>;
export type EffectOfType<T extends Effect['type']> = Extract<Effect, { type: T }>;
