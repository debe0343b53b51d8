/**
 * Per-customer pacing: a short burst (a greeting and a menu) goes out at once; sustained sends to one
 * customer are spread out, and a pair-rate error (131056) holds that customer back for a while.
 * In-process only: each server process paces what it sends.
 */
export function createPacer(options: { burst?: number; intervalMs?: number } = {}) {
  const burst = options.burst ?? 6;
  const intervalMs = options.intervalMs ?? 1000;
  // Virtual scheduling: `next` is when the customer's next message may go if the burst were spent.
  const state = new Map<string, { tat: number }>();
  return {
    /** Reserves a send slot; returns when it may go (≤ now means now). */
    reserve(key: string, now: number): number {
      const entry = state.get(key) ?? { tat: now };
      const tat = Math.max(entry.tat, now);
      const allowedAt = tat - (burst - 1) * intervalMs;
      if (allowedAt > now) return allowedAt;
      state.set(key, { tat: tat + intervalMs });
      if (state.size > 10_000) for (const [k, v] of state) if (v.tat < now) state.delete(k);
      return now;
    },
    penalize(key: string, now: number, ms: number): void {
      state.set(key, { tat: now + ms + (burst - 1) * intervalMs });
    },
  };
}
