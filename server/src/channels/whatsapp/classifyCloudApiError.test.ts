import { describe, expect, it } from 'vitest';
import { classifyCloudApiError, parseRetryAfter } from './classifyCloudApiError.js';

const now = Date.parse('2026-01-01T00:00:00Z');

function classify(httpStatus: number, code?: number) {
  const body = code === undefined ? undefined : { error: { code, message: `(#${code})` } };
  return classifyCloudApiError({ httpStatus, body, retryAfter: null, now });
}

describe('classifyCloudApiError', () => {
  it.each([1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131056, 131057, 133004])(
    'marks Graph code %i retryable even when the HTTP status is 400',
    (code) => {
      expect(classify(400, code)).toMatchObject({ retryable: true, code: String(code) });
    },
  );

  it.each([131047, 131026, 131049, 131050, 131051, 131008, 131009, 100, 132000, 132001, 190, 10, 131021, 368])(
    'marks Graph code %i permanent when the HTTP status is 400',
    (code) => {
      expect(classify(400, code)).toMatchObject({ retryable: false, code: String(code) });
    },
  );

  it.each([408, 429, 500, 502, 503, 504])('marks HTTP %i retryable when there is no Graph error', (status) => {
    expect(classify(status)).toMatchObject({ retryable: true, code: `http-${status}` });
  });

  it.each([400, 401, 403, 404, 413])('marks HTTP %i permanent when there is no Graph error', (status) => {
    expect(classify(status)).toMatchObject({ retryable: false, code: `http-${status}` });
  });

  it('advises a one-minute wait when the spam rate limit is hit (131048)', () => {
    expect(classify(400, 131048)).toMatchObject({ retryAfterMs: 60_000 });
  });

  it('gives no wait when the failure is permanent, even with Retry-After', () => {
    const result = classifyCloudApiError({ httpStatus: 400, body: undefined, retryAfter: '5', now });
    expect(result).not.toHaveProperty('retryAfterMs');
  });

  it('reads a numeric-string Graph code when the API sends one', () => {
    const result = classifyCloudApiError({ httpStatus: 400, body: { error: { code: '131056' } }, retryAfter: null, now });
    expect(result).toMatchObject({ code: '131056', retryable: true, retryAfterMs: 6000 });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds when the header is a number', () => {
    expect(parseRetryAfter('12', now)).toBe(12_000);
  });

  it('reads the delay until an HTTP date when the header is a date', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
  });

  it('never returns a negative delay when the date is past', () => {
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('returns undefined when the header is absent or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
