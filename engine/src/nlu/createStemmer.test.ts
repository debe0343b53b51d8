import { describe, expect, it } from 'vitest';
import { createStemmer } from './createStemmer.js';

describe('createStemmer', () => {
  it('stems English words with Porter when the word is Latin', () => {
    const { stem } = createStemmer();
    expect(['booking', 'bookings', 'booked'].map(stem)).toEqual(['book', 'book', 'book']);
  });

  it('stems Russian words with Porter RU when the word is Cyrillic', () => {
    const { stem } = createStemmer();
    expect(['заказ', 'заказы', 'заказом', 'заказа'].map(stem)).toEqual(['заказ', 'заказ', 'заказ', 'заказ']);
  });

  it('leaves words with digits alone when they look like ids', () => {
    expect(createStemmer().stem('ord5521')).toBe('ord5521');
  });

  it('gives the same stems when its cache starts over', () => {
    const stemmer = createStemmer({ maxCacheSize: 2 });
    const words = ['orders', 'tables', 'доставка', 'orders', 'доставка'];
    expect(words.map(stemmer.stem)).toEqual(['order', 'tabl', 'доставк', 'order', 'доставк']);
  });
});
