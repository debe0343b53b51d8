import { randomUUID } from 'node:crypto';
import { applyPatch } from '../applyPatch.js';
import { StoreError } from '../StoreError.js';
import type { CommitResult, NewInbound, StoredMessage, TurnCommit, TurnOps, WorkItem } from '../types.js';
import type { ConversationDoc, MessageDoc, Models, TurnDoc } from './models.js';
import { isDuplicateKey } from './models.js';
import { toConversation, toEvent, toMessage, toTimer } from './mappers.js';

const DEFAULT_PAGE = 50;
/** A turn staged this long ago whose commit is still unfinished is finished (or dropped) by findWork. */
const STALE_STAGE_MS = 30_000;

/**
 * Inbound, conversations, leases and turns over MongoDB without multi-document transactions. A turn
 * is staged as one document, then committed by the conversation's versioned update (the commit
 * point), then applied: outbound messages, events, timers and marks, each write idempotent.
 */
export function createTurnOps(models: Models): TurnOps {
  const { Conversation, Message, Turn, Timer, Event, Counter } = models;

  /** Reserves `count` consecutive values of the store-wide message sequence; returns the first. */
  async function reserveSeq(count: number): Promise<number> {
    const counter = await Counter.findOneAndUpdate({ _id: 'messages' }, { $inc: { value: count } }, { upsert: true, new: true }).lean();
    if (!counter) throw new Error('sequence counter missing after upsert');
    return counter.value - count + 1;
  }

  async function conversationFor(message: NewInbound, now: number): Promise<string> {
    const key = { channel: message.channel, businessNumberId: message.businessNumberId, customerId: message.customerId };
    const update = {
      $setOnInsert: { _id: randomUUID(), status: 'bot', queue: null, assigneeId: null, handoffReason: null, handoffAt: null, labels: [], snapshot: null, version: 0, createdAt: now, lease: null, lastTurnKey: null },
      // Idempotent on redelivery, so it may run before the message itself is known to be new.
      $max: { lastInboundAt: message.at, updatedAt: now },
      ...(message.profileName === null ? {} : { $set: { profileName: message.profileName } }),
    };
    // Two processes creating the same conversation race on the unique index; the loser retries and finds it.
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await Conversation.findOneAndUpdate(key, update, { upsert: true, new: true }).lean<ConversationDoc>();
        if (doc) return doc._id;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt > 2) throw error;
      }
    }
  }

  /** Writes what a committed turn implies. Every step tolerates having run before. */
  async function apply(stage: TurnDoc): Promise<StoredMessage[]> {
    const outbound = stage.outbound.map(
      (message, idx): MessageDoc => ({
        _id: message.id,
        seq: message.seq,
        conversationId: stage.conversationId,
        direction: 'out',
        sender: message.sender,
        wamid: null,
        content: message.content,
        at: stage.now,
        state: 'queued',
        turnKey: stage._id,
        idx,
        attempts: 0,
        nextAttemptAt: stage.now,
        error: null,
        operatorId: message.operatorId ?? null,
        flowId: message.flowId ?? null,
        statusAt: {},
        claim: null,
      }),
    );
    for (const doc of outbound) await insertIgnoringDuplicate(() => Message.create(doc));
    for (const [i, event] of stage.events.entries()) {
      const doc = { _id: `${stage._id}#${i}`, conversationId: stage.conversationId, ...event };
      await insertIgnoringDuplicate(() => Event.create(doc));
    }
    if (stage.processedInboundId !== null) await Message.updateOne({ _id: stage.processedInboundId, state: 'pending' }, { $set: { state: 'processed' } });
    // Fire, then cancel, then schedule, as the embedded store does.
    if (stage.firedTimerId !== null) {
      await Timer.updateOne({ conversationId: stage.conversationId, timerId: stage.firedTimerId, state: 'scheduled' }, { $set: { state: 'fired' } });
    }
    if (stage.cancelTimers.length > 0) {
      await Timer.updateMany({ conversationId: stage.conversationId, timerId: { $in: stage.cancelTimers }, state: 'scheduled' }, { $set: { state: 'cancelled' } });
    }
    for (const timer of stage.scheduleTimers) {
      await Timer.updateOne({ conversationId: stage.conversationId, timerId: timer.timerId }, { $set: { fireAt: timer.fireAt, state: 'scheduled' } }, { upsert: true });
    }
    await Turn.updateOne({ _id: stage._id }, { $set: { state: 'applied', outbound: [], events: [], scheduleTimers: [], cancelTimers: [] } });
    return outbound.map(toMessage);
  }

  /** Finishes the conversation's last turn if a crash interrupted it after its commit point. */
  async function finishCommitted(conversation: ConversationDoc, staged: TurnDoc | null): Promise<void> {
    if (staged && staged.state === 'staged' && staged._id === conversation.lastTurnKey && staged.expectedVersion + 1 === conversation.version) {
      await apply(staged);
    }
  }

  async function commit(turn: TurnCommit): Promise<CommitResult> {
    const conversation = await Conversation.findById(turn.conversationId).lean<ConversationDoc>();
    if (!conversation) throw new StoreError('store/unknown-conversation', `No conversation ${turn.conversationId}.`);
    const keys = conversation.lastTurnKey === null ? [turn.turnKey] : [turn.turnKey, conversation.lastTurnKey];
    const known = await Turn.find({ _id: { $in: keys } }).lean<TurnDoc[]>();
    await finishCommitted(conversation, known.find((t) => t._id === conversation.lastTurnKey) ?? null);
    if (conversation.lastTurnKey === turn.turnKey || known.some((t) => t._id === turn.turnKey && t.state === 'applied')) return { ok: false, reason: 'done' };
    if (turn.processedInboundId !== undefined) {
      const inbound = await Message.findById(turn.processedInboundId).lean<MessageDoc>();
      if (!inbound || inbound.direction !== 'in' || inbound.conversationId !== turn.conversationId) {
        throw new StoreError('store/unknown-inbound', `No inbound message ${turn.processedInboundId} in conversation ${turn.conversationId}.`);
      }
      if (inbound.state === 'processed') return { ok: false, reason: 'done' };
    }
    if (turn.firedTimerId !== undefined) {
      const timer = await Timer.findOne({ conversationId: turn.conversationId, timerId: turn.firedTimerId }).lean();
      if (timer?.state !== 'scheduled') return { ok: false, reason: 'done' };
    }
    if (conversation.version !== turn.expectedVersion) return { ok: false, reason: 'conflict' };

    const firstSeq = turn.outbound.length > 0 ? await reserveSeq(turn.outbound.length) : 0;
    const stage: TurnDoc = {
      _id: turn.turnKey,
      conversationId: turn.conversationId,
      expectedVersion: turn.expectedVersion,
      nonce: randomUUID(),
      state: 'staged',
      stagedAt: turn.now,
      now: turn.now,
      outbound: turn.outbound.map((message, i) => ({ ...message, operatorId: message.operatorId ?? null, id: randomUUID(), seq: firstSeq + i })),
      events: turn.events,
      scheduleTimers: turn.scheduleTimers,
      cancelTimers: turn.cancelTimers,
      processedInboundId: turn.processedInboundId ?? null,
      firedTimerId: turn.firedTimerId ?? null,
    };
    try {
      // Replaces a stage left by an attempt that lost its commit; an applied turn refuses (duplicate _id).
      await Turn.replaceOne({ _id: turn.turnKey, state: 'staged' }, stage, { upsert: true });
    } catch (error) {
      if (isDuplicateKey(error)) return { ok: false, reason: 'done' };
      throw error;
    }

    const next = applyPatch(toConversation(conversation), turn.patch);
    const committed = await Conversation.findOneAndUpdate(
      { _id: turn.conversationId, version: turn.expectedVersion },
      {
        $set: {
          snapshot: turn.snapshot,
          status: next.status,
          queue: next.queue,
          assigneeId: next.assigneeId,
          handoffReason: next.handoffReason,
          handoffAt: next.handoffAt,
          labels: next.labels,
          profileName: next.profileName,
          updatedAt: turn.now,
          lastTurnKey: turn.turnKey,
        },
        $inc: { version: 1 },
      },
      { new: true },
    ).lean<ConversationDoc>();
    if (!committed) {
      await Turn.deleteOne({ _id: turn.turnKey, nonce: stage.nonce, state: 'staged' });
      return { ok: false, reason: 'conflict' };
    }
    const outbound = await apply(stage);
    return { ok: true, conversation: toConversation(committed), outbound };
  }

  /** Turns staged long ago: finished if they committed, dropped if they never can. */
  async function recoverStaleStages(now: number): Promise<void> {
    const stale = await Turn.find({ state: 'staged', stagedAt: { $lte: now - STALE_STAGE_MS } }).limit(100).lean<TurnDoc[]>();
    for (const stage of stale) {
      const conversation = await Conversation.findById(stage.conversationId).lean<ConversationDoc>();
      if (!conversation) continue;
      if (conversation.lastTurnKey === stage._id && conversation.version === stage.expectedVersion + 1) await apply(stage);
      else if (stage.expectedVersion < conversation.version) await Turn.deleteOne({ _id: stage._id, nonce: stage.nonce, state: 'staged' });
    }
  }

  /** Conversations whose lease `owner` may take: free, expired or already theirs. */
  const leaseOpenTo = (conversationId: string, owner: string, now: number) => ({
    _id: conversationId,
    $or: [{ lease: null }, { 'lease.until': { $lte: now } }, { 'lease.owner': owner }],
  });
  const dueTimersQuery = (conversationId: string, now: number) => Timer.find({ conversationId, state: 'scheduled', fireAt: { $lte: now } }).sort({ fireAt: 1, timerId: 1 });
  const oldestPendingQuery = (conversationId: string) => Message.findOne({ conversationId, direction: 'in', state: 'pending' }).sort({ at: 1, seq: 1 });
  async function releaseLease(conversationId: string, owner: string): Promise<void> {
    await Conversation.updateOne({ _id: conversationId, 'lease.owner': owner }, { $set: { lease: null } });
  }

  /** The lease update answers the conversation; the two reads then go out together. */
  async function nextWork(conversationId: string, owner: string, now: number, ttlMs: number): Promise<WorkItem | null> {
    const doc = await Conversation.findOneAndUpdate(leaseOpenTo(conversationId, owner, now), { $set: { lease: { owner, until: now + ttlMs } } }, { new: true }).lean<ConversationDoc>();
    if (!doc) return null;
    const [[timer], message] = await Promise.all([dueTimersQuery(conversationId, now).limit(1).lean(), oldestPendingQuery(conversationId).lean<MessageDoc>()]);
    const conversation = toConversation(doc);
    if (timer) return { conversation, kind: 'timer', timer: toTimer(timer) };
    if (message) return { conversation, kind: 'message', message: toMessage(message) };
    await releaseLease(conversationId, owner);
    return null;
  }

  return {
    async insertInbound(messages, now) {
      const inserted: StoredMessage[] = [];
      let duplicates = 0;
      let seq = messages.length > 0 ? await reserveSeq(messages.length) : 0;
      for (const message of messages) {
        const conversationId = await conversationFor(message, now);
        const doc: MessageDoc = {
          _id: randomUUID(),
          seq: seq++,
          conversationId,
          direction: 'in',
          sender: 'customer',
          wamid: message.wamid,
          content: message.content,
          at: message.at,
          state: 'pending',
          turnKey: null,
          idx: null,
          attempts: 0,
          nextAttemptAt: null,
          error: null,
          operatorId: null,
          statusAt: {},
          claim: null,
        };
        if (await insertIgnoringDuplicate(() => Message.create(doc))) inserted.push(toMessage(doc));
        else duplicates += 1;
      }
      return { inserted, duplicates };
    },

    async findWork(now, limit) {
      await recoverStaleStages(now);
      const [pending, timers] = await Promise.all([
        Message.aggregate<{ _id: string; since: number }>([
          { $match: { direction: 'in', state: 'pending' } },
          { $group: { _id: '$conversationId', since: { $min: '$at' } } },
        ]),
        Timer.aggregate<{ _id: string; since: number }>([
          { $match: { state: 'scheduled', fireAt: { $lte: now } } },
          { $group: { _id: '$conversationId', since: { $min: '$fireAt' } } },
        ]),
      ]);
      const since = new Map<string, number>();
      for (const { _id, since: at } of [...pending, ...timers]) since.set(_id, Math.min(at, since.get(_id) ?? Infinity));
      return [...since.entries()]
        .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, limit)
        .map(([id]) => id);
    },

    async nextPendingInbound(conversationId) {
      const doc = await oldestPendingQuery(conversationId).lean<MessageDoc>();
      return doc ? toMessage(doc) : null;
    },

    async dueTimers(conversationId, now) {
      const docs = await dueTimersQuery(conversationId, now).lean();
      return docs.map(toTimer);
    },

    async getConversation(id) {
      const doc = await Conversation.findById(id).lean<ConversationDoc>();
      return doc ? toConversation(doc) : null;
    },

    async findConversation(channel, businessNumberId, customerId) {
      const doc = await Conversation.findOne({ channel, businessNumberId, customerId }).lean<ConversationDoc>();
      return doc ? toConversation(doc) : null;
    },

    async acquireLease(conversationId, owner, now, ttlMs) {
      const result = await Conversation.updateOne(leaseOpenTo(conversationId, owner, now), { $set: { lease: { owner, until: now + ttlMs } } });
      return result.matchedCount === 1;
    },

    releaseLease,

    nextWork,

    async commitTurn(turn) {
      const result = await commit(turn);
      if (!turn.next) return result;
      return { ...result, next: await nextWork(turn.conversationId, turn.next.owner, turn.next.now, turn.next.ttlMs) };
    },

    async listMessages(conversationId, options) {
      const docs = await Message.find({ conversationId, seq: { $lt: options?.beforeSeq ?? Number.MAX_SAFE_INTEGER } })
        .sort({ seq: -1 })
        .limit(options?.limit ?? DEFAULT_PAGE)
        .lean<MessageDoc[]>();
      return docs.reverse().map(toMessage);
    },

    async listConversations(filter) {
      const docs = await Conversation.find({
        ...(filter.status ? { status: { $in: filter.status } } : {}),
        ...(filter.channel ? { channel: filter.channel } : {}),
      })
        .sort({ updatedAt: -1, _id: 1 })
        .limit(filter.limit ?? DEFAULT_PAGE)
        .lean<ConversationDoc[]>();
      return docs.map(toConversation);
    },

    async listEvents(filter) {
      const at = { ...(filter.from === undefined ? {} : { $gte: filter.from }), ...(filter.to === undefined ? {} : { $lt: filter.to }) };
      const docs = await Event.find({
        ...(filter.conversationId === undefined ? {} : { conversationId: filter.conversationId }),
        ...(filter.type === undefined ? {} : { type: filter.type }),
        ...(Object.keys(at).length > 0 ? { at } : {}),
      })
        .sort({ at: 1, _id: 1 })
        .lean();
      return docs.map(toEvent);
    },
  };
}

/** Runs an insert; `false` if a unique index refused it as a duplicate. */
async function insertIgnoringDuplicate(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
