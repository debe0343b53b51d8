import dagre from '@dagrejs/dagre';
import { outputHandles, type Flow } from '@switchboard/engine/schema';

export interface Size {
  width: number;
  height: number;
}

/** The size assumed for a node the canvas has not measured yet. */
export const DEFAULT_NODE_SIZE: Size = { width: 260, height: 120 };

/**
 * Lays the flow out left to right in layers, the start node first. Nodes and edges are fed to the
 * layout breadth-first from the start, in handle order, which keeps branches near their source. Deterministic: the
 * same flow and sizes always give the same positions.
 */
export function autoLayout(flow: Flow, args: { sizes: Readonly<Record<string, Size>> }): Flow {
  if (flow.nodes.length === 0) return flow;
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const sizeOf = (id: string): Size => args.sizes[id] ?? DEFAULT_NODE_SIZE;
  const nodeById = new Map(flow.nodes.map((n) => [n.id, n]));
  const handleRank = (edge: Flow['edges'][number]): number => {
    const source = nodeById.get(edge.source);
    return source ? outputHandles(source).findIndex((h) => h.id === edge.sourceHandle) : 0;
  };
  const edges = [...flow.edges].sort((a, b) => {
    const byNode = flow.nodes.findIndex((n) => n.id === a.source) - flow.nodes.findIndex((n) => n.id === b.source);
    return byNode !== 0 ? byNode : handleRank(a) - handleRank(b);
  });
  for (const id of visitOrder(flow, edges)) graph.setNode(id, { ...sizeOf(id) });
  for (const edge of edges) {
    if (nodeById.has(edge.source) && nodeById.has(edge.target)) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(graph);
  const nodes = flow.nodes.map((node) => {
    const laid: { x?: number; y?: number } | undefined = graph.node(node.id);
    const size = sizeOf(node.id);
    if (laid?.x === undefined || laid.y === undefined) return node;
    return { ...node, position: { x: Math.round(laid.x - size.width / 2), y: Math.round(laid.y - size.height / 2) } };
  });
  return { ...flow, nodes };
}

/** Node ids breadth-first from the start node along `edges` (already in handle order), then the rest. */
function visitOrder(flow: Flow, edges: readonly Flow['edges'][number][]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = flow.nodes.filter((n) => n.type === 'start').map((n) => n.id);
  const known = new Set(flow.nodes.map((n) => n.id));
  while (queue.length > 0) {
    const id = queue.shift();
    if (id === undefined || seen.has(id) || !known.has(id)) continue;
    seen.add(id);
    order.push(id);
    for (const edge of edges) if (edge.source === id) queue.push(edge.target);
  }
  for (const node of flow.nodes) if (!seen.has(node.id)) order.push(node.id);
  return order;
}
