import type { Json } from '../schema/index.js';
import type { ConversationSnapshot, ConversationPosition } from './types.js';

type JsonRecord = { [key: string]: Json };
const isRecord = (v: Json | undefined): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: Json | undefined): string | null => (typeof v === 'string' ? v : null);
const num = (v: Json | undefined, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function parsePosition(v: Json | undefined): ConversationPosition | null {
  if (!isRecord(v)) return null;
  const flowId = str(v.flowId);
  const nodeId = str(v.nodeId);
  const nodeType = str(v.nodeType);
  const flowVersion = str(v.flowVersion);
  return flowId && nodeId && nodeType && flowVersion !== null ? { flowId, nodeId, nodeType, flowVersion } : null;
}

function parseReturnTo(v: Json | undefined): ConversationSnapshot['returnTo'] {
  if (!isRecord(v)) return null;
  const flowId = str(v.flowId);
  const nodeId = str(v.nodeId);
  return flowId && nodeId && isRecord(v.machine) ? { flowId, nodeId, machine: v.machine } : null;
}

/**
 * Reads a stored snapshot back: the current form, and the first one (positions by node index, no
 * settled locale), whose positions `step` maps by node id while the bot it was taken under is
 * unchanged. Anything unreadable starts the conversation afresh (null).
 *
 * @example parseSnapshot(JSON.parse(row.snapshot)) // → ConversationSnapshot | null
 */
export function parseSnapshot(stored: Json | null | undefined): ConversationSnapshot | null {
  if (!isRecord(stored) || (stored.v !== 1 && stored.v !== 2)) return null;
  const lastInboundAt = typeof stored.lastInboundAt === 'number' ? stored.lastInboundAt : null;
  return {
    v: 2,
    flowId: str(stored.flowId),
    botVersion: str(stored.botVersion),
    machine: stored.machine ?? null,
    position: parsePosition(stored.position),
    returnTo: parseReturnTo(stored.returnTo),
    vars: isRecord(stored.vars) ? stored.vars : {},
    locale: str(stored.locale) ?? 'en',
    // The first form had no such flag: a customer who wrote before has a language already.
    localeSettled: typeof stored.localeSettled === 'boolean' ? stored.localeSettled : lastInboundAt !== null,
    misunderstood: num(stored.misunderstood, 0),
    lastInboundAt,
    pendingRequestId: str(stored.pendingRequestId),
    seq: num(stored.seq, 0),
  };
}

/** A snapshot as the JSON a host stores. */
export function toSnapshotJson(snapshot: ConversationSnapshot): Json {
  return { ...snapshot, position: snapshot.position ? { ...snapshot.position } : null, returnTo: snapshot.returnTo ? { ...snapshot.returnTo } : null };
}
