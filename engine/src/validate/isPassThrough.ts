import type { FlowNode } from '../schema/index.js';
import { assertNever } from './assertNever.js';

/**
 * Whether the conversation moves on from this node without waiting for the customer. Actions
 * count as pass-through: their result comes back at once as an event.
 *
 * @example isPassThrough({ type: 'ask', … }) // → false
 */
export function isPassThrough(node: FlowNode): boolean {
  switch (node.type) {
    case 'message':
      return (node.data.buttons ?? []).length === 0 && node.data.list === undefined;
    case 'start':
    case 'route':
    case 'set':
    case 'tag':
    case 'template':
    case 'jump':
    case 'action':
      return true;
    case 'ask':
    case 'wait':
    case 'handoff':
    case 'end':
      return false;
    default:
      return assertNever(node);
  }
}
