import type { Json } from '@switchboard/engine/schema';
import mongoose from 'mongoose';
import type {
  Channel,
  ConversationStatus,
  DeliveryStatus,
  InboundState,
  NewOutbound,
  OutboundState,
  Sender,
  TurnCommit,
  UserRole,
} from '../types.js';

const { Schema } = mongoose;
const Mixed = Schema.Types.Mixed;

export interface ConversationDoc {
  _id: string;
  channel: Channel;
  businessNumberId: string;
  customerId: string;
  profileName?: string | null;
  status: ConversationStatus;
  queue: string | null;
  assigneeId: string | null;
  handoffReason: string | null;
  handoffAt: number | null;
  labels: string[];
  snapshot: Json | null;
  version: number;
  lastInboundAt?: number | null;
  createdAt: number;
  updatedAt: number;
  /** The processing lease (see acquireLease). */
  lease: { owner: string; until: number } | null;
  /** The last committed turn: lets a retry of it answer `done` and finish what a crash left undone. */
  lastTurnKey: string | null;
}

export interface MessageDoc {
  _id: string;
  seq: number;
  conversationId: string;
  direction: 'in' | 'out';
  sender: Sender;
  wamid: string | null;
  content: Json;
  at: number;
  state: InboundState | OutboundState;
  turnKey: string | null;
  idx: number | null;
  attempts: number;
  nextAttemptAt: number | null;
  error: { code: string; message: string } | null;
  operatorId: string | null;
  statusAt: Partial<Record<DeliveryStatus, number>>;
  claim: { owner: string; until: number } | null;
  /** The flow whose node produced an outbound message (statistics). */
  flowId?: string | null;
}

/**
 * A turn written before the conversation's version moves: without multi-document transactions the
 * conversation update is the commit point, and this record lets the rest of the turn (outbound
 * messages, events, timers, marks) be applied, or re-applied after a crash, idempotently.
 */
export interface TurnDoc {
  _id: string;
  conversationId: string;
  expectedVersion: number;
  nonce: string;
  state: 'staged' | 'applied';
  stagedAt: number;
  now: number;
  outbound: (NewOutbound & { id: string; seq: number })[];
  events: TurnCommit['events'];
  scheduleTimers: TurnCommit['scheduleTimers'];
  cancelTimers: string[];
  processedInboundId: string | null;
  firedTimerId: string | null;
}

export interface TimerDoc {
  conversationId: string;
  timerId: string;
  fireAt: number;
  state: 'scheduled' | 'fired' | 'cancelled';
}

export interface EventDoc {
  _id: string;
  conversationId: string;
  type: string;
  at: number;
  flowId: string | null;
  nodeId: string | null;
  data: Json;
}

export interface FlowDoc {
  _id: string;
  name: string;
  draft: Json;
  revision: number;
  updatedAt: number;
  updatedBy: string | null;
  publishedVersion: number | null;
  deletedAt: number | null;
}

export interface FlowVersionDoc {
  flowId: string;
  version: number;
  doc: Json;
  publishedAt: number;
  publishedBy: string | null;
  summary: string;
}

export interface SettingDoc {
  _id: string;
  value: Json;
  updatedAt: number;
}

export interface UserDoc {
  _id: string;
  email: string;
  name: string;
  role: UserRole;
  passwordHash: string;
  disabled: boolean;
  createdAt: number;
}

export interface CounterDoc {
  _id: string;
  value: number;
}

// `minimize: false` keeps empty objects (a `{}` content or statusAt) instead of dropping them.
const options = { minimize: false, versionKey: false, autoIndex: false } as const;

const conversationSchema = new Schema(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    businessNumberId: { type: String, required: true },
    customerId: { type: String, required: true },
    profileName: { type: String, default: null },
    status: { type: String, required: true },
    queue: { type: String, default: null },
    assigneeId: { type: String, default: null },
    handoffReason: { type: String, default: null },
    handoffAt: { type: Number, default: null },
    labels: { type: [String], default: [] },
    snapshot: { type: Mixed, default: null },
    version: { type: Number, required: true },
    lastInboundAt: { type: Number, default: null },
    createdAt: { type: Number, required: true },
    updatedAt: { type: Number, required: true },
    lease: { type: Mixed, default: null },
    lastTurnKey: { type: String, default: null },
  },
  options,
);
conversationSchema.index({ channel: 1, businessNumberId: 1, customerId: 1 }, { unique: true });
conversationSchema.index({ status: 1, updatedAt: -1 });
conversationSchema.index({ createdAt: 1 }, { name: 'stats_created' });

