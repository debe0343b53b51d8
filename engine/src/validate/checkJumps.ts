import { describeNode } from './describeNode.js';
import type { FlowCheck } from './flowCheck.js';

/** Every Jump leads to a flow of the bot and, when it names a node, to a node of that flow. */
export const checkJumps: FlowCheck = ({ flow, context, report }) => {
  flow.nodes.forEach((node, i) => {
    if (node.type !== 'jump') return;
    const { flowId, nodeId } = node.data;
    const base = { code: 'flow/unknown-jump-target', severity: 'error', nodeId: node.id } as const;
    if (!flowId && !nodeId) {
      report({ ...base, path: `nodes.${i}.data`, message: `${describeNode(node)} does not say where to go. Choose a flow, a node, or both.` });
      return;
    }
    const target = context.flowsById.get(flowId || flow.id);
    if (!target) {
      report({
        ...base,
        path: `nodes.${i}.data.flowId`,
        message: `${describeNode(node)} jumps to the flow "${flowId ?? ''}", which this bot does not have. Pick an existing flow.`,
      });
      return;
    }
    if (nodeId && !target.nodes.some((n) => n.id === nodeId)) {
      const where = target.id === flow.id ? 'this flow' : `the flow "${target.id}"`;
      report({
        ...base,
        path: `nodes.${i}.data.nodeId`,
        message: `${describeNode(node)} jumps to the node "${nodeId}", which ${where} does not have. Pick an existing node.`,
      });
    }
  });
};
