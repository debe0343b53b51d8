import { z } from 'zod';
import { laterState } from './deliveryTick';
import { ConversationViewSchema, HistoryItemSchema, MessageStateSchema, NoteItemSchema, type ConversationView } from './inboxApi';

/** What the event stream says, parsed at the edge. */
export const InboxEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('conversation'), conversationId: z.string() }),
  z.object({
    type: z.literal('message'),
    conversationId: z.string(),
    messages: z.array(HistoryItemSchema).optional(),
    note: NoteItemSchema.omit({ kind: true }).optional(),
  }),
  z.object({
    type: z.literal('status'),
    conversationId: z.string(),
    messageId: z.string(),
    state: MessageStateSchema,
    statusAt: z.record(z.string(), z.number()).default({}),
    error: z.object({ code: z.string(), message: z.string() }).nullable().default(null),
  }),
]);
export type InboxEvent = z.infer<typeof InboxEventSchema>;

/** The open conversation's view after an event: new messages and notes appended once, ticks moved forward. */
export function applyInboxEvent(view: ConversationView, event: InboxEvent): ConversationView {
  if (event.conversationId !== view.conversation.id) return view;
  switch (event.type) {
    case 'conversation':
      return view;
    case 'message': {
      const known = new Set(view.history.map((h) => h.id));
      const incoming = [...(event.messages ?? []), ...(event.note ? [{ kind: 'note' as const, ...event.note }] : [])].filter((h) => !known.has(h.id));
      return incoming.length ? { ...view, history: [...view.history, ...incoming] } : view;
    }
    case 'status':
      return {
        ...view,
        history: view.history.map((h) =>
          h.kind === 'message' && h.id === event.messageId
            ? { ...h, state: laterState(h.state, event.state), statusAt: { ...h.statusAt, ...event.statusAt }, error: event.error ?? h.error }
            : h,
        ),
      };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const isConversationView = (value: unknown): value is ConversationView => ConversationViewSchema.safeParse(value).success;
