import type { FlowNode } from '../schema/index.js';

const TYPE_NAMES: Record<FlowNode['type'], string> = {
  start: 'Start',
  message: 'Message',
  ask: 'Question',
  route: 'Route',
  action: 'Action',
  set: 'Set',
  tag: 'Tag',
  handoff: 'Handoff',
  jump: 'Jump',
  wait: 'Wait',
  template: 'Template',
  end: 'End',
};

/**
 * How an issue message names a node: its label when it has one, else its type and id.
 *
 * @example describeNode({ id: 'm1', type: 'message', data: { label: 'Welcome', … }, … }) // → 'Message "Welcome"'
 */
export function describeNode(node: FlowNode): string {
  const label = node.data.label?.trim();
  return label ? `${TYPE_NAMES[node.type]} "${label}"` : `${TYPE_NAMES[node.type]} node "${node.id}"`;
}
