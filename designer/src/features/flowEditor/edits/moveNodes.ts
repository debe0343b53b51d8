import type { Flow, Position } from '@switchboard/engine/schema';

/** Moves nodes to new positions; nodes not named keep their identity. */
export function moveNodes(flow: Flow, args: { positions: Readonly<Record<string, Position>> }): Flow {
  let changed = false;
  const nodes = flow.nodes.map((node) => {
    const to = args.positions[node.id];
    if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
    changed = true;
    return { ...node, position: { x: to.x, y: to.y } };
  });
  return changed ? { ...flow, nodes } : flow;
}
