import type { Flow } from '@switchboard/engine/schema';
import { createEmptyFlow } from './createEmptyFlow';
import { faqMenuTemplate } from './faqMenuTemplate';
import { orderStatusTemplate } from './orderStatusTemplate';

export interface FlowTemplate {
  key: string;
  name: string;
  description: string;
  build: (args: { id: string; name: string }) => Flow;
}

/** What "New flow" and the empty state offer to start from. */
export const FLOW_TEMPLATES: readonly FlowTemplate[] = [
  { key: 'blank', name: 'Blank flow', description: 'Just a start node.', build: createEmptyFlow },
  {
    key: 'faq',
    name: 'FAQ menu',
    description: 'A greeting with reply buttons for hours, address and a person.',
    build: faqMenuTemplate,
  },
  {
    key: 'order-status',
    name: 'Order status',
    description: 'Ask for the order number, look it up, answer or hand off.',
    build: orderStatusTemplate,
  },
];
