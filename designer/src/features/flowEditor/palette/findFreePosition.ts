import type { Flow, Position } from '@switchboard/engine/schema';
import { DEFAULT_NODE_SIZE, type Size } from '../edits';

const GAP = 24;
const MAX_TRIES = 50;

/**
 * The first spot at or below `near` where a new card does not cover an existing one, so nodes
 * added by click never hide each other.
 */
export function findFreePosition(args: { flow: Flow; near: Position; sizes: Readonly<Record<string, Size>> }): Position {
  const { flow, sizes } = args;
  const size = DEFAULT_NODE_SIZE;
  const overlaps = (at: Position) =>
    flow.nodes.some((node) => {
      const other = sizes[node.id] ?? DEFAULT_NODE_SIZE;
      return (
        at.x < node.position.x + other.width + GAP &&
        node.position.x < at.x + size.width + GAP &&
        at.y < node.position.y + other.height + GAP &&
        node.position.y < at.y + size.height + GAP
      );
    });
  let at = args.near;
  for (let i = 0; i < MAX_TRIES && overlaps(at); i += 1) at = { x: at.x, y: at.y + 40 };
  return at;
}
