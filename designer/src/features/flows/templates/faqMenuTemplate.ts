import type { Flow } from '@switchboard/engine/schema';
import { createEmptyFlow } from './createEmptyFlow';

/** A greeting with three reply buttons: opening hours, address, or a person. */
export function faqMenuTemplate(args: { id: string; name: string }): Flow {
  const base = createEmptyFlow(args);
  return {
    ...base,
    description: 'A menu of common questions answered with reply buttons.',
    triggers: { keywords: { en: ['hi', 'hello', 'menu'], ru: ['привет', 'здравствуйте', 'меню'] }, intents: [] },
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 160 }, data: {} },
      {
        id: 'message-1',
        type: 'message',
        position: { x: 260, y: 100 },
        data: {
          label: 'Menu',
          text: { en: 'Hi {{profile.name}}! How can we help?', ru: 'Здравствуйте, {{profile.name}}! Чем помочь?' },
          buttons: [
            { id: 'hours', title: { en: 'Opening hours', ru: 'Часы работы' } },
            { id: 'address', title: { en: 'Address', ru: 'Адрес' } },
            { id: 'person', title: { en: 'Talk to a person', ru: 'Оператор' } },
          ],
        },
      },
      {
        id: 'message-2',
        type: 'message',
        position: { x: 640, y: 0 },
        data: { label: 'Hours', text: { en: 'Our opening hours: {{business.hours}}.', ru: 'Часы работы: {{business.hours}}.' } },
      },
      {
        id: 'message-3',
        type: 'message',
        position: { x: 640, y: 160 },
        data: { label: 'Address', text: { en: 'Find us at {{business.address}}.', ru: 'Наш адрес: {{business.address}}.' } },
      },
      { id: 'handoff-1', type: 'handoff', position: { x: 640, y: 320 }, data: { label: 'Person', queue: 'support', reason: 'flow' } },
      { id: 'end-1', type: 'end', position: { x: 980, y: 80 }, data: {} },
    ],
    edges: [
      { id: 'e-start-next', source: 'start', sourceHandle: 'next', target: 'message-1' },
      { id: 'e-message-1-hours', source: 'message-1', sourceHandle: 'hours', target: 'message-2' },
      { id: 'e-message-1-address', source: 'message-1', sourceHandle: 'address', target: 'message-3' },
      { id: 'e-message-1-person', source: 'message-1', sourceHandle: 'person', target: 'handoff-1' },
      { id: 'e-message-1-other', source: 'message-1', sourceHandle: 'other', target: 'handoff-1' },
      { id: 'e-message-2-next', source: 'message-2', sourceHandle: 'next', target: 'end-1' },
      { id: 'e-message-3-next', source: 'message-3', sourceHandle: 'next', target: 'end-1' },
    ],
  };
}
