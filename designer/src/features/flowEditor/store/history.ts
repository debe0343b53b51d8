import type { Flow } from '@switchboard/engine/schema';

/** Undo/redo stacks of whole flows (flows are immutable, so unchanged parts are shared). */
export interface History {
  past: readonly Flow[];
  future: readonly Flow[];
  /** The coalescing key and time of the last recorded edit, so typing into one field is one step. */
  last?: { key: string; at: number };
}

export const HISTORY_LIMIT = 100;
/** Edits with the same key closer together than this merge into one undo step. */
export const COALESCE_MS = 1000;

export const emptyHistory: History = { past: [], future: [] };

/**
 * Records that the flow changed from `before`. With a `key` equal to the previous edit's and
 * within `COALESCE_MS`, the step merges into the previous one.
 */
export function recordEdit(history: History, args: { before: Flow; key?: string; now: number }): History {
  const { before, key, now } = args;
  const coalesce = key !== undefined && history.last?.key === key && now - history.last.at < COALESCE_MS;
  const last = key === undefined ? undefined : { key, at: now };
  if (coalesce) return { ...history, future: [], ...(last ? { last } : {}) };
  const past = [...history.past, before].slice(-HISTORY_LIMIT);
  return last ? { past, future: [], last } : { past, future: [] };
}

/** Steps back: the flow to show and the history after it, or undefined with nothing to undo. */
export function undo(history: History, current: Flow): { flow: Flow; history: History } | undefined {
  const flow = history.past.at(-1);
  if (!flow) return undefined;
  return { flow, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

/** Steps forward again after an undo, or undefined with nothing to redo. */
export function redo(history: History, current: Flow): { flow: Flow; history: History } | undefined {
  const flow = history.future[0];
  if (!flow) return undefined;
  return { flow, history: { past: [...history.past, current], future: history.future.slice(1) } };
}
