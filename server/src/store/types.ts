import type { Json } from '@switchboard/engine/schema';

/**
 * The persistence contract: domain operations on plain objects. Two adapters implement it
 * (embedded SQLite, MongoDB); one contract test suite runs against both. Times are epoch ms and
 * always passed in (the store never reads the clock).
 */

export type Channel = 'whatsapp' | 'webchat';
export type ConversationStatus = 'bot' | 'queued' | 'assigned' | 'closed';
export type InboundState = 'pending' | 'processed';
export type OutboundState = 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed';
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';
export type Sender = 'customer' | 'bot' | 'operator' | 'system';

export interface Conversation {
  id: string;
  channel: Channel;
  /** The business number the customer wrote to (WhatsApp `phone_number_id`; `preview` for webchat). */
  businessNumberId: string;
  /** The customer's id on the channel (WhatsApp `wa_id`). */
  customerId: string;
  profileName: string | null;
  status: ConversationStatus;
  queue: string | null;
  assigneeId: string | null;
  handoffReason: string | null;
  handoffAt: number | null;
  labels: string[];
  /** The engine's ConversationSnapshot (JSON), null before the first step. */
  snapshot: Json | null;
  /** Incremented by every committed turn; a commit names the version it started from. */
  version: number;
  /** The customer's last message (opens the 24-hour customer-service window). */
  lastInboundAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface StoredMessage {
  id: string;
  conversationId: string;
  direction: 'in' | 'out';
  sender: Sender;
  /** Inbound: the channel's message id (unique). Outbound: the id the Cloud API returned, once sent. */
  wamid: string | null;
  /** Inbound: engine InboundContent. Outbound: engine OutboundMessage (or an operator's note). */
  content: Json;
  /** Inbound: the channel's timestamp. Outbound: when the turn produced it. */
  at: number;
  /** Insertion order, unique and increasing across the store; breaks ties between equal `at`. */
  seq: number;
  state: InboundState | OutboundState;
  /** The turn that produced an outbound message (`in:<messageId>` or `timer:<conversationId>/<timerId>` …). */
  turnKey: string | null;
  /** Outbound only. */
  attempts: number;
  nextAttemptAt: number | null;
  error: { code: string; message: string } | null;
  operatorId: string | null;
  /** When each delivery status was reached. */
  statusAt: Partial<Record<DeliveryStatus, number>>;
}

/** Where a message goes and whether the 24-hour window is open, read with the claim. */
export type Recipient = Pick<Conversation, 'channel' | 'businessNumberId' | 'customerId' | 'lastInboundAt'>;

/** A claimed outbound message, with its conversation's recipient fields as they were at the claim (null if it is gone). */
export type ClaimedMessage = StoredMessage & { recipient: Recipient | null };

export interface NewInbound {
  channel: Channel;
  businessNumberId: string;
  customerId: string;
  profileName: string | null;
  wamid: string;
  content: Json;
  at: number;
}

export interface NewOutbound {
  sender: Exclude<Sender, 'customer'>;
  content: Json;
  operatorId?: string | null;
  /** The flow whose node produced the message (for per-flow statistics). */
  flowId?: string | null;
}

export interface AnalyticsEvent {
  conversationId: string;
  type: string;
  at: number;
  flowId: string | null;
  nodeId: string | null;
  data: Json;
}

export interface TimerRecord {
  conversationId: string;
  timerId: string;
  fireAt: number;
}

export interface TurnCommit {
  conversationId: string;
  /** Idempotency key of the turn (`in:<messageId>`, `timer:<conversationId>/<timerId>`, `op:<uuid>` …). */
  turnKey: string;
  /** The conversation version the turn read; the commit fails with `conflict` if it moved. */
  expectedVersion: number;
  snapshot: Json | null;
  patch?: Partial<Pick<Conversation, 'status' | 'queue' | 'assigneeId' | 'handoffReason' | 'handoffAt' | 'labels' | 'profileName'>>;
  /** Inbound message marked processed by this turn. */
  processedInboundId?: string;
  /** Timer marked fired by this turn. */
  firedTimerId?: string;
  outbound: NewOutbound[];
  events: Omit<AnalyticsEvent, 'conversationId'>[];
  scheduleTimers: { timerId: string; fireAt: number }[];
  cancelTimers: string[];
  now: number;
  /**
   * Asks the commit to also take the conversation's next work under `owner`'s lease, as `nextWork`
   * does, in the same call: a processor working through a conversation then needs one round trip
   * per turn rather than one for the commit and more for the lease and the reads.
   */
  next?: { owner: string; now: number; ttlMs: number };
}

export type CommitResult = ({ ok: true; conversation: Conversation; outbound: StoredMessage[] } | { ok: false; reason: 'conflict' | 'done' }) & {
  /** Present when the turn asked for `next`: what `nextWork` would have answered right after the commit. */
  next?: WorkItem | null;
};

/** A conversation's next piece of work: a due timer (first) or its oldest pending inbound message. */
export type WorkItem = { conversation: Conversation } & ({ kind: 'timer'; timer: TimerRecord } | { kind: 'message'; message: StoredMessage });

export interface FlowRecord {
  id: string;
  name: string;
  /** The draft document (a flow JSON). */
  draft: Json;
  /** Incremented on every draft save; a save names the revision it edited (optimistic locking). */
  revision: number;
  updatedAt: number;
  updatedBy: string | null;
  /** The latest published version number, null if never published. */
  publishedVersion: number | null;
  deletedAt: number | null;
}

export interface FlowVersion {
  flowId: string;
  version: number;
  doc: Json;
  publishedAt: number;
  publishedBy: string | null;
  summary: string;
}

export type UserRole = 'admin' | 'analyst' | 'operator';
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  passwordHash: string;
  disabled: boolean;
  createdAt: number;
}

