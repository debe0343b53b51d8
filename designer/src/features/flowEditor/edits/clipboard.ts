import type { Flow, FlowEdge, FlowNode, Position } from '@switchboard/engine/schema';
import { uniqueId } from './uniqueId';

/** What Ctrl+C keeps: the chosen nodes (never a start node) and the edges between them. */
export interface Clipboard {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export function copySelection(flow: Flow, args: { nodeIds: readonly string[] }): Clipboard {
  const ids = new Set(args.nodeIds);
  const nodes = flow.nodes.filter((n) => ids.has(n.id) && n.type !== 'start');
  const kept = new Set(nodes.map((n) => n.id));
  return { nodes, edges: flow.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };
}

/**
 * Pastes a clipboard with fresh node and edge ids, shifted by `offset`; edges keep pointing at the
 * pasted copies. Returns the flow and the ids of the new nodes (for selecting them).
 */
export function paste(flow: Flow, args: { clipboard: Clipboard; offset: Position }): { flow: Flow; nodeIds: string[] } {
  if (args.clipboard.nodes.length === 0) return { flow, nodeIds: [] };
  const takenNodes = new Set(flow.nodes.map((n) => n.id));
  const takenEdges = new Set(flow.edges.map((e) => e.id));
  const idMap = new Map<string, string>();
  const nodes = args.clipboard.nodes.map((node) => {
    const id = uniqueId(node.type, takenNodes);
    takenNodes.add(id);
    idMap.set(node.id, id);
    return { ...node, id, position: { x: node.position.x + args.offset.x, y: node.position.y + args.offset.y } };
  });
  const edges = args.clipboard.edges.flatMap((edge) => {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target) return [];
    const id = uniqueId(`e-${source}-${edge.sourceHandle}`, takenEdges);
    takenEdges.add(id);
    return [{ id, source, sourceHandle: edge.sourceHandle, target }];
  });
  return { flow: { ...flow, nodes: [...flow.nodes, ...nodes], edges: [...flow.edges, ...edges] }, nodeIds: [...idMap.values()] };
}
