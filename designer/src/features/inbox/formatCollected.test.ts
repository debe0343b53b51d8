import { describe, expect, it } from 'vitest';
import { formatCollected, humanizeName } from './formatCollected';

describe('formatCollected', () => {
  it('shows scalars as they are and objects as JSON text', () => {
    expect(formatCollected('A-17')).toBe('A-17');
    expect(formatCollected(3)).toBe('3');
    expect(formatCollected({ status: 'paid' })).toBe('{"status":"paid"}');
    expect(formatCollected('<script>')).toBe('<script>');
  });
});

describe('humanizeName', () => {
  it('turns variable names into labels', () => {
    expect(humanizeName('orderId')).toBe('Order id');
    expect(humanizeName('delivery_date')).toBe('Delivery date');
  });
});
