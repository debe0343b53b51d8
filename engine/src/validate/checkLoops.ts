import { describeNode } from './describeNode.js';
import type { FlowCheck } from './flowCheck.js';
import { flowSuccessors } from './flowSuccessors.js';
import { isPassThrough } from './isPassThrough.js';
import { stronglyConnectedComponents } from './stronglyConnectedComponents.js';

/**
 * Finds cycles the bot could run around forever without waiting for the customer: every node on
 * them passes straight through (no question, wait, or message with buttons or a list).
 */
export const checkLoops: FlowCheck = ({ flow, index, report }) => {
  const all = flowSuccessors(flow, index);
  const graph = new Map<string, readonly string[]>();
  for (const [id, next] of all) {
    if (!isPassThrough(index.nodes.get(id)?.node ?? failMissing(id))) continue;
    graph.set(
      id,
      next.filter((n) => {
        const target = index.nodes.get(n)?.node;
        return target !== undefined && isPassThrough(target);
      }),
    );
  }

  for (const component of stronglyConnectedComponents(graph)) {
    const [first] = component;
    if (first === undefined) continue;
    const isCycle = component.length > 1 || (graph.get(first) ?? []).includes(first);
    if (!isCycle) continue;
    const entry = index.nodes.get(first) ?? failMissing(first);
    const names = component.map((id) => index.nodes.get(id)?.node).filter((n) => n !== undefined).map(describeNode);
    report({
      code: 'flow/infinite-loop',
      severity: 'error',
      nodeId: entry.node.id,
      path: `nodes.${entry.index}`,
      message: `These steps form a loop that never waits for the customer, so the bot would repeat them forever: ${names.join(' → ')}. Put a question, a wait or a message with buttons on the loop, or break it.`,
    });
  }
};

function failMissing(id: string): never {
  throw new Error(`node "${id}" is missing from the index`);
}
