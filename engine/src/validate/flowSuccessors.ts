import type { Flow, FlowNode } from '../schema/index.js';
import type { FlowIndex } from './flowIndex.js';

/**
 * The node a Jump continues at inside `flow`, or undefined when it leaves the flow or goes nowhere.
 *
 * @example localJumpTarget(flow, { type: 'jump', data: { nodeId: 'menu' }, … }) // → 'menu'
 */
export function localJumpTarget(flow: Flow, node: FlowNode): string | undefined {
  if (node.type !== 'jump' || !node.data.nodeId) return undefined;
  if (node.data.flowId !== undefined && node.data.flowId !== flow.id) return undefined;
  return node.data.nodeId;
}

/**
 * Where the conversation can go next from each node: along connections, and through Jumps that
 * stay inside the flow. Only existing nodes appear.
 */
export function flowSuccessors(flow: Flow, index: FlowIndex): ReadonlyMap<string, readonly string[]> {
  const successors = new Map<string, string[]>();
  for (const [id, { node }] of index.nodes) {
    const next = (index.outgoing.get(id) ?? []).map(({ edge }) => edge.target);
    const jump = localJumpTarget(flow, node);
    if (jump !== undefined && index.nodes.has(jump)) next.push(jump);
    successors.set(id, next);
  }
  return successors;
}
