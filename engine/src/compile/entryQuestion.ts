import type { Flow, FlowNode, Validator } from '../schema/index.js';
import { isRestingNode } from './position.js';
import { isSpecificQuestion } from './questionPrefill.js';

/** The question a flow opens with, when it takes a specific answer (an id, a number, a date…). */
export interface EntryQuestion {
  flowId: string;
  nodeId: string;
  variable: string;
  validator: Validator;
}

/**
 * The first node a flow's start leads to, passing over nodes that act and move on, when it is a
 * question with a specific answer: "and what about ORD-7310" starts the flow whose first question
 * takes ORD-7310, and a customer who hands off with an id in their message has it kept.
 *
 * @example entryQuestionOf(orderFlow) // → { flowId: 'order-tracking', nodeId: 'askId', variable: 'orderId', … }
 */
export function entryQuestionOf(flow: Flow): EntryQuestion | null {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const next = (node: FlowNode, handle: string) => flow.edges.find((e) => e.source === node.id && e.sourceHandle === handle)?.target;
  let node: FlowNode | undefined = flow.nodes.find((n) => n.type === 'start');
  const seen = new Set<string>();
  while (node && !seen.has(node.id)) {
    seen.add(node.id);
    if (node.type === 'ask') {
      return isSpecificQuestion(node.data.validator) ? { flowId: flow.id, nodeId: node.id, variable: node.data.variable, validator: node.data.validator } : null;
    }
    if (isRestingNode(node)) return null;
    const target: string | undefined =
      node.type === 'jump' ? (node.data.flowId && node.data.flowId !== flow.id ? undefined : node.data.nodeId) : node.type === 'start' || node.type === 'message' || node.type === 'set' || node.type === 'tag' || node.type === 'template' ? next(node, 'next') : undefined;
    node = target === undefined ? undefined : byId.get(target);
  }
  return null;
}
