import { createHash, timingSafeEqual } from 'node:crypto';

export type VerifyChallengeResult = { ok: true; challenge: string } | { ok: false };

/**
 * The GET verification handshake as a pure function. Answer `challenge` verbatim as `text/plain`
 * with 200 when ok, and 403 otherwise.
 *
 * @example
 * verifyChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': 't', 'hub.challenge': '42' }, 't')
 * // { ok: true, challenge: '42' }
 */
export function verifyChallenge(query: Record<string, unknown>, verifyToken: string | undefined): VerifyChallengeResult {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  // An unset or empty configured token must not verify an empty token from the query.
  if (verifyToken === undefined || verifyToken === '') return { ok: false };
  if (mode !== 'subscribe' || typeof token !== 'string') return { ok: false };
  if (typeof challenge !== 'string' || challenge === '') return { ok: false };
  return sameSecret(token, verifyToken) ? { ok: true, challenge } : { ok: false };
}

/** Compares through fixed-length digests, so neither the content nor the length leaks through timing. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
