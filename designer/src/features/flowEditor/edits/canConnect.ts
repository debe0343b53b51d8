import { acceptsInput, outputHandles, type Flow } from '@switchboard/engine/schema';

export interface ConnectionRequest {
  source: string;
  sourceHandle: string | null | undefined;
  target: string;
}

export type ConnectionVerdict =
  | { ok: true }
  | { ok: false; reason: 'self-loop' | 'unknown-node' | 'into-start' | 'unknown-handle' | 'handle-taken' };

/**
 * Whether an edge from `source`'s handle to `target` may be drawn: no self-loops, nothing into a
 * start node, only handles the source offers, and one edge per handle.
 */
export function canConnect(flow: Flow, connection: ConnectionRequest): ConnectionVerdict {
  const { source, sourceHandle, target } = connection;
  if (source === target) return { ok: false, reason: 'self-loop' };
  const from = flow.nodes.find((n) => n.id === source);
  const to = flow.nodes.find((n) => n.id === target);
  if (!from || !to) return { ok: false, reason: 'unknown-node' };
  if (!acceptsInput(to)) return { ok: false, reason: 'into-start' };
  if (!sourceHandle || !outputHandles(from).some((h) => h.id === sourceHandle)) return { ok: false, reason: 'unknown-handle' };
  if (flow.edges.some((e) => e.source === source && e.sourceHandle === sourceHandle)) return { ok: false, reason: 'handle-taken' };
  return { ok: true };
}
