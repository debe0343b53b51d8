import type { FlowNode, LocalizedText, NodeType, Position } from '@switchboard/engine/schema';

export interface CreateNodeArgs {
  id: string;
  type: NodeType;
  position: Position;
  /** The flow's locales, so localized texts start with one empty entry per locale. */
  locales: readonly string[];
  /** Backend action names; a new Action node calls the first. */
  actions?: readonly string[];
}

const emptyText = (locales: readonly string[]): LocalizedText => Object.fromEntries(locales.map((l) => [l, '']));

/** A node of `type` with the smallest data the schema accepts, ready for the analyst to fill in. */
export function createNode({ id, type, position, locales, actions = [] }: CreateNodeArgs): FlowNode {
  switch (type) {
    case 'start':
      return { id, type, position, data: {} };
    case 'message':
      return { id, type, position, data: { text: emptyText(locales) } };
    case 'ask':
      return {
        id,
        type,
        position,
        data: { prompt: emptyText(locales), variable: 'answer', validator: { type: 'text' }, maxAttempts: 3 },
      };
    case 'route':
      return { id, type, position, data: { rules: [] } };
    case 'action':
      return { id, type, position, data: { action: actions[0] ?? 'lookup', input: {} } };
    case 'set':
      return { id, type, position, data: { assignments: [] } };
    case 'tag':
      return { id, type, position, data: { add: [], remove: [] } };
    case 'handoff':
      return { id, type, position, data: { queue: 'support', reason: 'flow' } };
    case 'jump':
      return { id, type, position, data: {} };
    case 'wait':
      return { id, type, position, data: { minutes: 60 } };
    case 'template':
      return { id, type, position, data: { name: 'template_name', language: locales[0] ?? 'en', parameters: [] } };
    case 'end':
      return { id, type, position, data: {} };
    default:
      return assertNever(type);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled node type: ${String(value)}`);
}
