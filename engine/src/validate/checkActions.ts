import { describeNode } from './describeNode.js';
import type { FlowCheck } from './flowCheck.js';

/** Every Action names a backend action the server provides (checked only when the list is known). */
export const checkActions: FlowCheck = ({ flow, context, report }) => {
  const known = context.actions;
  if (!known) return;
  flow.nodes.forEach((node, i) => {
    if (node.type !== 'action' || known.has(node.data.action)) return;
    const choices = [...known].sort().join(', ') || 'none are configured';
    report({
      code: 'flow/unknown-action',
      severity: 'error',
      nodeId: node.id,
      path: `nodes.${i}.data.action`,
      message: `${describeNode(node)} calls "${node.data.action}", which the backend does not provide. Pick one of: ${choices}.`,
    });
  });
};
