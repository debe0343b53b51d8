import { describe, expect, it } from 'vitest';
import { FLOW_ID_PATTERN, toFlowId } from './toFlowId';

describe('toFlowId', () => {
  it('lowercases and dashes a name when it has spaces and punctuation', () => {
    expect(toFlowId('Order status (EN)')).toBe('order-status-en');
  });

  it('transliterates Cyrillic when the name is Russian', () => {
    expect(toFlowId('Статус заказа')).toBe('status-zakaza');
  });

  it('always gives an id the schema accepts when the name has letters', () => {
    for (const name of ['  Hello  ', 'Ünïcode café', '--x--', 'FAQ: delivery & returns']) {
      expect(toFlowId(name)).toMatch(FLOW_ID_PATTERN);
    }
  });
});
