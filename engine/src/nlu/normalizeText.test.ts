import { describe, expect, it } from 'vitest';
import { expandShorthand, normalizeText, tokenize } from './normalizeText.js';

describe('normalizeText', () => {
  it('lower-cases, drops punctuation and collapses whitespace when text is messy', () => {
    expect(normalizeText('  Where is   my ORDER?!\n')).toBe('where is my order');
  });

  it('folds ё into е when text is Russian', () => {
    expect(normalizeText('Ещё ЁЛКА')).toBe('еще елка');
  });

  it('applies NFKC when text has compatibility characters', () => {
    // Full-width Latin letters and the "ﬁ" ligature become plain letters.
    expect(normalizeText('ＯＲＤＥＲ ﬁle')).toBe('order file');
  });

  it('joins apostrophes instead of splitting on them when text has contractions', () => {
    expect(normalizeText("Where's it? I don’t know")).toBe('wheres it i dont know');
  });

  it('removes emoji and symbols when text has them', () => {
    expect(normalizeText('thanks 👍 — ok…')).toBe('thanks ok');
  });
});

describe('tokenize', () => {
  it('returns no tokens when normalised text is empty', () => {
    expect(tokenize(normalizeText(' ?! '))).toEqual([]);
  });

  it('splits on spaces when text has words', () => {
    expect(tokenize('где мой заказ')).toEqual(['где', 'мой', 'заказ']);
  });
});

describe('expandShorthand', () => {
  it('spells out chat shorthand and leaves other words alone', () => {
    expect(['thx', 'pls', 'u', 'спс', 'пж', 'щас', 'order', 'ты'].map(expandShorthand)).toEqual(['thanks', 'please', 'you', 'спасибо', 'пожалуйста', 'сейчас', 'order', 'ты']);
  });
});
