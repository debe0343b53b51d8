import type { Json } from '@switchboard/engine/schema';
import type {
  AnalyticsEvent,
  Channel,
  Conversation,
  ConversationStatus,
  DeliveryStatus,
  FlowRecord,
  FlowVersion,
  InboundState,
  OutboundState,
  Sender,
  StoredMessage,
  TimerRecord,
  UserRecord,
  UserRole,
} from '../types.js';

// Typed shapes of the rows SQLite returns. The store alone writes these tables, so the columns hold
// exactly what the mappers below wrote; JSON columns are TEXT written by JSON.stringify.

export interface ConversationRow {
  id: string;
  channel: Channel;
  business_number_id: string;
  customer_id: string;
  profile_name: string | null;
  status: ConversationStatus;
  queue: string | null;
  assignee_id: string | null;
  handoff_reason: string | null;
  handoff_at: number | null;
  labels: string;
  snapshot: string | null;
  version: number;
  last_inbound_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface MessageRow {
  seq: number;
  id: string;
  conversation_id: string;
  direction: 'in' | 'out';
  sender: Sender;
  wamid: string | null;
  content: string;
  at: number;
  state: InboundState | OutboundState;
  turn_key: string | null;
  attempts: number;
  next_attempt_at: number | null;
  error: string | null;
  operator_id: string | null;
  status_at: string;
}

export interface TimerRow {
  conversation_id: string;
  timer_id: string;
  fire_at: number;
}

export interface EventRow {
  conversation_id: string;
  type: string;
  at: number;
  flow_id: string | null;
  node_id: string | null;
  data: string;
}

export interface FlowRow {
  id: string;
  name: string;
  draft: string;
  revision: number;
  updated_at: number;
  updated_by: string | null;
  published_version: number | null;
  deleted_at: number | null;
}

export interface FlowVersionRow {
  flow_id: string;
  version: number;
  doc: string;
  published_at: number;
  published_by: string | null;
  summary: string;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  password_hash: string;
  disabled: number;
  created_at: number;
}

export function parseJson(text: string): Json {
  return JSON.parse(text) as Json;
}

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    channel: row.channel,
    businessNumberId: row.business_number_id,
    customerId: row.customer_id,
    profileName: row.profile_name,
    status: row.status,
    queue: row.queue,
    assigneeId: row.assignee_id,
    handoffReason: row.handoff_reason,
    handoffAt: row.handoff_at,
    labels: JSON.parse(row.labels) as string[],
    snapshot: row.snapshot === null ? null : parseJson(row.snapshot),
    version: row.version,
    lastInboundAt: row.last_inbound_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toMessage(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    direction: row.direction,
    sender: row.sender,
    wamid: row.wamid,
    content: parseJson(row.content),
    at: row.at,
    seq: row.seq,
    state: row.state,
    turnKey: row.turn_key,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    error: row.error === null ? null : (JSON.parse(row.error) as { code: string; message: string }),
    operatorId: row.operator_id,
    statusAt: JSON.parse(row.status_at) as Partial<Record<DeliveryStatus, number>>,
  };
}

export function toTimer(row: TimerRow): TimerRecord {
  return { conversationId: row.conversation_id, timerId: row.timer_id, fireAt: row.fire_at };
}

export function toEvent(row: EventRow): AnalyticsEvent {
  return { conversationId: row.conversation_id, type: row.type, at: row.at, flowId: row.flow_id, nodeId: row.node_id, data: parseJson(row.data) };
}

export function toFlow(row: FlowRow): FlowRecord {
  return {
    id: row.id,
    name: row.name,
    draft: parseJson(row.draft),
    revision: row.revision,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    publishedVersion: row.published_version,
    deletedAt: row.deleted_at,
  };
}

export function toFlowVersion(row: FlowVersionRow): FlowVersion {
  return { flowId: row.flow_id, version: row.version, doc: parseJson(row.doc), publishedAt: row.published_at, publishedBy: row.published_by, summary: row.summary };
}

export function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    disabled: row.disabled !== 0,
    createdAt: row.created_at,
  };
}
