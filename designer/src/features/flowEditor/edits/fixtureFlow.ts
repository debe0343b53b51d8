import type { Flow, FlowEdge, FlowNode } from '@switchboard/engine/schema';

/** A small valid flow for tests: start → ask → message (with two buttons). */
export function fixtureFlow(extra: { nodes?: FlowNode[]; edges?: FlowEdge[] } = {}): Flow {
  return {
    schemaVersion: 1,
    id: 'orders',
    name: 'Orders',
    description: '',
    locales: ['en', 'ru'],
    triggers: { keywords: {}, intents: [] },
    intents: [],
    variables: [],
    settings: {},
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'ask-1',
        type: 'ask',
        position: { x: 300, y: 0 },
        data: { prompt: { en: 'Order number?', ru: 'Номер заказа?' }, variable: 'orderId', validator: { type: 'text' }, maxAttempts: 3 },
      },
      {
        id: 'message-1',
        type: 'message',
        position: { x: 600, y: 0 },
        data: {
          text: { en: 'Anything else?', ru: 'Что-то ещё?' },
          buttons: [
            { id: 'yes', title: { en: 'Yes', ru: 'Да' } },
            { id: 'no', title: { en: 'No', ru: 'Нет' } },
          ],
        },
      },
      ...(extra.nodes ?? []),
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask-1' },
      { id: 'e2', source: 'ask-1', sourceHandle: 'valid', target: 'message-1' },
      ...(extra.edges ?? []),
    ],
  };
}
