import type { Flow, FlowEdge, FlowNode } from '../schema/index.js';

export interface IndexedNode {
  node: FlowNode;
  /** Position in `flow.nodes`, for issue paths. */
  index: number;
}

export interface IndexedEdge {
  edge: FlowEdge;
  index: number;
}

/** Lookups over one flow, built once so that every check stays linear in the flow's size. */
export interface FlowIndex {
  /** Nodes by id; when ids repeat, the first node wins (the duplicates are reported separately). */
  nodes: ReadonlyMap<string, IndexedNode>;
  /** Edges whose source and target both exist, grouped by source node id. */
  outgoing: ReadonlyMap<string, readonly IndexedEdge[]>;
}

/**
 * Indexes a flow's nodes and edges by id.
 *
 * @example createFlowIndex(flow).nodes.get('start')?.node.type // → 'start'
 */
export function createFlowIndex(flow: Flow): FlowIndex {
  const nodes = new Map<string, IndexedNode>();
  flow.nodes.forEach((node, index) => {
    if (!nodes.has(node.id)) nodes.set(node.id, { node, index });
  });
  const outgoing = new Map<string, IndexedEdge[]>();
  flow.edges.forEach((edge, index) => {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) return;
    const list = outgoing.get(edge.source);
    if (list) list.push({ edge, index });
    else outgoing.set(edge.source, [{ edge, index }]);
  });
  return { nodes, outgoing };
}
