import type { FlowNode } from './nodes.js';

export interface OutputHandle {
  id: string;
  /** A short label for the designer, in English; button and rule handles use their own titles. */
  label: string;
  /** Whether a flow that leaves this handle unconnected is broken (otherwise it is only a warning). */
  required: boolean;
}

function assertNever(value: never): never {
  throw new Error(`unhandled node: ${JSON.stringify(value)}`);
}

const firstText = (text: Record<string, string>): string => Object.values(text)[0] ?? '';

/**
 * The output handles a node offers, in display order.
 *
 * @example outputHandles({ type: 'ask', … }) // → [{ id: 'valid', … }, { id: 'invalid', … }]
 */
export function outputHandles(node: FlowNode): OutputHandle[] {
  switch (node.type) {
    case 'start':
    case 'set':
    case 'tag':
    case 'template':
      return [{ id: 'next', label: 'next', required: true }];
    case 'message': {
      const choices = [
        ...(node.data.buttons ?? []).map((b) => ({ id: b.id, label: firstText(b.title) || b.id, required: true })),
        ...(node.data.list?.rows ?? []).map((r) => ({ id: r.id, label: firstText(r.title) || r.id, required: true })),
      ];
      if (choices.length === 0) return [{ id: 'next', label: 'next', required: false }];
      return [...choices, { id: 'other', label: 'other', required: false }];
    }
    case 'ask':
      return [
        { id: 'valid', label: 'valid', required: true },
        { id: 'invalid', label: 'invalid', required: false },
      ];
    case 'route':
      return [
        ...node.data.rules.map((r) => ({ id: r.id, label: ruleLabel(r), required: true })),
        { id: 'fallback', label: 'fallback', required: true },
      ];
    case 'action':
      return [
        { id: 'ok', label: 'ok', required: true },
        { id: 'notFound', label: 'not found', required: false },
        { id: 'error', label: 'error', required: false },
      ];
    case 'wait':
      return [
        { id: 'reply', label: 'reply', required: true },
        { id: 'timeout', label: 'timeout', required: false },
      ];
    case 'handoff':
    case 'jump':
    case 'end':
      return [];
    default:
      return assertNever(node);
  }
}

const OP_SYMBOLS = { eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', contains: 'contains', exists: 'is set', notExists: 'is not set' } as const;

function ruleLabel(rule: Extract<FlowNode, { type: 'route' }>['data']['rules'][number]): string {
  switch (rule.kind) {
    case 'keyword':
      return Object.values(rule.keywords).flat().slice(0, 3).join(', ') || 'keyword';
    case 'intent':
      return `intent ${rule.intent}`;
    case 'regex':
      return `/${rule.pattern}/`;
    case 'variable':
      return `${rule.variable} ${OP_SYMBOLS[rule.op]}${rule.value === undefined ? '' : ` ${String(rule.value)}`}`;
    default:
      return assertNever(rule);
  }
}

/** Whether a node takes an incoming edge (every node but `start`). */
export const acceptsInput = (node: FlowNode): boolean => node.type !== 'start';
