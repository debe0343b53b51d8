import { outputHandles, type FlowNode } from '../schema/index.js';
import { describeNode } from './describeNode.js';
import type { FlowCheck } from './flowCheck.js';

/** Node types whose optional exits still deserve a nudge when left unconnected (a failed lookup). */
const warnOnOptionalExit = (node: FlowNode): boolean => node.type === 'action';

/**
 * Every connection joins two existing nodes from an exit its source really has, one connection per
 * exit, none into Start; every required exit is connected.
 */
export const checkEdges: FlowCheck = ({ flow, index, report }) => {
  const handlesByNode = new Map<string, Set<string>>();
  const handlesOf = (node: FlowNode): Set<string> => {
    let handles = handlesByNode.get(node.id);
    if (!handles) {
      handles = new Set(outputHandles(node).map((h) => h.id));
      handlesByNode.set(node.id, handles);
    }
    return handles;
  };
  const used = new Set<string>();

  flow.edges.forEach((edge, i) => {
    const source = index.nodes.get(edge.source)?.node;
    const target = index.nodes.get(edge.target)?.node;
    const path = `edges.${i}`;
    if (!source || !target) {
      const missing = [!source ? `source "${edge.source}"` : '', !target ? `target "${edge.target}"` : ''].filter(Boolean).join(' and ');
      report({
        code: 'flow/dangling-edge',
        severity: 'error',
        edgeId: edge.id,
        path,
        message: `A connection points to a node that no longer exists (${missing}). Delete the connection or reconnect it.`,
      });
      return;
    }
    if (target.type === 'start') {
      report({
        code: 'flow/edge-into-start',
        severity: 'error',
        edgeId: edge.id,
        nodeId: target.id,
        path: `${path}.target`,
        message: `A connection leads back into the Start node. Nothing may enter Start; to start over, connect to the first real step or use a Jump.`,
      });
    }
    if (!handlesOf(source).has(edge.sourceHandle)) {
      report({
        code: 'flow/unknown-handle',
        severity: 'error',
        edgeId: edge.id,
        nodeId: source.id,
        path: `${path}.sourceHandle`,
        message: `A connection leaves ${describeNode(source)} from the exit "${edge.sourceHandle}", which that node does not have (was a button or rule deleted?). Delete the connection or draw it from an existing exit.`,
      });
      return;
    }
    const key = `${source.id}\u0000${edge.sourceHandle}`;
    if (used.has(key)) {
      report({
        code: 'flow/handle-multiple-edges',
        severity: 'error',
        edgeId: edge.id,
        nodeId: source.id,
        path,
        message: `The exit "${edge.sourceHandle}" of ${describeNode(source)} has more than one connection, so the next step is ambiguous. Keep one; use a Route to branch.`,
      });
    }
    used.add(key);
  });

  for (const { node, index: i } of index.nodes.values()) {
    for (const handle of outputHandles(node)) {
      if (used.has(`${node.id}\u0000${handle.id}`)) continue;
      if (handle.required) {
        report({
          code: 'flow/unconnected-handle',
          severity: 'error',
          nodeId: node.id,
          path: `nodes.${i}`,
          message: `The exit "${handle.label}" of ${describeNode(node)} is not connected, so the conversation would stop there. Connect it to the next step.`,
        });
      } else if (warnOnOptionalExit(node)) {
        report({
          code: 'flow/unconnected-handle',
          severity: 'warning',
          nodeId: node.id,
          path: `nodes.${i}`,
          message: `The exit "${handle.label}" of ${describeNode(node)} is not connected; when the lookup ends that way the customer gets no answer. Connect it, e.g. to an apology or a handoff.`,
        });
      }
    }
  }
};
