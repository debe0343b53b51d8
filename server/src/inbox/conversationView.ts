import type { Json } from '@switchboard/engine/schema';
import { SERVICE_WINDOW_MS } from '../outbox/createDispatcher.js';
import type { ConsentRecord, Conversation, NoteRecord, StoredMessage } from '../store/types.js';
import { describeContent } from './describeMessage.js';

export interface ConversationSummary {
  id: string;
  channel: Conversation['channel'];
  customerId: string;
  name: string | null;
  status: Conversation['status'];
  queue: string | null;
  assigneeId: string | null;
  handoffReason: string | null;
  handoffAt: number | null;
  /** How long the customer has been waiting for a person (queued only). */
  waitMs: number | null;
  labels: string[];
  lastInboundAt: number | null;
  /** When the 24-hour customer-service window closes (null: the customer never wrote). */
  windowEndsAt: number | null;
  updatedAt: number;
}

export type HistoryItem =
  | {
      kind: 'message';
      id: string;
      direction: 'in' | 'out';
      sender: StoredMessage['sender'];
      operatorId: string | null;
      text: string;
      content: Json;
      at: number;
      state: StoredMessage['state'];
      statusAt: StoredMessage['statusAt'];
      error: StoredMessage['error'];
    }
  | { kind: 'note'; id: string; operatorId: string; text: string; at: number };

const isRecord = (v: Json | null | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Variables the engine adds to every conversation; not something the bot collected. */
const BUILTIN_VARS = new Set(['profile', 'business']);

export const windowEndOf = (c: Pick<Conversation, 'lastInboundAt'>): number | null => (c.lastInboundAt === null ? null : c.lastInboundAt + SERVICE_WINDOW_MS);
export const isWindowOpen = (c: Pick<Conversation, 'lastInboundAt'>, now: number): boolean => {
  const end = windowEndOf(c);
  return end !== null && now < end;
};

export function toSummary(c: Conversation, now: number): ConversationSummary {
  return {
    id: c.id,
    channel: c.channel,
    customerId: c.customerId,
    name: c.profileName,
    status: c.status,
    queue: c.queue,
    assigneeId: c.assigneeId,
    handoffReason: c.handoffReason,
    handoffAt: c.handoffAt,
    waitMs: c.status === 'queued' && c.handoffAt !== null ? Math.max(0, now - c.handoffAt) : null,
    labels: c.labels,
    lastInboundAt: c.lastInboundAt,
    windowEndsAt: windowEndOf(c),
    updatedAt: c.updatedAt,
  };
}

/** What the bot collected in this conversation (order id, booking id, rating …): the snapshot's own variables. */
export function collectedVars(c: Conversation): Record<string, Json> {
  const vars = isRecord(c.snapshot) ? c.snapshot.vars : undefined;
  if (!isRecord(vars)) return {};
  return Object.fromEntries(Object.entries(vars).filter(([name, value]) => !BUILTIN_VARS.has(name) && value !== null));
}

export function toHistoryItem(m: StoredMessage): HistoryItem {
  return {
    kind: 'message',
    id: m.id,
    direction: m.direction,
    sender: m.sender,
    operatorId: m.operatorId,
    text: describeContent(m.direction, m.content),
    content: m.content,
    at: m.at,
    state: m.state,
    statusAt: m.statusAt,
    error: m.error,
  };
}

/**
 * Messages in the order the store received them (WhatsApp timestamps have second precision, so
 * `at` alone misorders a quick exchange), with notes placed by their time among them.
 */
export function toHistory(messages: StoredMessage[], notes: NoteRecord[]): HistoryItem[] {
  const ordered = [...messages].sort((a, b) => a.seq - b.seq);
  const pending = [...notes].sort((a, b) => a.at - b.at);
  const items: HistoryItem[] = [];
  let clock = Number.NEGATIVE_INFINITY;
  for (const message of ordered) {
    clock = Math.max(clock, message.at);
    while (pending[0] && pending[0].at < clock) {
      const note = pending.shift();
      if (note) items.push({ kind: 'note', id: note.id, operatorId: note.operatorId, text: note.text, at: note.at });
    }
    items.push(toHistoryItem(message));
  }
  for (const note of pending) items.push({ kind: 'note', id: note.id, operatorId: note.operatorId, text: note.text, at: note.at });
  return items;
}

export function toConsentView(consent: ConsentRecord | null): { state: 'in' | 'out' | 'unknown'; source: string | null; at: number | null } {
  return consent ? { state: consent.state, source: consent.source, at: consent.at } : { state: 'unknown', source: null, at: null };
}
