import { describeNode } from './describeNode.js';
import type { FlowCheck } from './flowCheck.js';
import { characterCount } from './characterCount.js';
import { nodeTexts } from './nodeTexts.js';
import { WHATSAPP_LIMITS } from '../schema/index.js';

/**
 * What the WhatsApp Cloud API refuses to send: too many buttons or list rows, titles and texts over
 * their length limits, buttons and a list on one message, a list without rows.
 */
export const checkWhatsAppLimits: FlowCheck = ({ flow, report }) => {
  flow.nodes.forEach((node, i) => {
    if (node.type === 'message') {
      const buttons = node.data.buttons ?? [];
      const rows = node.data.list?.rows;
      const at = { nodeId: node.id, severity: 'error' } as const;
      if (buttons.length > WHATSAPP_LIMITS.buttons) {
        report({
          ...at,
          code: 'flow/too-many-buttons',
          path: `nodes.${i}.data.buttons`,
          message: `${describeNode(node)} has ${buttons.length} buttons; WhatsApp allows at most ${WHATSAPP_LIMITS.buttons}. Remove some, or use a list (up to ${WHATSAPP_LIMITS.listRows} rows).`,
        });
      }
      if (buttons.length > 0 && node.data.list) {
        report({
          ...at,
          code: 'flow/buttons-and-list',
          path: `nodes.${i}.data`,
          message: `${describeNode(node)} has both buttons and a list; a WhatsApp message can carry only one of them. Keep one, or split it into two messages.`,
        });
      }
      if (rows && rows.length === 0) {
        report({
          ...at,
          code: 'flow/empty-list',
          path: `nodes.${i}.data.list.rows`,
          message: `${describeNode(node)} has a list without rows; WhatsApp needs at least one. Add a row or remove the list.`,
        });
      }
      if (rows && rows.length > WHATSAPP_LIMITS.listRows) {
        report({
          ...at,
          code: 'flow/too-many-list-rows',
          path: `nodes.${i}.data.list.rows`,
          message: `${describeNode(node)} has a list with ${rows.length} rows; WhatsApp allows at most ${WHATSAPP_LIMITS.listRows}. Remove some, or split the choice into two steps.`,
        });
      }
    }
    for (const { text, path, what, maxLength, tooLong } of nodeTexts(node)) {
      for (const [locale, value] of Object.entries(text)) {
        if (value.length <= maxLength) continue;
        const length = characterCount(value);
        if (length <= maxLength) continue;
        report({
          code: tooLong,
          severity: 'error',
          nodeId: node.id,
          path: `nodes.${i}.${path}.${locale}`,
          message: `In ${describeNode(node)}, ${what} (${locale}) is ${length} characters long; WhatsApp allows at most ${maxLength} here. Shorten it.`,
        });
      }
    }
  });
};
