import { messageBodyLimit, WHATSAPP_LIMITS, type FlowIssueCode, type FlowNode, type LocalizedText } from '../schema/index.js';
import { assertNever } from './assertNever.js';

/** One localized text a node shows the customer. */
export interface NodeText {
  text: LocalizedText;
  /** Path below the node, e.g. `data.buttons.0.title`. */
  path: string;
  /** How an analyst would name it, e.g. `the title of button "yes"`. */
  what: string;
  /** Whether the node cannot do its job without it (a missing translation is then an error). */
  required: boolean;
  /** The WhatsApp length limit for one locale's text, in characters. */
  maxLength: number;
  /** The issue a text over that limit earns. */
  tooLong: FlowIssueCode;
}


/**
 * The localized texts of a node, in document order.
 *
 * @example nodeTexts(askNode).map((t) => t.path) // → ['data.prompt', 'data.retryPrompt']
 */
export function nodeTexts(node: FlowNode): NodeText[] {
  switch (node.type) {
    case 'message': {
      const { buttons = [], list } = node.data;
      const texts: NodeText[] = [
        {
          text: node.data.text,
          path: 'data.text',
          what: 'the message text',
          required: true,
          maxLength: messageBodyLimit(node.data),
          tooLong: 'flow/text-too-long',
        },
      ];
      buttons.forEach((button, i) => {
        texts.push({
          text: button.title,
          path: `data.buttons.${i}.title`,
          what: `the title of button "${button.id}"`,
          required: true,
          maxLength: WHATSAPP_LIMITS.buttonTitle,
          tooLong: 'flow/button-title-too-long',
        });
      });
      if (list) {
        texts.push({
          text: list.button,
          path: 'data.list.button',
          what: 'the label of the list button',
          required: true,
          maxLength: WHATSAPP_LIMITS.listButton,
          tooLong: 'flow/list-button-too-long',
        });
        list.rows.forEach((row, i) => {
          texts.push({
            text: row.title,
            path: `data.list.rows.${i}.title`,
            what: `the title of list row "${row.id}"`,
            required: true,
            maxLength: WHATSAPP_LIMITS.listRowTitle,
            tooLong: 'flow/list-row-title-too-long',
          });
          if (row.description) {
            texts.push({
              text: row.description,
              path: `data.list.rows.${i}.description`,
              what: `the description of list row "${row.id}"`,
              required: false,
              maxLength: WHATSAPP_LIMITS.listRowDescription,
              tooLong: 'flow/list-row-description-too-long',
            });
          }
        });
      }
      return texts;
    }
    case 'ask': {
      const texts: NodeText[] = [
        { text: node.data.prompt, path: 'data.prompt', what: 'the question', required: true, maxLength: WHATSAPP_LIMITS.textBody, tooLong: 'flow/text-too-long' },
      ];
      if (node.data.retryPrompt) {
        texts.push({
          text: node.data.retryPrompt,
          path: 'data.retryPrompt',
          what: 'the retry prompt',
          required: false,
          maxLength: WHATSAPP_LIMITS.textBody,
          tooLong: 'flow/text-too-long',
        });
      }
      return texts;
    }
    case 'handoff':
    case 'end':
      return node.data.message
        ? [{ text: node.data.message, path: 'data.message', what: 'the message', required: false, maxLength: WHATSAPP_LIMITS.textBody, tooLong: 'flow/text-too-long' }]
        : [];
    case 'start':
    case 'route':
    case 'action':
    case 'set':
    case 'tag':
    case 'jump':
    case 'wait':
    case 'template':
      return [];
    default:
      return assertNever(node);
  }
}