export interface Store {
  readonly kind: 'embedded' | 'mongo';

  // Inbound
  /** Stores inbound messages (creating conversations as needed). A `wamid` already stored is skipped. */
  insertInbound(messages: NewInbound[], now: number): Promise<{ inserted: StoredMessage[]; duplicates: number }>;
  /** Conversations that have pending inbound messages or due timers, oldest work first. */
  findWork(now: number, limit: number): Promise<string[]>;
  /** The oldest pending inbound message of a conversation, by (`at`, `seq`). */
  nextPendingInbound(conversationId: string): Promise<StoredMessage | null>;
  dueTimers(conversationId: string, now: number): Promise<TimerRecord[]>;

  // Conversations
  getConversation(id: string): Promise<Conversation | null>;
  findConversation(channel: Channel, businessNumberId: string, customerId: string): Promise<Conversation | null>;
  /** Takes (or renews) the processing lease if it is free, expired or already ours. */
  acquireLease(conversationId: string, owner: string, now: number, ttlMs: number): Promise<boolean>;
  releaseLease(conversationId: string, owner: string): Promise<void>;
  /**
   * Takes (or renews) the lease, as `acquireLease` does, and answers the conversation's next work:
   * its first due timer, else its oldest pending inbound message. With nothing to do the lease is
   * released in the same write. Null when there is nothing to do or another owner holds the lease;
   * otherwise the caller holds the lease until its `ttlMs` runs out or it releases it.
   */
  nextWork(conversationId: string, owner: string, now: number, ttlMs: number): Promise<WorkItem | null>;
  /** Writes a turn atomically (or idempotently): snapshot, patch, outbound, events, timers. */
  commitTurn(turn: TurnCommit): Promise<CommitResult>;
  listMessages(conversationId: string, options?: { limit?: number; beforeSeq?: number }): Promise<StoredMessage[]>;
  listConversations(filter: { status?: ConversationStatus[]; channel?: Channel; limit?: number }): Promise<Conversation[]>;

  // Outbox
  /**
   * Claims up to `limit` queued outbound messages whose `nextAttemptAt` has come, at most one per
   * conversation and only the oldest unsent one of each (so sends stay in order), marking them
   * `sending` for `owner` until `now + ttlMs`. `sending` messages whose claim expired are claimable again.
   */
  claimOutbox(owner: string, now: number, ttlMs: number, limit: number): Promise<ClaimedMessage[]>;
  /** Records the id the API returned; the message is never sent again. Answers the message as it now is. */
  markSent(messageId: string, wamid: string, now: number): Promise<StoredMessage | null>;
  scheduleRetry(messageId: string, nextAttemptAt: number, error: { code: string; message: string }): Promise<void>;
  /** Answers the message as it now is, or null if it was not queued or sending. */
  markFailed(messageId: string, error: { code: string; message: string }, now: number): Promise<StoredMessage | null>;
  /** Applies a delivery status to the outbound message with this wamid, never downgrading. */
  applyStatus(update: { wamid: string; status: DeliveryStatus; at: number; error?: { code: string; message: string } }): Promise<StoredMessage | null>;

