/** An expected failure with a stable code, rendered by the error middleware as `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly details: unknown;

  constructor(input: { code: string; message: string; httpStatus: number; details?: unknown; cause?: unknown }) {
    super(input.message, input.cause === undefined ? undefined : { cause: input.cause });
    this.name = 'AppError';
    this.code = input.code;
    this.httpStatus = input.httpStatus;
    this.details = input.details;
  }
}

export const notFound = (what: string) => new AppError({ code: 'not-found', message: `${what} not found`, httpStatus: 404 });
export const badRequest = (code: string, message: string, details?: unknown) => new AppError({ code, message, httpStatus: 400, details });
