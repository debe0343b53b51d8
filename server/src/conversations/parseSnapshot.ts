import type { ConversationSnapshot, Json } from '@switchboard/engine';

const isRecord = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: Json | undefined) => (typeof v === 'string' ? v : null);
const num = (v: Json | undefined, fallback: number) => (typeof v === 'number' ? v : fallback);

/** Reads a stored snapshot back; anything unreadable starts the conversation afresh (null). */
export function parseSnapshot(stored: Json | null): ConversationSnapshot | null {
  if (!isRecord(stored) || stored.v !== 1) return null;
  return {
    v: 1,
    flowId: str(stored.flowId),
    botVersion: str(stored.botVersion),
    machine: stored.machine ?? null,
    vars: isRecord(stored.vars) ? stored.vars : {},
    locale: str(stored.locale) ?? 'en',
    misunderstood: num(stored.misunderstood, 0),
    lastInboundAt: typeof stored.lastInboundAt === 'number' ? stored.lastInboundAt : null,
    pendingRequestId: str(stored.pendingRequestId),
    seq: num(stored.seq, 0),
  };
}

/** A snapshot as the JSON the store keeps. */
export function toStoredSnapshot(snapshot: ConversationSnapshot): Json {
  return { ...snapshot };
}
