import { z } from 'zod';
import { request } from '../../api/http';

export const ConversationStatusSchema = z.enum(['bot', 'queued', 'assigned', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;
export type InboxView = 'queue' | 'mine' | 'all';

export const ConversationSummarySchema = z.object({
  id: z.string(),
  customerId: z.string(),
  name: z.string().nullable(),
  status: ConversationStatusSchema,
  queue: z.string().nullable(),
  assigneeId: z.string().nullable(),
  handoffReason: z.string().nullable(),
  handoffAt: z.number().nullable(),
  waitMs: z.number().nullable(),
  labels: z.array(z.string()),
  lastInboundAt: z.number().nullable(),
  windowEndsAt: z.number().nullable(),
  updatedAt: z.number(),
  preview: z.string().nullable().optional(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export const MessageStateSchema = z.enum(['pending', 'processed', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed']);
export type MessageState = z.infer<typeof MessageStateSchema>;
const StatusAt = z.record(z.string(), z.number());
const MessageError = z.object({ code: z.string(), message: z.string() }).nullable();

export const MessageItemSchema = z.object({
  kind: z.literal('message'),
  id: z.string(),
  direction: z.enum(['in', 'out']),
  sender: z.enum(['customer', 'bot', 'operator', 'system']),
  operatorId: z.string().nullable(),
  text: z.string(),
  at: z.number(),
  state: MessageStateSchema,
  statusAt: StatusAt,
  error: MessageError,
});
export const NoteItemSchema = z.object({ kind: z.literal('note'), id: z.string(), operatorId: z.string(), text: z.string(), at: z.number() });
export const HistoryItemSchema = z.discriminatedUnion('kind', [MessageItemSchema, NoteItemSchema]);
export type MessageItem = z.infer<typeof MessageItemSchema>;
export type NoteItem = z.infer<typeof NoteItemSchema>;
export type HistoryItem = z.infer<typeof HistoryItemSchema>;

export const ConsentSchema = z.object({ state: z.enum(['in', 'out', 'unknown']), source: z.string().nullable(), at: z.number().nullable() });
export type Consent = z.infer<typeof ConsentSchema>;

export const ConversationViewSchema = z.object({
  conversation: ConversationSummarySchema,
  contact: z.object({
    name: z.string().nullable(),
    phone: z.string(),
    labels: z.array(z.string()),
    collected: z.record(z.string(), z.unknown()),
    consent: ConsentSchema,
  }),
  window: z.object({ endsAt: z.number().nullable(), open: z.boolean() }),
  history: z.array(HistoryItemSchema),
});
export type ConversationView = z.infer<typeof ConversationViewSchema>;

export const OperatorSchema = z.object({ id: z.string(), name: z.string(), role: z.string(), online: z.boolean() });
export type Operator = z.infer<typeof OperatorSchema>;

export const ExpandedQuickReplySchema = z.object({ id: z.string(), shortcut: z.string(), text: z.string(), expanded: z.string() });
export type ExpandedQuickReply = z.infer<typeof ExpandedQuickReplySchema>;

const TurnResult = z.object({ conversation: ConversationSummarySchema, messages: z.array(z.string()) });

export interface ListFilter {
  view: InboxView;
  status?: ConversationStatus | undefined;
  queue?: string | undefined;
  label?: string | undefined;
}

export const inboxKeys = {
  all: ['inbox'] as const,
  lists: ['inbox', 'list'] as const,
  list: (f: ListFilter) => ['inbox', 'list', f] as const,
  view: (id: string) => ['inbox', 'view', id] as const,
  quickReplies: (id: string) => ['inbox', 'quickReplies', id] as const,
  operators: ['inbox', 'operators'] as const,
};

const enc = encodeURIComponent;
const base = (id: string) => `/api/inbox/conversations/${enc(id)}`;

export async function listConversations(f: ListFilter): Promise<ConversationSummary[]> {
  const params = new URLSearchParams({ view: f.view });
  if (f.status) params.set('status', f.status);
  if (f.queue) params.set('queue', f.queue);
  if (f.label) params.set('label', f.label);
  const body = await request(`/api/inbox/conversations?${params.toString()}`, { schema: z.object({ conversations: z.array(ConversationSummarySchema) }) });
  return body.conversations;
}

export const getConversation = (id: string): Promise<ConversationView> => request(base(id), { schema: ConversationViewSchema });

export const listQuickRepliesFor = async (id: string): Promise<ExpandedQuickReply[]> =>
  (await request(`${base(id)}/quick-replies`, { schema: z.object({ quickReplies: z.array(ExpandedQuickReplySchema) }) })).quickReplies;

export const listOperators = async (): Promise<Operator[]> => (await request('/api/inbox/operators', { schema: z.object({ operators: z.array(OperatorSchema) }) })).operators;

export type ReplyInput = { text: string } | { quickReply: string } | { template: { name: string; language: string; parameters: string[] } };

export const claim = (id: string) => request(`${base(id)}/claim`, { method: 'POST', schema: TurnResult });
export const transfer = (args: { id: string; to: { operatorId: string } | { queue: string } }) => request(`${base(args.id)}/transfer`, { method: 'POST', body: args.to, schema: TurnResult });
export const reply = (args: { id: string; input: ReplyInput }) => request(`${base(args.id)}/reply`, { method: 'POST', body: args.input, schema: TurnResult });
export const addNote = (args: { id: string; text: string }) => request(`${base(args.id)}/notes`, { method: 'POST', body: { text: args.text }, schema: z.object({ note: z.unknown() }) });
export const changeLabels = (args: { id: string; add: string[]; remove: string[] }) =>
  request(`${base(args.id)}/labels`, { method: 'POST', body: { add: args.add, remove: args.remove }, schema: TurnResult });
export const recordConsent = (args: { id: string; state: 'in' | 'out' }) => request(`${base(args.id)}/consent`, { method: 'POST', body: { state: args.state }, schema: z.object({ consent: ConsentSchema }) });
export const resolve = (id: string) => request(`${base(id)}/resolve`, { method: 'POST', schema: TurnResult });
export const returnToBot = (args: { id: string; flowId?: string | undefined }) =>
  request(`${base(args.id)}/return`, { method: 'POST', body: args.flowId ? { flowId: args.flowId } : {}, schema: TurnResult });
export const heartbeat = () => request('/api/inbox/heartbeat', { method: 'POST' });
