import { z } from 'zod';
import type { SendFailure } from './sendResult.js';

/**
 * Graph error codes worth retrying (wire-format reference §10, §11): throughput, pair and spam rate
 * limits, app/WABA call limits, maintenance and transient server errors. Every other code is a
 * permanent failure: re-engagement (131047), undeliverable, opted out, bad request, bad template, auth.
 */
export const RETRYABLE_GRAPH_CODES: ReadonlySet<number> = new Set([
  1, // unknown error
  2, // service temporarily unavailable
  4, // app-level call rate limit
  80007, // WABA-level call rate limit
  130429, // throughput (messages per second) exceeded
  131000, // something went wrong
  131016, // service unavailable
  131048, // spam rate limit
  131056, // pair rate limit: too many messages to the same user
  131057, // account in maintenance mode (up to about a minute)
  133004, // server temporarily unavailable
]);

/**
 * The least wait before retrying, per code, where waiting less only earns the same error again.
 * Pair rate: one message per user every 6 s. Spam rate: a number flagged for spam gains nothing
 * from quick retries, so back off for a minute.
 */
export const MIN_RETRY_AFTER_MS: ReadonlyMap<number, number> = new Map([
  [131056, 6_000],
  [131048, 60_000],
]);

const GraphErrorBodySchema = z.object({
  error: z.object({
    code: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
    message: z.string().optional(),
    error_data: z.object({ details: z.string().optional() }).optional(),
  }),
});

export interface ClassifyCloudApiErrorInput {
  httpStatus: number;
  /** The parsed JSON response body, or undefined when it was not JSON. */
  body: unknown;
  /** The `Retry-After` header: seconds or an HTTP date. */
  retryAfter: string | null;
  /** Epoch ms, to turn an HTTP-date `Retry-After` into a delay. */
  now: number;
}

/**
 * Classifies a non-2xx Cloud API response. Meta asks to branch on the Graph `error.code` rather than
 * the HTTP status, so a known retryable code decides first; without one, 408, 429 and 5xx are
 * retryable and every other status is permanent.
 *
 * @example
 * const body = { error: { code: 131047, message: 'Re-engagement message' } };
 * classifyCloudApiError({ httpStatus: 400, body, retryAfter: null, now: Date.now() })
 * // { ok: false, retryable: false, code: '131047', message: 'Re-engagement message', httpStatus: 400 }
 */
export function classifyCloudApiError({ httpStatus, body, retryAfter, now }: ClassifyCloudApiErrorInput): SendFailure {
  const parsed = GraphErrorBodySchema.safeParse(body);
  const graph = parsed.success ? parsed.data.error : undefined;
  const retryable =
    (graph !== undefined && RETRYABLE_GRAPH_CODES.has(graph.code)) ||
    httpStatus === 408 ||
    httpStatus === 429 ||
    httpStatus >= 500;
  const waits = [parseRetryAfter(retryAfter, now), graph === undefined ? undefined : MIN_RETRY_AFTER_MS.get(graph.code)];
  const known = waits.filter((ms): ms is number => ms !== undefined);
  const message =
    [graph?.message, graph?.error_data?.details].filter((part) => part !== undefined && part !== '').join(': ') ||
    `HTTP ${httpStatus}`;
  return {
    ok: false,
    retryable,
    code: graph === undefined ? `http-${httpStatus}` : String(graph.code),
    message,
    ...(retryable && known.length > 0 ? { retryAfterMs: Math.max(...known) } : {}),
    httpStatus,
  };
}

/** `Retry-After` in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
