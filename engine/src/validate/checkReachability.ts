import { describeNode } from './describeNode.js';
import type { FlowCheck } from './flowCheck.js';
import { flowSuccessors } from './flowSuccessors.js';

/**
 * Warns about nodes no conversation can reach: not from Start, nor from a Jump in this or another
 * flow that targets them. Skipped when the flow has no Start (that error says enough).
 */
export const checkReachability: FlowCheck = ({ flow, index, context, report }) => {
  const entries = flow.nodes.filter((n) => n.type === 'start').map((n) => n.id);
  if (entries.length === 0) return;
  for (const other of context.flowsById.values()) {
    if (other.id === flow.id) continue;
    for (const node of other.nodes) {
      if (node.type === 'jump' && node.data.flowId === flow.id && node.data.nodeId) entries.push(node.data.nodeId);
    }
  }

  const successors = flowSuccessors(flow, index);
  const reached = new Set<string>();
  const stack = entries.filter((id) => index.nodes.has(id));
  for (const id of stack) reached.add(id);
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined) break;
    for (const next of successors.get(id) ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      stack.push(next);
    }
  }

  for (const { node, index: i } of index.nodes.values()) {
    if (reached.has(node.id)) continue;
    report({
      code: 'flow/unreachable-node',
      severity: 'warning',
      nodeId: node.id,
      path: `nodes.${i}`,
      message: `${describeNode(node)} can never be reached: no path from Start leads to it. Connect it or delete it.`,
    });
  }
};
