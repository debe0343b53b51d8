import { describe, expect, it } from 'vitest';
import { expandVariables } from './expandVariables.js';

describe('expandVariables', () => {
  it('fills names, nested values and numbers', () => {
    expect(expandVariables('Hi {{name}}, order {{ orderId }} is {{order.status}} ({{rating}}/5)', { name: 'Ann', orderId: 'ORD-1', order: { status: 'shipped' }, rating: 4 })).toBe(
      'Hi Ann, order ORD-1 is shipped (4/5)',
    );
  });

  it('leaves unknown or non-scalar variables as written so the operator sees the gap', () => {
    expect(expandVariables('{{missing}} {{order}}', { order: { id: 1 } })).toBe('{{missing}} {{order}}');
  });
});
