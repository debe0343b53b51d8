import { describe, expect, it } from 'vitest';
import { truncateText } from './truncateText.js';

describe('truncateText', () => {
  it('returns the text unchanged when it fits', () => {
    expect(truncateText('Yes', 20)).toBe('Yes');
    expect(truncateText('a'.repeat(20), 20)).toBe('a'.repeat(20));
  });

  it('cuts and ends with an ellipsis when the text is too long', () => {
    expect(truncateText('Express delivery tomorrow', 20)).toBe('Express delivery to…');
  });

  it('drops trailing spaces before the ellipsis when the cut falls after a word', () => {
    expect(truncateText('Standard delivery in five days', 10)).toBe('Standard…');
  });

  it('keeps grapheme clusters whole when an emoji straddles the limit', () => {
    const family = '👨‍👩‍👧';
    const result = truncateText(`ab${family}cd`, 6);
    expect(result).toBe('ab…');
    expect(result.length).toBeLessThanOrEqual(6);
  });

  it('returns an empty string when the limit cannot hold even the ellipsis', () => {
    expect(truncateText('abc', 0)).toBe('');
  });
});
