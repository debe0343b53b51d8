import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('keeps plain text as one segment when there is no link', () => {
    expect(linkify('Hello <b>there</b>')).toEqual([{ kind: 'text', text: 'Hello <b>there</b>' }]);
  });

  it('splits out links and leaves trailing punctuation outside when a sentence ends with a URL', () => {
    expect(linkify('Track it at https://shop.example/track?id=1.')).toEqual([
      { kind: 'text', text: 'Track it at ' },
      { kind: 'link', text: 'https://shop.example/track?id=1', href: 'https://shop.example/track?id=1' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('adds https to www links when there is no scheme', () => {
    expect(linkify('www.example.com')).toEqual([{ kind: 'link', text: 'www.example.com', href: 'https://www.example.com' }]);
  });

  it('never turns javascript: text into a link', () => {
    expect(linkify('javascript:alert(1)').every((s) => s.kind === 'text')).toBe(true);
  });
});
