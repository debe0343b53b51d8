import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

const POOL_BYTES = 16 * 1024;
const pool = new Uint8Array(POOL_BYTES);
let offset = POOL_BYTES;

/**
 * A UUIDv7 (time-ordered, so the indexes it keys grow at their end) whose random bits come from a
 * 16 KiB pool refilled from the system's generator once every 1,024 ids. `v7()` on its own refills
 * a 256-byte pool every 16 ids, and at a few ids per message that refill was a visible share of the
 * store thread's time. Ids from the same millisecond are not ordered among themselves, which the
 * indexes do not need: ordering comes from each message's `seq`.
 *
 * @example timeOrderedId() // '019ae9c4-3b1f-7a2c-9d41-5f0e8b7c6a13'
 */
export function timeOrderedId(): string {
  if (offset + 16 > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, offset + 16);
  offset += 16;
  return v7({ random });
}
