/**
 * The WhatsApp Cloud API channel's building blocks: pure functions for the webhook (signature,
 * handshake, parsing) and for sending (body mapping, a client that returns failures as values).
 * The test double lives in ./testing/fakeCloudApi.js and is not exported from here.
 */
export { verifySignature, signBody, type VerifySignatureInput } from './verifySignature.js';
export { verifyChallenge, type VerifyChallengeResult } from './verifyChallenge.js';
export {
  parseWebhook,
  type ParsedInbound,
  type ParsedStatus,
  type ParsedStatusKind,
  type ParsedWebhook,
} from './parseWebhook.js';
export {
  WebhookBodySchema,
  WebhookEntrySchema,
  WebhookChangeSchema,
  WebhookValueSchema,
  WebhookMessageBaseSchema,
  WebhookMessageContentSchema,
  WebhookStatusSchema,
  WebhookContactSchema,
  WebhookErrorSchema,
} from './webhookSchema.js';
export { toInboundContent } from './toInboundContent.js';
export { toCloudMessage, type ToCloudMessageInput, type ToCloudMessageResult } from './toCloudMessage.js';
export { markAsReadBody } from './markAsReadBody.js';
export type {
  CloudMessageBody,
  CloudMessageContent,
  CloudInteractive,
  CloudRecipient,
  CloudTemplate,
  MarkAsReadBody,
} from './cloudMessageBody.js';
export { createCloudApiClient, type CloudApiClient, type CloudApiClientOptions } from './cloudApiClient.js';
export {
  classifyCloudApiError,
  parseRetryAfter,
  RETRYABLE_GRAPH_CODES,
  MIN_RETRY_AFTER_MS,
  type ClassifyCloudApiErrorInput,
} from './classifyCloudApiError.js';
export type { SendFailure, SendResult, MarkAsReadResult } from './sendResult.js';
export { truncateText } from './truncateText.js';
