import type { FlowNode } from '../schema/index.js';
import { assertNever } from './assertNever.js';
import { nodeTexts } from './nodeTexts.js';

/** A string of a node that may hold `{{variable}}` placeholders. */
export interface NodeTemplate {
  text: string;
  /** Path below the node, e.g. `data.text.en`. */
  path: string;
}

/**
 * Every string of a node whose placeholders are filled from variables: localized texts, action
 * inputs, Set values, template parameters and the values route rules compare with.
 *
 * @example nodeTemplates(setNode) // → [{ text: '{{order.id}}', path: 'data.assignments.0.value' }]
 */
export function nodeTemplates(node: FlowNode): NodeTemplate[] {
  const templates: NodeTemplate[] = [];
  for (const { text, path } of nodeTexts(node)) {
    for (const [locale, value] of Object.entries(text)) templates.push({ text: value, path: `${path}.${locale}` });
  }
  switch (node.type) {
    case 'action':
      for (const [field, value] of Object.entries(node.data.input)) templates.push({ text: value, path: `data.input.${field}` });
      break;
    case 'set':
      node.data.assignments.forEach((a, i) => templates.push({ text: a.value, path: `data.assignments.${i}.value` }));
      break;
    case 'template':
      node.data.parameters.forEach((p, i) => templates.push({ text: p, path: `data.parameters.${i}` }));
      break;
    case 'route':
      node.data.rules.forEach((rule, i) => {
        if (rule.kind === 'variable' && typeof rule.value === 'string') templates.push({ text: rule.value, path: `data.rules.${i}.value` });
      });
      break;
    case 'start':
    case 'message':
    case 'ask':
    case 'tag':
    case 'handoff':
    case 'jump':
    case 'wait':
    case 'end':
      break;
    default:
      return assertNever(node);
  }
  return templates;
}
