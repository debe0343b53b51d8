import { z } from 'zod';

/*
 * Zod schemas for the Cloud API webhook body (see §3–§5 of the wire-format reference).
 * Plain z.object drops keys it does not know, so the fields Meta keeps adding never reject a
 * payload. Arrays are `unknown[]` at each level because parseWebhook parses every item on its
 * own: one malformed message must not cost the rest of the batch.
 */

/** Ids are strings on the wire; they exceed 2^53, so a number would already have lost digits. */
const IdString = z.string().min(1);

/** Epoch seconds as a string (`"1750000000"`), turned into epoch milliseconds. A number is tolerated. */
export const TimestampSchema = z
  .union([z.string().regex(/^\d+$/, 'expected epoch seconds'), z.number().int().nonnegative()])
  .transform((seconds) => Number(seconds) * 1000);

const Coordinate = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

export const WebhookBodySchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.unknown()),
});

export const WebhookEntrySchema = z.object({
  id: z.string().optional(),
  changes: z.array(z.unknown()),
});

export const WebhookChangeSchema = z.object({
  field: z.string(),
  value: z.unknown(),
});

export const WebhookContactSchema = z.object({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.object({ name: z.string().optional() }).optional(),
});
export type WebhookContact = z.infer<typeof WebhookContactSchema>;

export const WebhookErrorSchema = z.object({
  code: z.union([z.number(), z.string()]),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});
export type WebhookError = z.infer<typeof WebhookErrorSchema>;

export const WebhookValueSchema = z.object({
  metadata: z.object({
    phone_number_id: IdString,
    display_phone_number: z.string().optional(),
  }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

/** The fields every inbound message has, whatever its type. */
export const WebhookMessageBaseSchema = z.object({
  id: IdString,
  // Users who adopt a username may arrive with `from_user_id` (a BSUID) and no `from`.
  from: IdString.optional(),
  from_user_id: IdString.optional(),
  timestamp: TimestampSchema,
  type: z.string(),
  context: z.object({ id: z.string().optional() }).optional(),
});

const Reply = z.object({ id: z.string(), title: z.string() });
const MediaWithCaption = z.object({ id: z.string().optional(), caption: z.string().optional() });

/** The type-specific part of an inbound message, one member per type we map. */
export const WebhookMessageContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.object({ body: z.string() }) }),
  z.object({
    type: z.literal('interactive'),
    interactive: z.object({
      // `button_reply` and `list_reply` are handled; Flows answers (`nfm_reply`) and newer kinds are not.
      type: z.string(),
      button_reply: Reply.optional(),
      list_reply: Reply.optional(),
    }),
  }),
  z.object({ type: z.literal('button'), button: z.object({ payload: z.string().optional(), text: z.string() }) }),
  z.object({ type: z.literal('image'), image: MediaWithCaption }),
  z.object({ type: z.literal('video'), video: MediaWithCaption }),
  z.object({ type: z.literal('document'), document: MediaWithCaption }),
  z.object({ type: z.literal('audio'), audio: z.object({ id: z.string().optional(), voice: z.boolean().optional() }) }),
  z.object({ type: z.literal('sticker'), sticker: z.object({ id: z.string().optional() }) }),
  z.object({
    type: z.literal('location'),
    location: z.object({
      latitude: Coordinate,
      longitude: Coordinate,
      name: z.string().optional(),
      address: z.string().optional(),
    }),
  }),
  z.object({
    type: z.literal('contacts'),
    contacts: z.array(
      z.object({
        name: z
          .object({
            formatted_name: z.string().optional(),
            first_name: z.string().optional(),
            last_name: z.string().optional(),
          })
          .optional(),
      }),
    ),
  }),
  z.object({
    type: z.literal('reaction'),
    reaction: z.object({ message_id: z.string().optional(), emoji: z.string().optional() }),
  }),
]);
export type WebhookMessageContent = z.infer<typeof WebhookMessageContentSchema>;

/** Message types that have a member in WebhookMessageContentSchema; all others map to `unsupported`. */
export const MAPPED_MESSAGE_TYPES: ReadonlySet<string> = new Set(
  WebhookMessageContentSchema.options.map((option) => option.shape.type.value),
);

export const WebhookStatusSchema = z.object({
  id: IdString,
  // `played` is the first play of a voice message we sent.
  status: z.enum(['sent', 'delivered', 'read', 'failed', 'played']),
  timestamp: TimestampSchema,
  recipient_id: IdString.optional(),
  recipient_user_id: IdString.optional(),
  errors: z.array(z.unknown()).optional(),
});
