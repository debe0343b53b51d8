import { z } from 'zod';

/** A failed API call: the server's stable error code, its message and optional details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(init: { status: number; code: string; message: string; details?: unknown }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
  }
}

const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface RequestOptions<T> {
  method?: Method;
  body?: unknown;
  /** How to read the response body; omit for endpoints that answer 204. */
  schema?: z.ZodType<T>;
}

/**
 * Calls the Switchboard REST API and parses the answer with `schema`. Every mutating request carries
 * the CSRF header the server requires; cookies carry the session.
 */
export async function request<T = undefined>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-Requested-With'] = 'switchboard';
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch (cause) {
    throw new ApiError({
      status: 0,
      code: 'network/unreachable',
      message: 'The server cannot be reached. Check your connection and try again.',
      details: cause,
    });
  }
  const text = await response.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw toApiError(response.status, json);
  if (!options.schema) return undefined as T;
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'api/unexpected-response',
      message: `The server answered ${path} in an unexpected shape: ${z.prettifyError(parsed.error)}`,
    });
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(status: number, json: unknown): ApiError {
  const body = ErrorBodySchema.safeParse(json);
  if (body.success) return new ApiError({ status, ...body.data.error });
  return new ApiError({
    status,
    code: `http/${status}`,
    message: status >= 500 ? 'The server had a problem. Try again in a moment.' : `The request failed (HTTP ${status}).`,
  });
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);
