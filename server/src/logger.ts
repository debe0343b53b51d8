import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; secrets and cookies are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'accessToken'], censor: '[redacted]' },
  });
}
