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

/** The one place errors become responses: `{ error: { code, message, details? } }` with a stable code. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    let status = 500;
    let body: { code: string; message: string; details?: unknown } = { code: 'internal', message: 'Something went wrong on our side. It has been logged.' };
    if (error instanceof AppError) {
      status = error.httpStatus;
      body = { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
    } else if (error instanceof ZodError) {
      status = 400;
      body = { code: 'request/invalid', message: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
    } else if (isHttpish(error) && error.type === 'entity.too.large') {
      status = 413;
      body = { code: 'request/too-large', message: 'The request body is too large.' };
    } else if (isHttpish(error) && error.type === 'entity.parse.failed') {
      status = 400;
      body = { code: 'request/malformed-json', message: 'The body is not valid JSON.' };
    } else if (isHttpish(error) && error.expose) {
      status = error.status ?? error.statusCode ?? 400;
      body = { code: `http/${status}`, message: error instanceof Error ? error.message : 'Bad request' };
    }
    if (status >= 500) logger.error({ err: error, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json({ error: body });
  };
}
