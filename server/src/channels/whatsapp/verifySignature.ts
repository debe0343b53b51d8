import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER_PATTERN = /^sha256=([0-9a-f]{64})$/i;

export interface VerifySignatureInput {
  /** The request body exactly as received: Meta signs its own serialization, not ours. */
  rawBody: Buffer;
  /** The `X-Hub-Signature-256` header value, if any. */
  header: string | undefined;
  /** The app secret (App Dashboard > Settings > Basic), not the access or verify token. */
  appSecret: string;
}

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>` against the HMAC-SHA256 of the raw body, in constant time.
 * Any missing, malformed or mismatching header gives false; it never throws.
 *
 * @example verifySignature({ rawBody, header: req.get('x-hub-signature-256'), appSecret }) // true | false
 */
export function verifySignature({ rawBody, header, appSecret }: VerifySignatureInput): boolean {
  // An empty secret would make every attacker's HMAC "valid" for a misconfigured server.
  if (appSecret === '' || header === undefined) return false;
  const match = HEADER_PATTERN.exec(header.trim());
  const hex = match?.[1];
  if (hex === undefined) return false;
  const received = Buffer.from(hex, 'hex');
  const expected = hmac(rawBody, appSecret);
  // timingSafeEqual throws on unequal lengths; the pattern already fixes the length, this keeps it safe.
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/**
 * The `X-Hub-Signature-256` header value Meta would send for `rawBody`.
 *
 * @example signBody(Buffer.from('{}'), 'secret') // 'sha256=…64 hex chars…'
 */
export function signBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${hmac(rawBody, appSecret).toString('hex')}`;
}

function hmac(body: Buffer | string, secret: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}
