import { describeNode } from './describeNode.js';
import type { FlowCheck } from './flowCheck.js';
import { nodeTexts } from './nodeTexts.js';

/**
 * Every text the customer sees exists, non-empty, in every locale the flow declares. A gap in a
 * required text (message, question, button) is an error; in an optional one (retry prompt, list
 * row description, handoff or end message) a warning.
 */
export const checkTranslations: FlowCheck = ({ flow, report }) => {
  flow.nodes.forEach((node, i) => {
    for (const { text, path, what, required } of nodeTexts(node)) {
      const severity = required ? 'error' : 'warning';
      const missing = flow.locales.filter((locale) => text[locale] === undefined);
      if (missing.length > 0) {
        report({
          code: 'flow/missing-translation',
          severity,
          nodeId: node.id,
          path: `nodes.${i}.${path}`,
          message: `In ${describeNode(node)}, ${what} has no ${missing.join(', ')} version, but the flow speaks ${flow.locales.join(', ')}. Add the missing translation.`,
        });
      }
      for (const locale of flow.locales) {
        const value = text[locale];
        if (value === undefined || value.trim() !== '') continue;
        report({
          code: 'flow/empty-text',
          severity,
          nodeId: node.id,
          path: `nodes.${i}.${path}.${locale}`,
          message: `In ${describeNode(node)}, ${what} (${locale}) is empty. Write the text${required ? '' : ', or remove it'}.`,
        });
      }
    }
  });
};
