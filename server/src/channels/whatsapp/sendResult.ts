/**
 * Why a message did not go out. Expected failures are values, never exceptions:
 * `retryable` tells the outbox whether to try again (after `retryAfterMs` when given) or to mark the
 * message failed and tell the operators. `code` is the Graph error code as a string (`'131047'`) when
 * Meta gave one, otherwise one of ours (`http-502`, `timeout`, `network`, `bad-response`, `whatsapp/…`).
 */
export interface SendFailure {
  ok: false;
  retryable: boolean;
  code: string;
  message: string;
  retryAfterMs?: number;
  httpStatus?: number;
}

/** The outcome of a send: the Cloud API accepted the message (delivery is reported later by status webhooks). */
export type SendResult = { ok: true; wamid: string } | SendFailure;

/** The outcome of marking a message as read. */
export type MarkAsReadResult = { ok: true } | SendFailure;
