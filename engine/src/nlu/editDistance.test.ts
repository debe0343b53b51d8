import { describe, expect, it } from 'vitest';
import { editDistance } from './editDistance.js';

describe('editDistance', () => {
  it('counts one edit when a letter is doubled, dropped or swapped', () => {
    expect(editDistance('bokking', 'booking', 2)).toBe(1);
    expect(editDistance('reservaton', 'reservation', 2)).toBe(1);
    expect(editDistance('ordre', 'order', 2)).toBe(1);
  });

  it('reports max + 1 when the distance exceeds the bound', () => {
    expect(editDistance('or', 'order', 1)).toBe(2);
    expect(editDistance('menu', 'operator', 2)).toBe(3);
  });

  it('returns 0 when the strings are equal', () => {
    expect(editDistance('заказ', 'заказ', 0)).toBe(0);
  });
});