  // Events
  listEvents(filter: { conversationId?: string; from?: number; to?: number; type?: string }): Promise<AnalyticsEvent[]>;

  // Flows
  listFlows(): Promise<FlowRecord[]>;
  getFlow(id: string): Promise<FlowRecord | null>;
  /** Creates a flow. Fails with `exists` if the id is taken (even by a deleted flow). */
  createFlow(input: { id: string; name: string; draft: Json; by: string | null; now: number }): Promise<{ ok: true; flow: FlowRecord } | { ok: false; reason: 'exists' }>;
  /** Saves a draft if `expectedRevision` is current; otherwise `conflict` with the current record. */
  saveDraft(input: { id: string; name: string; draft: Json; expectedRevision: number; by: string | null; now: number }): Promise<{ ok: true; flow: FlowRecord } | { ok: false; reason: 'conflict' | 'missing'; current: FlowRecord | null }>;
  deleteFlow(id: string, now: number): Promise<boolean>;
  /** Appends an immutable version made of `doc` and points the flow at it. */
  publishFlow(input: { id: string; doc: Json; by: string | null; summary: string; now: number }): Promise<FlowVersion>;
  listVersions(flowId: string): Promise<FlowVersion[]>;
  getVersion(flowId: string, version: number): Promise<FlowVersion | null>;
  /** The latest published version of every non-deleted flow. */
  publishedFlows(): Promise<FlowVersion[]>;

  // Settings (bot settings, business profile): one JSON document per key
  getSetting(key: string): Promise<Json | null>;
  putSetting(key: string, value: Json, now: number): Promise<void>;

