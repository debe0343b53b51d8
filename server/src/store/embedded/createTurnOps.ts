import type Database from 'better-sqlite3';
import { applyPatch } from '../applyPatch.js';
import { StoreError } from '../StoreError.js';
import type { Channel, CommitResult, Conversation, ConversationStatus, NewInbound, StoredMessage, TurnCommit, TurnOps, WorkItem } from '../types.js';
import type { EventWriter } from './createEventWriter.js';
// Time-ordered (UUIDv7) ids for conversations and messages: the message-id and turn-key indexes then
// grow at their end instead of taking a write on a random page per row, so a commit writes fewer pages.
import { timeOrderedId as newId } from './timeOrderedId.js';
import type { WriteQueue } from './createWriteQueue.js';
import type { ConversationRow, EventRow, MessageRow, TimerRow } from './rows.js';
import { toConversation, toEvent, toMessage, toTimer } from './rows.js';

const DEFAULT_PAGE = 50;

/** Inbound, conversations, leases and the atomic turn commit over SQLite. */
export function createTurnOps(db: Database.Database, write: WriteQueue, eventWriter: EventWriter): TurnOps {
  const conversationById = db.prepare<[string], ConversationRow>('SELECT * FROM conversations WHERE id = ?');
  const conversationByCustomer = db.prepare<[Channel, string, string], ConversationRow>(
    'SELECT * FROM conversations WHERE channel = ? AND business_number_id = ? AND customer_id = ?',
  );
  const insertConversation = db.prepare<[ConversationRow]>(
    `INSERT INTO conversations VALUES (@id, @channel, @business_number_id, @customer_id, @profile_name, @status, @queue,
       @assignee_id, @handoff_reason, @handoff_at, @labels, @snapshot, @version, @last_inbound_at, @created_at, @updated_at)`,
  );
  const noteInbound = db.prepare<{ id: string; profileName: string | null; at: number; now: number }>(
    `UPDATE conversations SET profile_name = coalesce(@profileName, profile_name),
       last_inbound_at = max(coalesce(last_inbound_at, @at), @at), updated_at = max(updated_at, @now) WHERE id = @id`,
  );
  const insertInboundRow = db.prepare<{ id: string; conversationId: string; wamid: string; content: string; at: number }, { seq: number }>(
    `INSERT INTO messages (id, conversation_id, direction, sender, wamid, content, at, state)
     VALUES (@id, @conversationId, 'in', 'customer', @wamid, @content, @at, 'pending')
     ON CONFLICT (wamid) WHERE direction = 'in' DO NOTHING RETURNING seq`,
  );
  const work = db.prepare<{ now: number; limit: number }, { conversation_id: string }>(
    `SELECT conversation_id FROM (
       SELECT conversation_id, min(at) AS since FROM messages WHERE direction = 'in' AND state = 'pending' GROUP BY conversation_id
       UNION ALL
       SELECT conversation_id, min(fire_at) AS since FROM timers WHERE state = 'scheduled' AND fire_at <= @now GROUP BY conversation_id
     ) GROUP BY conversation_id ORDER BY min(since), conversation_id LIMIT @limit`,
  );
  const pendingInbound = db.prepare<[string], MessageRow>(
    `SELECT * FROM messages WHERE conversation_id = ? AND direction = 'in' AND state = 'pending' ORDER BY at, seq LIMIT 1`,
  );
  const due = db.prepare<[string, number], TimerRow>(
    `SELECT conversation_id, timer_id, fire_at FROM timers WHERE conversation_id = ? AND state = 'scheduled' AND fire_at <= ? ORDER BY fire_at, timer_id`,
  );
  const takeLease = db.prepare<{ id: string; owner: string; until: number; now: number }>(
    `INSERT INTO leases (conversation_id, owner, until)
     SELECT @id, @owner, @until WHERE EXISTS (SELECT 1 FROM conversations WHERE id = @id)
     ON CONFLICT (conversation_id) DO UPDATE SET owner = excluded.owner, until = excluded.until
     WHERE leases.owner = excluded.owner OR leases.until <= @now`,
  );
  const dropLease = db.prepare<[string, string]>('DELETE FROM leases WHERE conversation_id = ? AND owner = ?');
  const turnDone = db.prepare<[string], { turn_key: string }>('SELECT turn_key FROM turns WHERE turn_key = ?');
  const insertTurn = db.prepare<[string, string, number]>('INSERT INTO turns (turn_key, conversation_id, committed_at) VALUES (?, ?, ?)');
  const inboundState = db.prepare<[string], Pick<MessageRow, 'conversation_id' | 'direction' | 'state'>>(
    'SELECT conversation_id, direction, state FROM messages WHERE id = ?',
  );
  const timerState = db.prepare<[string, string], { state: string }>('SELECT state FROM timers WHERE conversation_id = ? AND timer_id = ?');
  const saveConversation = db.prepare<[ConversationRow]>(
    `UPDATE conversations SET profile_name = @profile_name, status = @status, queue = @queue, assignee_id = @assignee_id,
       handoff_reason = @handoff_reason, handoff_at = @handoff_at, labels = @labels, snapshot = @snapshot, version = @version,
       updated_at = @updated_at WHERE id = @id`,
  );
  const markProcessed = db.prepare<[string]>(`UPDATE messages SET state = 'processed' WHERE id = ?`);
  const fireTimer = db.prepare<[string, string]>(`UPDATE timers SET state = 'fired' WHERE conversation_id = ? AND timer_id = ?`);
  const cancelTimer = db.prepare<[string, string]>(`UPDATE timers SET state = 'cancelled' WHERE conversation_id = ? AND timer_id = ? AND state = 'scheduled'`);
  const scheduleTimer = db.prepare<[string, string, number]>(
    `INSERT INTO timers (conversation_id, timer_id, fire_at, state) VALUES (?, ?, ?, 'scheduled')
     ON CONFLICT (conversation_id, timer_id) DO UPDATE SET fire_at = excluded.fire_at, state = 'scheduled'`,
  );
  const insertOutbound = db.prepare<
    { id: string; conversationId: string; sender: string; content: string; at: number; turnKey: string; idx: number; operatorId: string | null; flowId: string | null },
    { seq: number }
  >(
    `INSERT INTO messages (id, conversation_id, direction, sender, content, at, state, turn_key, idx, attempts, next_attempt_at, operator_id, flow_id)
     VALUES (@id, @conversationId, 'out', @sender, @content, @at, 'queued', @turnKey, @idx, 0, @at, @operatorId, @flowId) RETURNING seq`,
  );
  const messagesPage = db.prepare<[string, number, number], MessageRow>(
    'SELECT * FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
  );
  const conversationsPage = db.prepare<{ statuses: string | null; channel: Channel | null; limit: number }, ConversationRow>(
    `SELECT * FROM conversations
     WHERE (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses))) AND (@channel IS NULL OR channel = @channel)
     ORDER BY updated_at DESC, id LIMIT @limit`,
  );
  const events = db.prepare<{ conversationId: string | null; from: number | null; to: number | null; type: string | null }, EventRow>(
    `SELECT conversation_id, type, at, flow_id, node_id, data FROM events
     WHERE (@conversationId IS NULL OR conversation_id = @conversationId) AND (@from IS NULL OR at >= @from)
       AND (@to IS NULL OR at < @to) AND (@type IS NULL OR type = @type)
     ORDER BY at, id`,
  );

  function conversationFor(message: NewInbound, now: number): string {
    const existing = conversationByCustomer.get(message.channel, message.businessNumberId, message.customerId);
    if (existing) return existing.id;
    const id = newId();
    insertConversation.run({
      id,
      channel: message.channel,
      business_number_id: message.businessNumberId,
      customer_id: message.customerId,
      profile_name: message.profileName,
      status: 'bot',
      queue: null,
      assignee_id: null,
      handoff_reason: null,
      handoff_at: null,
      labels: '[]',
      snapshot: null,
      version: 0,
      last_inbound_at: null,
      created_at: now,
      updated_at: now,
    });
    return id;
  }

  function commit(turn: TurnCommit): CommitResult {
    const row = conversationById.get(turn.conversationId);
    if (!row) throw new StoreError('store/unknown-conversation', `No conversation ${turn.conversationId}.`);
    if (turnDone.get(turn.turnKey)) return { ok: false, reason: 'done' };
    if (turn.processedInboundId !== undefined) {
      const inbound = inboundState.get(turn.processedInboundId);
      if (!inbound || inbound.direction !== 'in' || inbound.conversation_id !== turn.conversationId) {
        throw new StoreError('store/unknown-inbound', `No inbound message ${turn.processedInboundId} in conversation ${turn.conversationId}.`);
      }
      if (inbound.state === 'processed') return { ok: false, reason: 'done' };
    }
    if (turn.firedTimerId !== undefined && timerState.get(turn.conversationId, turn.firedTimerId)?.state !== 'scheduled') {
      return { ok: false, reason: 'done' };
    }
    if (row.version !== turn.expectedVersion) return { ok: false, reason: 'conflict' };

    const conversation: Conversation = {
      ...applyPatch(toConversation(row), turn.patch),
      snapshot: turn.snapshot,
      version: row.version + 1,
      updatedAt: turn.now,
    };
    saveConversation.run({
      ...row,
      profile_name: conversation.profileName,
      status: conversation.status,
      queue: conversation.queue,
      assignee_id: conversation.assigneeId,
      handoff_reason: conversation.handoffReason,
      handoff_at: conversation.handoffAt,
      labels: JSON.stringify(conversation.labels),
      snapshot: turn.snapshot === null ? null : JSON.stringify(turn.snapshot),
      version: conversation.version,
      updated_at: turn.now,
    });
    insertTurn.run(turn.turnKey, turn.conversationId, turn.now);
    if (turn.processedInboundId !== undefined) markProcessed.run(turn.processedInboundId);
    // Fire, then cancel, then schedule: a turn that re-arms the timer it fired (or cancels and
    // restarts one) leaves it scheduled.
    if (turn.firedTimerId !== undefined) fireTimer.run(turn.conversationId, turn.firedTimerId);
    for (const timerId of turn.cancelTimers) cancelTimer.run(turn.conversationId, timerId);
    for (const timer of turn.scheduleTimers) scheduleTimer.run(turn.conversationId, timer.timerId, timer.fireAt);

    const outbound = turn.outbound.map((message, idx): StoredMessage => {
      const id = newId();
      const operatorId = message.operatorId ?? null;
      const inserted = insertOutbound.get({
        id,
        conversationId: turn.conversationId,
        sender: message.sender,
        content: JSON.stringify(message.content),
        at: turn.now,
        turnKey: turn.turnKey,
        idx,
        operatorId,
        flowId: message.flowId ?? null,
      });
      if (!inserted) throw new Error('outbound insert returned no row');
      return {
        id,
        conversationId: turn.conversationId,
        direction: 'out',
        sender: message.sender,
        wamid: null,
        content: message.content,
        at: turn.now,
        seq: inserted.seq,
        state: 'queued',
        turnKey: turn.turnKey,
        attempts: 0,
        nextAttemptAt: turn.now,
        error: null,
        operatorId,
        statusAt: {},
      };
    });
    eventWriter.write(turn.conversationId, turn.events);
    return { ok: true, conversation, outbound };
  }

  /** Inside a write: lease, then the reads; with nothing to do the lease goes again in the same transaction. */
  function takeNextWork(conversationId: string, owner: string, now: number, ttlMs: number): WorkItem | null {
    const row = conversationById.get(conversationId);
    if (!row || takeLease.run({ id: conversationId, owner, until: now + ttlMs, now }).changes !== 1) return null;
    const conversation = toConversation(row);
    const timer = due.get(conversationId, now);
    if (timer) return { conversation, kind: 'timer', timer: toTimer(timer) };
    const message = pendingInbound.get(conversationId);
    if (message) return { conversation, kind: 'message', message: toMessage(message) };
    dropLease.run(conversationId, owner);
    return null;
  }

  return {
    insertInbound: (messages, now) =>
      write(() => {
        const inserted: StoredMessage[] = [];
        let duplicates = 0;
        for (const message of messages) {
          const conversationId = conversationFor(message, now);
          const id = newId();
          const row = insertInboundRow.get({ id, conversationId, wamid: message.wamid, content: JSON.stringify(message.content), at: message.at });
          if (!row) {
            duplicates += 1;
            continue;
          }
          noteInbound.run({ id: conversationId, profileName: message.profileName, at: message.at, now });
          inserted.push({
            id,
            conversationId,
            direction: 'in',
            sender: 'customer',
            wamid: message.wamid,
            content: message.content,
            at: message.at,
            seq: row.seq,
            state: 'pending',
            turnKey: null,
            attempts: 0,
            nextAttemptAt: null,
            error: null,
            operatorId: null,
            statusAt: {},
          });
        }
        return { inserted, duplicates };
      }),
    findWork: async (now, limit) => work.all({ now, limit }).map((row) => row.conversation_id),
    nextPendingInbound: async (conversationId) => {
      const row = pendingInbound.get(conversationId);
      return row ? toMessage(row) : null;
    },
    dueTimers: async (conversationId, now) => due.all(conversationId, now).map(toTimer),
    getConversation: async (id) => {
      const row = conversationById.get(id);
      return row ? toConversation(row) : null;
    },
    findConversation: async (channel, businessNumberId, customerId) => {
      const row = conversationByCustomer.get(channel, businessNumberId, customerId);
      return row ? toConversation(row) : null;
    },
    acquireLease: (conversationId, owner, now, ttlMs) =>
      write(() => takeLease.run({ id: conversationId, owner, until: now + ttlMs, now }).changes === 1),
    releaseLease: (conversationId, owner) =>
      write(() => {
        dropLease.run(conversationId, owner);
      }),
    nextWork: (conversationId, owner, now, ttlMs) => write(() => takeNextWork(conversationId, owner, now, ttlMs)),
    commitTurn: (turn) =>
      write(() => {
        const result = commit(turn);
        const { next } = turn;
        return next ? { ...result, next: takeNextWork(turn.conversationId, next.owner, next.now, next.ttlMs) } : result;
      }),
    // The newest page before `beforeSeq`, returned oldest first (the order a chat is read in).
    listMessages: async (conversationId, options) => {
      const rows = messagesPage.all(conversationId, options?.beforeSeq ?? Number.MAX_SAFE_INTEGER, options?.limit ?? DEFAULT_PAGE);
      return rows.reverse().map(toMessage);
    },
    listConversations: async (filter) => {
      const statuses: ConversationStatus[] | undefined = filter.status;
      const rows = conversationsPage.all({
        statuses: statuses ? JSON.stringify(statuses) : null,
        channel: filter.channel ?? null,
        limit: filter.limit ?? DEFAULT_PAGE,
      });
      return rows.map(toConversation);
    },
    // `from` inclusive, `to` exclusive, so adjacent ranges never count an event twice.
    listEvents: async (filter) =>
      events
        .all({ conversationId: filter.conversationId ?? null, from: filter.from ?? null, to: filter.to ?? null, type: filter.type ?? null })
        .map(toEvent),
  };
}