const messageSchema = new Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    conversationId: { type: String, required: true },
    direction: { type: String, required: true },
    sender: { type: String, required: true },
    wamid: { type: String, default: null },
    content: { type: Mixed, required: true },
    at: { type: Number, required: true },
    state: { type: String, required: true },
    turnKey: { type: String, default: null },
    idx: { type: Number, default: null },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Number, default: null },
    error: { type: Mixed, default: null },
    operatorId: { type: String, default: null },
    statusAt: { type: Mixed, default: {} },
    claim: { type: Mixed, default: null },
    flowId: { type: String, default: null },
  },
  options,
);
// Statistics read messages and events by time.
messageSchema.index({ at: 1, direction: 1 }, { name: 'stats_at' });
messageSchema.index({ wamid: 1 }, { unique: true, partialFilterExpression: { direction: 'in' }, name: 'inbound_wamid' });
messageSchema.index({ wamid: 1, direction: 1 }, { partialFilterExpression: { direction: 'out', wamid: { $type: 'string' } }, name: 'outbound_wamid' });
messageSchema.index({ conversationId: 1, seq: 1 });
messageSchema.index({ conversationId: 1, direction: 1, state: 1, at: 1, seq: 1 }, { name: 'pending_inbound' });
messageSchema.index({ direction: 1, state: 1, conversationId: 1, seq: 1 }, { name: 'outbox' });
messageSchema.index({ turnKey: 1, idx: 1 }, { unique: true, partialFilterExpression: { turnKey: { $type: 'string' } }, name: 'turn_idx' });

const turnSchema = new Schema(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    expectedVersion: { type: Number, required: true },
    nonce: { type: String, required: true },
    state: { type: String, required: true },
    stagedAt: { type: Number, required: true },
    now: { type: Number, required: true },
    outbound: { type: Mixed, default: [] },
    events: { type: Mixed, default: [] },
    scheduleTimers: { type: Mixed, default: [] },
    cancelTimers: { type: [String], default: [] },
    processedInboundId: { type: String, default: null },
    firedTimerId: { type: String, default: null },
  },
  options,
);
turnSchema.index({ state: 1, stagedAt: 1 });

const timerSchema = new Schema(
  {
    conversationId: { type: String, required: true },
    timerId: { type: String, required: true },
    fireAt: { type: Number, required: true },
    state: { type: String, required: true },
  },
  options,
);
timerSchema.index({ conversationId: 1, timerId: 1 }, { unique: true });
timerSchema.index({ state: 1, fireAt: 1 });

const eventSchema = new Schema(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    type: { type: String, required: true },
    at: { type: Number, required: true },
    flowId: { type: String, default: null },
    nodeId: { type: String, default: null },
    data: { type: Mixed, default: null },
  },
  options,
);
eventSchema.index({ at: 1 });
eventSchema.index({ conversationId: 1, at: 1 });
eventSchema.index({ type: 1, at: 1 }, { name: 'stats_type_at' });

const flowSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    draft: { type: Mixed, required: true },
    revision: { type: Number, required: true },
    updatedAt: { type: Number, required: true },
    updatedBy: { type: String, default: null },
    publishedVersion: { type: Number, default: null },
    deletedAt: { type: Number, default: null },
  },
  options,
);

const flowVersionSchema = new Schema(
  {
    flowId: { type: String, required: true },
    version: { type: Number, required: true },
    doc: { type: Mixed, required: true },
    publishedAt: { type: Number, required: true },
    publishedBy: { type: String, default: null },
    summary: { type: String, default: '' },
  },
  options,
);
flowVersionSchema.index({ flowId: 1, version: 1 }, { unique: true });

const settingSchema = new Schema(
  { _id: { type: String, required: true }, value: { type: Mixed, default: null }, updatedAt: { type: Number, required: true } },
  options,
);

const userSchema = new Schema(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    passwordHash: { type: String, required: true },
    disabled: { type: Boolean, default: false },
    createdAt: { type: Number, required: true },
  },
  options,
);
userSchema.index({ email: 1 }, { unique: true });

const counterSchema = new Schema({ _id: { type: String, required: true }, value: { type: Number, required: true } }, options);

/** The store's models bound to one connection (never mongoose's global one). */
export function createModels(connection: mongoose.Connection) {
  return {
    Conversation: connection.model<ConversationDoc>('Conversation', conversationSchema, 'conversations'),
    Message: connection.model<MessageDoc>('Message', messageSchema, 'messages'),
    Turn: connection.model<TurnDoc>('Turn', turnSchema, 'turns'),
    Timer: connection.model<TimerDoc>('Timer', timerSchema, 'timers'),
    Event: connection.model<EventDoc>('Event', eventSchema, 'events'),
    Flow: connection.model<FlowDoc>('Flow', flowSchema, 'flows'),
    FlowVersion: connection.model<FlowVersionDoc>('FlowVersion', flowVersionSchema, 'flow_versions'),
    Setting: connection.model<SettingDoc>('Setting', settingSchema, 'settings'),
    User: connection.model<UserDoc>('User', userSchema, 'users'),
    Counter: connection.model<CounterDoc>('Counter', counterSchema, 'counters'),
  };
}

export type Models = ReturnType<typeof createModels>;

/** Whether an error is MongoDB's duplicate-key error (a unique index refused the write). */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof mongoose.mongo.MongoServerError && error.code === 11000;
}