  // Users
  countUsers(): Promise<number>;
  createUser(user: Omit<UserRecord, 'id' | 'createdAt'>, now: number): Promise<UserRecord>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  getUser(id: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  updateUser(id: string, patch: Partial<Pick<UserRecord, 'name' | 'role' | 'passwordHash' | 'disabled'>>): Promise<UserRecord | null>;

  // Statistics (see StatsOps below)
  statCounts: StatsOps['statCounts'];
  openFlowRuns: StatsOps['openFlowRuns'];
  handoffEpisodes: StatsOps['handoffEpisodes'];
  conversationMix: StatsOps['conversationMix'];

  /** Whether the backend answers (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;

  // Operators
  /** The conversation with this customer, created (status `bot`, no messages) if there is none. */
  ensureConversation(input: { channel: Channel; businessNumberId: string; customerId: string; profileName: string | null }, now: number): Promise<Conversation>;
  getMessage(id: string): Promise<StoredMessage | null>;
  /** Internal notes: written by operators, shown in the inbox, never sent. */
  addNote(note: Omit<NoteRecord, 'id'>): Promise<NoteRecord>;
  listNotes(conversationId: string): Promise<NoteRecord[]>;
  getConsent(channel: Channel, businessNumberId: string, customerId: string): Promise<ConsentRecord | null>;
  /** Records the contact's latest consent (opt-in or opt-out), replacing the previous one. */
  setConsent(consent: ConsentRecord): Promise<void>;
  /** Small documents the business keeps by kind (quick replies, templates, labels, API keys), each unique by `key` within its kind. */
  listCatalog(kind: CatalogKind): Promise<CatalogItem[]>;
  getCatalogItem(kind: CatalogKind, id: string): Promise<CatalogItem | null>;
  findCatalogItem(kind: CatalogKind, key: string): Promise<CatalogItem | null>;
  /** Creates or replaces an item by id; `duplicate` when another item of the kind has the same key. */
  putCatalogItem(item: CatalogItem): Promise<{ ok: true } | { ok: false; reason: 'duplicate' }>;
  deleteCatalogItem(kind: CatalogKind, id: string): Promise<boolean>;
  /** Marks a user present until `until` (an open inbox or a heartbeat). */
  touchPresence(userId: string, until: number): Promise<void>;
  /** Users present at `now`. */
  presentUsers(now: number): Promise<string[]>;
}

export interface NoteRecord {
  id: string;
  conversationId: string;
  operatorId: string;
  text: string;
  at: number;
}

export type ConsentState = 'in' | 'out';
export interface ConsentRecord {
  channel: Channel;
  businessNumberId: string;
  customerId: string;
  state: ConsentState;
  /** Where the consent came from: `customer` (wrote STOP / START), `api`, `operator` … */
  source: string;
  at: number;
}

export type CatalogKind = 'quickReply' | 'template' | 'label' | 'apiKey';
export interface CatalogItem {
  kind: CatalogKind;
  id: string;
  key: string;
  doc: Json;
  updatedAt: number;
}

// ---- Statistics ---------------------------------------------------------------------------------
// Counters kept per UTC hour (metric names in statMetrics.ts) plus the per-handoff facts operator
// statistics need. Ranges are [from, to) in epoch ms; counters are bucketed by the hour they start.

export interface StatCountRow {
  metric: string;
  /** Start of the UTC hour (epoch ms); null when rows are summed over the range. */
  hour: number | null;
  flowId: string | null;
  nodeId: string | null;
  key: string | null;
  n: number;
}

/** One stretch of a conversation in people's hands: from a handoff until it is closed or given back to the bot. */
export interface HandoffEpisode {
  conversationId: string;
  customerId: string;
  queue: string | null;
  reason: string | null;
  handoffAt: number;
  /** The assignee, else the first operator who replied. */
  operatorId: string | null;
  firstResponseAt: number | null;
  firstResponderId: string | null;
  closedAt: number | null;
  /** Each customer wait answered by an operator: who answered and after how long. */
  responses: { operatorId: string | null; ms: number }[];
}

export interface StatsOps {
  /**
   * Sums counters of `metrics` over hours starting in [from, to): per hour (dimensions summed) with
   * `by: 'hour'`, or per (metric, flowId, nodeId, key) over the whole range with `by: 'dims'`.
   */
  statCounts(query: { from: number; to: number; metrics: readonly string[]; by: 'hour' | 'dims' }): Promise<StatCountRow[]>;
  /** Flow runs still open whose last visit was in [from, to), by the node they sit on. */
  openFlowRuns(query: { from: number; to: number }): Promise<{ flowId: string; nodeId: string; n: number }[]>;
  /** Handoff episodes that began in [from, to), oldest first. */
  handoffEpisodes(query: { from: number; to: number }): Promise<HandoffEpisode[]>;
  /**
   * Conversations created in [from, to): counts per label, and per customer-number prefix (first six
   * characters) with one full number of each prefix to resolve its country from.
   */
  conversationMix(query: { from: number; to: number }): Promise<{ total: number; labels: { label: string; n: number }[]; numbers: { prefix: string; sample: string; n: number }[] }>;
}

// The slices of the Store each adapter builds in its own file; one definition for both adapters.
export type CatalogOps = Pick<
  Store,
  | 'listFlows'
  | 'getFlow'
  | 'createFlow'
  | 'saveDraft'
  | 'deleteFlow'
  | 'publishFlow'
  | 'listVersions'
  | 'getVersion'
  | 'publishedFlows'
  | 'getSetting'
  | 'putSetting'
  | 'countUsers'
  | 'createUser'
  | 'findUserByEmail'
  | 'getUser'
  | 'listUsers'
  | 'updateUser'
>;

export type TurnOps = Pick<
  Store,
  | 'insertInbound'
  | 'findWork'
  | 'nextPendingInbound'
  | 'dueTimers'
  | 'getConversation'
  | 'findConversation'
  | 'acquireLease'
  | 'releaseLease'
  | 'nextWork'
  | 'commitTurn'
  | 'listMessages'
  | 'listConversations'
  | 'listEvents'
>;

export type InboxOps = Pick<
  Store,
  | 'ensureConversation'
  | 'getMessage'
  | 'addNote'
  | 'listNotes'
  | 'getConsent'
  | 'setConsent'
  | 'listCatalog'
  | 'getCatalogItem'
  | 'findCatalogItem'
  | 'putCatalogItem'
  | 'deleteCatalogItem'
  | 'touchPresence'
  | 'presentUsers'
>;

export type OutboxOps = Pick<Store, 'claimOutbox' | 'markSent' | 'scheduleRetry' | 'markFailed' | 'applyStatus'>;
