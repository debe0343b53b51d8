import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from '../logger.js';
import { AppError } from './AppError.js';

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

function isHttpish(error: unknown): error is HttpishError {
  return typeof error === 'object' && error !== null && ('status' in error || 'statusCode' in error);
}

/** An error as the API answers it: its HTTP status and `{ code, message, details? }` with a stable code. */
export function describeError(error: unknown): { status: number; body: { code: string; message: string; details?: unknown } } {
  if (error instanceof AppError) {
    return { status: error.httpStatus, body: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
  }
  if (error instanceof ZodError) {
    return { status: 400, body: { code: 'request/invalid', message: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } };
  }
  if (isHttpish(error) && error.type === 'entity.too.large') return { status: 413, body: { code: 'request/too-large', message: 'The request body is too large.' } };
  if (isHttpish(error) && error.type === 'entity.parse.failed') return { status: 400, body: { code: 'request/malformed-json', message: 'The body is not valid JSON.' } };
  if (isHttpish(error) && error.expose) {
    const status = error.status ?? error.statusCode ?? 400;
    return { status, body: { code: `http/${status}`, message: error instanceof Error ? error.message : 'Bad request' } };
  }
  return { status: 500, body: { code: 'internal', message: 'Something went wrong on our side. It has been logged.' } };
}

/** The one place errors become responses: `{ error: { code, message, details? } }` with a stable code. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const { status, body } = describeError(error);
    if (status >= 500) logger.error({ err: error, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json({ error: body });
  };
}
