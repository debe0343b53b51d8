import type { QueryFilter } from 'mongoose';
import type { DeliveryStatus, OutboxOps, StoredMessage } from '../types.js';
import type { MessageDoc, Models } from './models.js';
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
export function createOutboxOps({ Message }: Models): OutboxOps {
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
      return claimed;
    },

    async markSent(messageId, wamid, now) {
      await Message.updateOne(
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
        { updatePipeline: true },
      );
    },

    async scheduleRetry(messageId, nextAttemptAt, error) {
      await Message.updateOne(
        { _id: messageId, direction: 'out', state: { $in: ['queued', 'sending'] } },
        { $set: { state: 'queued', nextAttemptAt, error, claim: null }, $inc: { attempts: 1 } },
      );
    },

    async markFailed(messageId, error, now) {
      await Message.updateOne(
        { _id: messageId, direction: 'out', state: { $in: ['queued', 'sending'] } },
        { $set: { state: 'failed', error, claim: null, 'statusAt.failed': now } },
      );
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
