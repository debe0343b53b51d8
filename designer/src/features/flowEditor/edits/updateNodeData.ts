import { outputHandles, type Flow, type FlowNode } from '@switchboard/engine/schema';

/**
 * Replaces the data of the node with `node.id` (its position stays). Edges leaving a handle the
 * node no longer offers — a removed button or rule — are removed with it.
 */
export function updateNodeData(flow: Flow, args: { node: FlowNode }): Flow {
  const existing = flow.nodes.find((n) => n.id === args.node.id);
  if (!existing || existing.data === args.node.data) return flow;
  const next: FlowNode = { ...args.node, position: existing.position };
  const handles = new Set(outputHandles(next).map((h) => h.id));
  const edges = flow.edges.filter((e) => e.source !== next.id || handles.has(e.sourceHandle));
  return {
    ...flow,
    nodes: flow.nodes.map((n) => (n.id === next.id ? next : n)),
    edges: edges.length === flow.edges.length ? flow.edges : edges,
  };
}
