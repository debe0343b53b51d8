import { describe, expect, it } from 'vitest';
import { createNode } from '../edits';
import { fixtureFlow } from '../edits/fixtureFlow';
import { formatMinutes, summarizeNode } from './summarizeNode';

const node = (id: string) => {
  const found = fixtureFlow().nodes.find((n) => n.id === id);
  if (!found) throw new Error(`fixture has no ${id}`);
  return found;
};

describe('summarizeNode', () => {
  it('shows the text in the chosen locale when it is translated', () => {
    expect(summarizeNode(node('message-1'), 'ru')[0]).toBe('Что-то ещё?');
  });

  it('falls back to another translation when the locale is empty', () => {
    const ask = node('ask-1');
    if (ask.type !== 'ask') throw new Error('fixture changed');
    expect(summarizeNode({ ...ask, data: { ...ask.data, prompt: { en: 'Order?', ru: '' } } }, 'ru')[0]).toBe('Order?');
  });

  it('lists rule summaries when the node is a route', () => {
    const route = {
      id: 'r',
      type: 'route' as const,
      position: { x: 0, y: 0 },
      data: {
        rules: [
          { id: 'a', kind: 'keyword' as const, keywords: { en: ['refund', 'money back'] } },
          { id: 'b', kind: 'variable' as const, variable: 'order.total', op: 'gt' as const, value: 100 },
        ],
      },
    };
    expect(summarizeNode(route, 'en')).toEqual(['says “refund”, “money back”', 'order.total > 100']);
  });

  it('teaches what is missing when a fresh node is empty', () => {
    expect(summarizeNode(createNode({ id: 'm', type: 'message', position: { x: 0, y: 0 }, locales: ['en'] }), 'en')).toEqual(['No text yet']);
  });
});

describe('formatMinutes', () => {
  it('uses the largest readable unit', () => {
    expect(formatMinutes(30)).toBe('30 min');
    expect(formatMinutes(90)).toBe('1.5 h');
    expect(formatMinutes(2880)).toBe('2 d');
  });
});
