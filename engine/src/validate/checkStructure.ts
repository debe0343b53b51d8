import { outputHandles } from '../schema/index.js';
import { describeNode } from './describeNode.js';
import type { FlowCheck } from './flowCheck.js';

/**
 * Exactly one start node; node ids, edge ids, and the handle ids within a node (buttons, list
 * rows, route rules) unique.
 */
export const checkStructure: FlowCheck = ({ flow, report }) => {
  const starts = flow.nodes.filter((n) => n.type === 'start');
  if (starts.length === 0) {
    report({
      code: 'flow/missing-start',
      severity: 'error',
      message: 'This flow has no Start node. Add one and connect it to the first step of the conversation.',
    });
  }
  starts.slice(1).forEach((node) => {
    report({
      code: 'flow/multiple-start',
      severity: 'error',
      nodeId: node.id,
      path: `nodes.${flow.nodes.indexOf(node)}`,
      message: `This flow has ${starts.length} Start nodes; a flow starts in one place. Delete the extra Start node "${node.id}".`,
    });
  });

  const nodeIds = new Set<string>();
  flow.nodes.forEach((node, i) => {
    if (nodeIds.has(node.id)) {
      report({
        code: 'flow/duplicate-node-id',
        severity: 'error',
        nodeId: node.id,
        path: `nodes.${i}.id`,
        message: `Two nodes share the id "${node.id}". Give ${describeNode(node)} a new id.`,
      });
    }
    nodeIds.add(node.id);

    const handleIds = new Set<string>();
    for (const handle of outputHandles(node)) {
      if (handleIds.has(handle.id)) {
        report({
          code: 'flow/duplicate-handle-id',
          severity: 'error',
          nodeId: node.id,
          path: `nodes.${i}.data`,
          message: `${describeNode(node)} has two buttons, list rows or rules with the id "${handle.id}" (or one that clashes with a built-in exit). Give each its own id.`,
        });
      }
      handleIds.add(handle.id);
    }
  });

  const edgeIds = new Set<string>();
  flow.edges.forEach((edge, i) => {
    if (edgeIds.has(edge.id)) {
      report({
        code: 'flow/duplicate-edge-id',
        severity: 'error',
        edgeId: edge.id,
        path: `edges.${i}.id`,
        message: `Two connections share the id "${edge.id}". Delete one of them and draw it again.`,
      });
    }
    edgeIds.add(edge.id);
  });
};
