import { z } from 'zod';
import { JsonSchema } from './common.js';

/** What a customer sent, after the channel has parsed it. */
export const InboundContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  /** A reply button, a list row or a template quick-reply button; `id` is the button/row id we sent. */
  z.object({ kind: z.literal('choice'), id: z.string(), title: z.string() }),
  z.object({
    kind: z.literal('media'),
    mediaType: z.enum(['image', 'audio', 'video', 'document', 'sticker']),
    caption: z.string().optional(),
  }),
  z.object({
    kind: z.literal('location'),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
  z.object({ kind: z.literal('contacts'), names: z.array(z.string()) }),
  z.object({ kind: z.literal('reaction'), emoji: z.string() }),
  z.object({ kind: z.literal('unsupported') }),
]);
export type InboundContent = z.infer<typeof InboundContentSchema>;

export const InboundSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message'),
    /** The channel's id for the message (a WhatsApp `wamid`). */
    id: z.string(),
    content: InboundContentSchema,
    /** The customer's profile name, when the channel knows it. */
    profileName: z.string().optional(),
  }),
  z.object({
    type: z.literal('actionResult'),
    requestId: z.string(),
    status: z.enum(['ok', 'notFound', 'error']),
    data: JsonSchema.optional(),
  }),
  z.object({ type: z.literal('timer'), timerId: z.string() }),
  /** An operator hands the conversation back to the bot, optionally at a chosen flow/node. */
  z.object({ type: z.literal('resume'), flowId: z.string().optional(), nodeId: z.string().optional() }),
]);
export type Inbound = z.infer<typeof InboundSchema>;
