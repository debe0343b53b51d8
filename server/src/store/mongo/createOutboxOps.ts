import type { QueryFilter } from 'mongoose';
import type { ClaimedMessage, DeliveryStatus, OutboxOps, Recipient, StoredMessage } from '../types.js';
import type { ConversationDoc, MessageDoc, Models } from './models.js';
import { toMessage } from './mappers.js';

const RANK: Record<Exclude<DeliveryStatus, 'failed'>, number> = { sent: 1, delivered: 2, read: 3 };

/** The rank of the stored state, as an aggregation expression (failed ranks with sent). */
const storedRank = {
  $switch: {
    branches: [
      { case: { $in: ['$state', ['sent', 'failed']] }, then: 1 },
      { case: { $eq: ['$state', 'delivered'] }, then: 2 },
      { case: { $eq: ['$state', 'read'] }, then: 3 },
    ],
    default: 0,
  },
};
const deliveredOrRead = { $in: ['$state', ['delivered', 'read']] };

/**
 * The outbox over MongoDB. A claim is a conditional update of one document, so two processes never
 * both win a message; the per-conversation head is found first and only that head is claimed.
 */
export function createOutboxOps({ Message, Conversation }: Models): OutboxOps {
  return {
    async claimOutbox(owner, now, ttlMs, limit) {
      const heads = await Message.aggregate<MessageDoc>([
        { $match: { direction: 'out', state: { $in: ['queued', 'sending'] } } },
        { $sort: { conversationId: 1, seq: 1 } },
        { $group: { _id: '$conversationId', head: { $first: '$$ROOT' } } },
        { $replaceRoot: { newRoot: '$head' } },
        { $match: { $or: [{ state: 'queued', nextAttemptAt: { $lte: now } }, { state: 'sending', 'claim.until': { $lte: now } }] } },
        { $sort: { seq: 1 } },
        { $limit: limit },
      ]);
      const claimed: StoredMessage[] = [];
      for (const head of heads) {
        // Claimed only if it is still in the state that made it claimable: another process may have
        // claimed, sent or rescheduled it since the heads were read.
        const stillDue: QueryFilter<MessageDoc> =
          head.state === 'queued'
            ? { _id: head._id, state: 'queued', nextAttemptAt: { $lte: now } }
            : { _id: head._id, state: 'sending', 'claim.until': { $lte: now } };
        const doc = await Message.findOneAndUpdate(stillDue, { $set: { state: 'sending', claim: { owner, until: now + ttlMs } } }, { new: true }).lean<MessageDoc>();
        if (doc) claimed.push(toMessage(doc));
      }
      if (claimed.length === 0) return [];
      // The recipients of the whole claim in one read, so a send needs no read of its own.
      const conversations = await Conversation.find({ _id: { $in: [...new Set(claimed.map((m) => m.conversationId))] } })
        .select({ channel: 1, businessNumberId: 1, customerId: 1, lastInboundAt: 1 })
        .lean<Pick<ConversationDoc, '_id' | 'channel' | 'businessNumberId' | 'customerId' | 'lastInboundAt'>[]>();
      const recipients = new Map<string, Recipient>(
        conversations.map((c) => [c._id, { channel: c.channel, businessNumberId: c.businessNumberId, customerId: c.customerId, lastInboundAt: c.lastInboundAt ?? null }]),
      );
      return claimed.map((message): ClaimedMessage => ({ ...message, recipient: recipients.get(message.conversationId) ?? null }));
    },

    async markSent(messageId, wamid, now) {
      const doc = await Message.findOneAndUpdate(
        { _id: messageId, direction: 'out' },
        [
          {
            $set: {
              wamid: { $literal: wamid },
              claim: null,
              state: { $cond: [deliveredOrRead, '$state', 'sent'] },
              'statusAt.sent': { $min: [{ $ifNull: ['$statusAt.sent', now] }, now] },
            },
          },
        ],
        { new: true, updatePipeline: true },
      ).lean<MessageDoc>();
      return doc ? toMessage(doc) : null;
    },

    async scheduleRetry(messageId, nextAttemptAt, error) {
      await Message.updateOne(
        { _id: messageId, direction: 'out', state: { $in: ['queued', 'sending'] } },
        { $set: { state: 'queued', nextAttemptAt, error, claim: null }, $inc: { attempts: 1 } },
      );
    },

    async markFailed(messageId, error, now) {
      const doc = await Message.findOneAndUpdate(
        { _id: messageId, direction: 'out', state: { $in: ['queued', 'sending'] } },
        { $set: { state: 'failed', error, claim: null, 'statusAt.failed': now } },
        { new: true },
      ).lean<MessageDoc>();
      return doc ? toMessage(doc) : null;
    },

    async applyStatus({ wamid, status, at, error }) {
      const field = `statusAt.${status}`;
      const stateChange =
        status === 'failed'
          ? {
              state: { $cond: [deliveredOrRead, '$state', 'failed'] },
              error: { $cond: [deliveredOrRead, '$error', { $ifNull: [{ $literal: error ?? null }, '$error'] }] },
            }
          : { state: { $cond: [{ $gt: [RANK[status], storedRank] }, status, '$state'] } };
      const doc = await Message.findOneAndUpdate(
        { wamid, direction: 'out' },
        [{ $set: { ...stateChange, [field]: { $min: [{ $ifNull: [`$${field}`, at] }, at] } } }],
        { new: true, updatePipeline: true },
      ).lean<MessageDoc>();
      return doc ? toMessage(doc) : null;
    },
  };
}
