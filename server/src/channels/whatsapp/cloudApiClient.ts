import { Agent, errors as undiciErrors, request } from 'undici';
import { z } from 'zod';
import { classifyCloudApiError } from './classifyCloudApiError.js';
import type { CloudMessageBody, MarkAsReadBody } from './cloudMessageBody.js';
import { markAsReadBody } from './markAsReadBody.js';
import type { MarkAsReadResult, SendFailure, SendResult } from './sendResult.js';

export interface CloudApiClientOptions {
  /** The Graph API base including its version, e.g. `https://graph.facebook.com/v25.0`. */
  baseUrl: string;
  accessToken: string;
  /** Per request: for the response headers, and again for the body. */
  timeoutMs?: number;
  /** Connections kept open to the Graph API; one per send the caller keeps in flight. */
  connections?: number;
  /** Epoch ms; only used to read an HTTP-date `Retry-After`. */
  now?: () => number;
}

export interface CloudApiClient {
  /** Sends one message. Never throws for HTTP, network or timeout failures: they come back as values. */
  sendMessage(phoneNumberId: string, body: CloudMessageBody): Promise<SendResult>;
  /** Marks an inbound message (and the earlier ones) as read, optionally showing "typing…". */
  markAsRead(phoneNumberId: string, wamid: string, options?: { typing?: boolean }): Promise<MarkAsReadResult>;
}

const SendResponseSchema = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });
const SuccessResponseSchema = z.object({ success: z.literal(true) });

type Reply = { ok: true; body: unknown; httpStatus: number } | SendFailure;

/**
 * A client for `POST {baseUrl}/{phoneNumberId}/messages`. Expected failures are values classified
 * for the outbox (see classifyCloudApiError): 429, 5xx, timeouts, network errors and throttling
 * codes are retryable; 131047 and other 4xx are permanent.
 *
 * @example
 * const cloudApi = createCloudApiClient({ baseUrl: 'https://graph.facebook.com/v25.0', accessToken });
 * const result = await cloudApi.sendMessage('100000000000001', body);
 * if (result.ok) store(result.wamid); else if (result.retryable) retryLater(result.retryAfterMs);
 */
export function createCloudApiClient({
  baseUrl,
  accessToken,
  timeoutMs = 10_000,
  connections = 128,
  now = Date.now,
}: CloudApiClientOptions): CloudApiClient {
  // The client's own pool, keeping connections to the Graph API open between sends.
  const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections });
  const base = baseUrl.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };

  // undici's `request` rather than `fetch`: the same client underneath, without the WHATWG
  // streams and abort signals that cost more per send than the rest of the send path together.
  async function post(phoneNumberId: string, body: CloudMessageBody | MarkAsReadBody): Promise<Reply> {
    let status: number;
    let retryAfter: string | null;
    let text: string;
    try {
      const response = await request(`${base}/${encodeURIComponent(phoneNumberId)}/messages`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        dispatcher,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = response.statusCode;
      const header = response.headers['retry-after'];
      retryAfter = (Array.isArray(header) ? header[0] : header) ?? null;
      text = await response.body.text();
    } catch (error) {
      return transportFailure(error, timeoutMs);
    }
    const json = parseJson(text);
    if (status >= 200 && status < 300) return { ok: true, body: json, httpStatus: status };
    return classifyCloudApiError({ httpStatus: status, body: json, retryAfter, now: now() });
  }

  return {
    async sendMessage(phoneNumberId, body) {
      const reply = await post(phoneNumberId, body);
      if (!reply.ok) return reply;
      const parsed = SendResponseSchema.safeParse(reply.body);
      const wamid = parsed.success ? parsed.data.messages[0]?.id : undefined;
      if (wamid === undefined) return badResponse('the send response has no messages[0].id', reply.httpStatus);
      return { ok: true, wamid };
    },
    async markAsRead(phoneNumberId, wamid, options = {}) {
      const reply = await post(phoneNumberId, markAsReadBody(wamid, options));
      if (!reply.ok) return reply;
      return SuccessResponseSchema.safeParse(reply.body).success
        ? { ok: true }
        : badResponse('the mark-as-read response is not { success: true }', reply.httpStatus);
    },
  };
}

/** A 2xx we cannot read: the message may have been accepted, and retrying could send it twice. */
function badResponse(message: string, httpStatus: number): SendFailure {
  return { ok: false, retryable: false, code: 'bad-response', message, httpStatus };
}

function transportFailure(error: unknown, timeoutMs: number): SendFailure {
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
    return { ok: false, retryable: true, code: 'timeout', message: `no response within ${timeoutMs} ms` };
  }
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
  const message = error instanceof Error ? `${error.message}${code}` : String(error);
  return { ok: false, retryable: true, code: 'network', message };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
