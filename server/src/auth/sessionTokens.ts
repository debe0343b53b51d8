import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const PayloadSchema = z.object({ uid: z.string(), exp: z.number() });

/**
 * Stateless session tokens: `base64url(payload).base64url(hmac)`. Kept in an httpOnly, SameSite
 * cookie; a disabled user is refused on every request because the user is loaded each time.
 *
 * @example const t = sessionTokens(secret); t.verify(t.issue('u1', now + 3600_000), now) // → 'u1'
 */
export function sessionTokens(secret: string) {
  const sign = (data: string) => createHmac('sha256', secret).update(data).digest('base64url');
  return {
    issue(userId: string, expiresAt: number): string {
      const payload = Buffer.from(JSON.stringify({ uid: userId, exp: expiresAt })).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    verify(token: string, now: number): string | null {
      const [payload, signature] = token.split('.');
      if (!payload || !signature) return null;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      const parsed = PayloadSchema.safeParse(decoded);
      return parsed.success && parsed.data.exp > now ? parsed.data.uid : null;
    },
  };
}
