import type { Json } from '../schema/index.js';
import type { FlowContext } from '../compile/types.js';
import { nodeIdOfStateKey } from '../compile/position.js';
import { machineValue } from './restorePosition.js';
import type { Work } from './work.js';

/**
 * The active flow's machine context as stored in the snapshot, or null when no flow is active. Its
 * variables are the conversation's (`snap.vars`): the stored context leaves them out rather than
 * keep a second copy of them.
 */
export function contextOf(w: Work): FlowContext | null {
  const m = w.snap.machine;
  if (m === null || typeof m !== 'object' || Array.isArray(m)) return null;
  const c = m.context;
  if (c === null || c === undefined || typeof c !== 'object' || Array.isArray(c)) return null;
  return {
    vars: w.snap.vars,
    attempts: typeof c.attempts === 'number' ? c.attempts : 0,
    pendingRequestId: typeof c.pendingRequestId === 'string' ? c.pendingRequestId : null,
    pendingTimerId: typeof c.pendingTimerId === 'string' ? c.pendingTimerId : null,
    seq: typeof c.seq === 'number' ? c.seq : 0,
    lastText: typeof c.lastText === 'string' ? c.lastText : '',
  };
}

/** A machine context as the snapshot stores it: everything but the variables, which `snap.vars` holds. */
export function contextJson(context: FlowContext): Json {
  return { attempts: context.attempts, pendingRequestId: context.pendingRequestId, pendingTimerId: context.pendingTimerId, seq: context.seq, lastText: context.lastText };
}

/** The node the active flow waits at, or null. */
export function waitingNodeId(w: Work): string | null {
  const value = machineValue(w.snap.machine);
  return value === null ? null : nodeIdOfStateKey(value);
}

/** Leaves the active flow (cancelling its pending timer); the next message goes through the triggers. */
export function resetFlow(w: Work): void {
  const context = contextOf(w);
  if (context?.pendingTimerId) w.effects.push({ type: 'cancelTimer', timerId: context.pendingTimerId });
  if (context) w.snap.seq = Math.max(w.snap.seq, context.seq);
  w.snap.flowId = null;
  w.snap.machine = null;
  w.snap.position = null;
  w.snap.pendingRequestId = null;
  w.restored = { kind: 'none' };
}
