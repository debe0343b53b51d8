import type { Flow } from '@switchboard/engine/schema';

/** Removes nodes and edges; edges that touch a removed node go with it. */
export function removeElements(flow: Flow, args: { nodeIds?: readonly string[]; edgeIds?: readonly string[] }): Flow {
  const nodeIds = new Set(args.nodeIds ?? []);
  const edgeIds = new Set(args.edgeIds ?? []);
  if (nodeIds.size === 0 && edgeIds.size === 0) return flow;
  const nodes = flow.nodes.filter((n) => !nodeIds.has(n.id));
  const edges = flow.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target));
  if (nodes.length === flow.nodes.length && edges.length === flow.edges.length) return flow;
  return { ...flow, nodes, edges };
}
