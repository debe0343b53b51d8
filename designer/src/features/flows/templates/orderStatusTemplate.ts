import type { Flow } from '@switchboard/engine/schema';
import { createEmptyFlow } from './createEmptyFlow';

/** Asks for an order number, looks it up and answers, with a person as the way out. */
export function orderStatusTemplate(args: { id: string; name: string }): Flow {
  const base = createEmptyFlow(args);
  return {
    ...base,
    description: 'Customers ask where their order is; the bot looks it up by number.',
    triggers: { keywords: { en: ['order', 'parcel', 'delivery'], ru: ['заказ', 'посылка', 'доставка'] }, intents: [] },
    variables: [{ name: 'order', type: 'object', description: 'The order the lookup found' }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 140 }, data: {} },
      {
        id: 'ask-1',
        type: 'ask',
        position: { x: 260, y: 100 },
        data: {
          label: 'Order number',
          prompt: { en: 'What is your order number? It looks like A-12345.', ru: 'Какой у вас номер заказа? Например, A-12345.' },
          retryPrompt: { en: 'Please send the number as A-12345.', ru: 'Пожалуйста, пришлите номер в виде A-12345.' },
          variable: 'orderId',
          validator: { type: 'regex', pattern: '[A-Za-z]-?\\d{5}' },
          maxAttempts: 3,
        },
      },
      {
        id: 'action-1',
        type: 'action',
        position: { x: 600, y: 60 },
        data: { label: 'Find order', action: 'lookupOrder', input: { orderId: '{{orderId}}' }, resultVariable: 'order' },
      },
      {
        id: 'message-1',
        type: 'message',
        position: { x: 940, y: 0 },
        data: {
          label: 'Status',
          text: { en: 'Order {{orderId}} is {{order.status}}.', ru: 'Заказ {{orderId}}: {{order.status}}.' },
        },
      },
      {
        id: 'message-2',
        type: 'message',
        position: { x: 940, y: 180 },
        data: { label: 'Not found', text: { en: 'I could not find order {{orderId}}.', ru: 'Не нашёл заказ {{orderId}}.' } },
      },
      {
        id: 'handoff-1',
        type: 'handoff',
        position: { x: 1280, y: 220 },
        data: { label: 'To support', queue: 'support', reason: 'flow', message: { en: 'Let me connect you with a colleague.', ru: 'Соединяю с коллегой.' } },
      },
      { id: 'end-1', type: 'end', position: { x: 1280, y: 20 }, data: {} },
    ],
    edges: [
      { id: 'e-start-next', source: 'start', sourceHandle: 'next', target: 'ask-1' },
      { id: 'e-ask-1-valid', source: 'ask-1', sourceHandle: 'valid', target: 'action-1' },
      { id: 'e-ask-1-invalid', source: 'ask-1', sourceHandle: 'invalid', target: 'handoff-1' },
      { id: 'e-action-1-ok', source: 'action-1', sourceHandle: 'ok', target: 'message-1' },
      { id: 'e-action-1-notFound', source: 'action-1', sourceHandle: 'notFound', target: 'message-2' },
      { id: 'e-action-1-error', source: 'action-1', sourceHandle: 'error', target: 'handoff-1' },
      { id: 'e-message-1-next', source: 'message-1', sourceHandle: 'next', target: 'end-1' },
      { id: 'e-message-2-next', source: 'message-2', sourceHandle: 'next', target: 'handoff-1' },
    ],
  };
}
