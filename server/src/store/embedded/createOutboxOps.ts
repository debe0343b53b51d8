import type Database from 'better-sqlite3';
import type { Channel, ClaimedMessage, DeliveryStatus, OutboxOps } from '../types.js';
import type { WriteQueue } from './createWriteQueue.js';
import type { MessageRow } from './rows.js';
import { toMessage } from './rows.js';

/** Rank of each delivery status; a status applies only over a lower one (`failed` has its own rule). */
const RANK: Record<Exclude<DeliveryStatus, 'failed'>, number> = { sent: 1, delivered: 2, read: 3 };

type ClaimRow = MessageRow &
  ({ r_channel: Channel; r_business_number_id: string; r_customer_id: string; r_last_inbound_at: number | null } | { r_channel: null; r_business_number_id: null; r_customer_id: null; r_last_inbound_at: null });

/** The outbox over SQLite: in-order claims per conversation, send results and delivery statuses. */
export function createOutboxOps(db: Database.Database, write: WriteQueue): OutboxOps {
  // The head of each conversation's unsent messages (no earlier unsent message in it); only a head
  // that is due (or whose claim lapsed) is claimable, so a message waiting for a retry holds back
  // the ones after it. The recipient's fields come with the claim, so a send needs no read of its own.
  const claimable = db.prepare<{ now: number; limit: number }, ClaimRow>(
    `SELECT m.*, c.channel AS r_channel, c.business_number_id AS r_business_number_id, c.customer_id AS r_customer_id,
       c.last_inbound_at AS r_last_inbound_at
     FROM messages m INDEXED BY messages_unsent_order LEFT JOIN conversations c ON c.id = m.conversation_id
     WHERE m.direction = 'out' AND m.state IN ('queued', 'sending')
       AND ((m.state = 'queued' AND m.next_attempt_at <= @now) OR (m.state = 'sending' AND m.claim_until <= @now))
       AND NOT EXISTS (
         SELECT 1 FROM messages p INDEXED BY messages_unsent
         WHERE p.conversation_id = m.conversation_id AND p.direction = 'out' AND p.state IN ('queued', 'sending') AND p.seq < m.seq
       )
     ORDER BY m.seq LIMIT @limit`,
  );
  const claim = db.prepare<[string, number, number]>(`UPDATE messages SET state = 'sending', claim_owner = ?, claim_until = ? WHERE seq = ?`);
  const sent = db.prepare<{ id: string; wamid: string; now: number }, MessageRow>(
    `UPDATE messages SET wamid = @wamid, state = CASE WHEN state IN ('delivered', 'read') THEN state ELSE 'sent' END,
       status_at = json_set(status_at, '$.sent', min(coalesce(json_extract(status_at, '$.sent'), @now), @now)),
       claim_owner = NULL, claim_until = NULL
     WHERE id = @id AND direction = 'out'
     RETURNING *`,
  );
  const retry = db.prepare<{ id: string; nextAttemptAt: number; error: string }>(
    `UPDATE messages SET state = 'queued', attempts = attempts + 1, next_attempt_at = @nextAttemptAt, error = @error,
       claim_owner = NULL, claim_until = NULL
     WHERE id = @id AND direction = 'out' AND state IN ('queued', 'sending')`,
  );
  const failed = db.prepare<{ id: string; error: string; now: number }, MessageRow>(
    `UPDATE messages SET state = 'failed', error = @error, status_at = json_set(status_at, '$.failed', @now),
       claim_owner = NULL, claim_until = NULL
     WHERE id = @id AND direction = 'out' AND state IN ('queued', 'sending')
     RETURNING *`,
  );
  // Every right-hand side sees the row as it was, so `state` below is the state before this status.
  const status = db.prepare<{ wamid: string; status: DeliveryStatus; rank: number; at: number; error: string | null }, MessageRow>(
    `UPDATE messages SET
       status_at = json_set(status_at, '$.' || @status, min(coalesce(json_extract(status_at, '$.' || @status), @at), @at)),
       state = CASE
         WHEN @status = 'failed' THEN CASE WHEN state IN ('delivered', 'read') THEN state ELSE 'failed' END
         WHEN @rank > CASE state WHEN 'sent' THEN 1 WHEN 'failed' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 ELSE 0 END THEN @status
         ELSE state END,
       error = CASE WHEN @status = 'failed' AND state NOT IN ('delivered', 'read') THEN coalesce(@error, error) ELSE error END
     WHERE wamid = @wamid AND direction = 'out'
     RETURNING *`,
  );

  return {
    claimOutbox: (owner, now, ttlMs, limit) =>
      write(() =>
        claimable.all({ now, limit }).map((row): ClaimedMessage => {
          claim.run(owner, now + ttlMs, row.seq);
          const recipient =
            row.r_channel === null
              ? null
              : { channel: row.r_channel, businessNumberId: row.r_business_number_id, customerId: row.r_customer_id, lastInboundAt: row.r_last_inbound_at };
          return { ...toMessage({ ...row, state: 'sending' }), recipient };
        }),
      ),
    markSent: (messageId, wamid, now) =>
      write(() => {
        const row = sent.get({ id: messageId, wamid, now });
        return row ? toMessage(row) : null;
      }),
    scheduleRetry: (messageId, nextAttemptAt, error) =>
      write(() => {
        retry.run({ id: messageId, nextAttemptAt, error: JSON.stringify(error) });
      }),
    markFailed: (messageId, error, now) =>
      write(() => {
        const row = failed.get({ id: messageId, error: JSON.stringify(error), now });
        return row ? toMessage(row) : null;
      }),
    applyStatus: (update) =>
      write(() => {
        const row = status.get({
          wamid: update.wamid,
          status: update.status,
          rank: update.status === 'failed' ? 0 : RANK[update.status],
          at: update.at,
          error: update.error ? JSON.stringify(update.error) : null,
        });
        return row ? toMessage(row) : null;
      }),
  };
}
