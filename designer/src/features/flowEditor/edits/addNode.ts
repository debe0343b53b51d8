import type { Flow, NodeType, Position } from '@switchboard/engine/schema';
import { createNode } from './createNode';
import { uniqueId } from './uniqueId';

/** The id `addNode` gives the next node of `type`, e.g. `message-3`. */
export const nextNodeId = (flow: Flow, type: NodeType): string => uniqueId(type, new Set(flow.nodes.map((n) => n.id)));

/**
 * Adds a fresh node of `type` at `position`. A second start node is refused (a flow has one entry).
 *
 * @example addNode(flow, { id: nextNodeId(flow, 'ask'), type: 'ask', position: { x: 0, y: 0 } })
 */
export function addNode(
  flow: Flow,
  args: { id: string; type: NodeType; position: Position; actions?: readonly string[] },
): Flow {
  if (flow.nodes.some((n) => n.id === args.id)) return flow;
  if (args.type === 'start' && flow.nodes.some((n) => n.type === 'start')) return flow;
  const node = createNode({ ...args, locales: flow.locales });
  return { ...flow, nodes: [...flow.nodes, node] };
}
