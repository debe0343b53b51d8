import { describe, expect, it } from 'vitest';
import { checkRegexSafety } from './checkRegexSafety.js';

describe('checkRegexSafety', () => {
  it.each(['(a+)+$', '(a*)*b', '(a|a)*', '(.*a){20}', '(\\w+\\s?)+$', '^(a|aa)+$', '^(\\w+\\s?){1,5}$', '(x|\\bx)+$'])(
    'rejects %s because it can backtrack catastrophically',
    (pattern) => {
      expect(checkRegexSafety(pattern).kind).toBe('unsafe');
      expect(checkRegexSafety(pattern, 'iu').kind).toBe('unsafe');
    },
  );

  it.each([
    '^(?:bk[\\s-]?)?(\\d{5})$',
    '^ORD-?\\d+$',
    '\\b(refund|return)\\b',
    '(refund|return)+',
    '(?:order|заказ)\\s*#?\\s*(\\d+)',
    '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$',
    '^(\\d{1,3}\\.){3}\\d{1,3}$',
    '(\\d+,)+x',
    'a/b',
  ])('accepts the ordinary regex %s', (pattern) => {
    expect(checkRegexSafety(pattern, 'i')).toEqual({ kind: 'safe' });
  });

  it('calls a regex that does not compile invalid, with the reason', () => {
    const verdict = checkRegexSafety('(ORD-\\d+');
    expect(verdict.kind).toBe('invalid');
    expect(verdict.kind === 'invalid' && verdict.reason).toMatch(/unterminated group/i);
  });

  it('judges the pattern under its flags', () => {
    expect(checkRegexSafety('\\p{L}+', 'u')).toEqual({ kind: 'safe' });
    expect(checkRegexSafety('\\u{1F600', 'u').kind).toBe('invalid');
  });

  it('gives the same verdict again for the same regex', () => {
    expect(checkRegexSafety('^(a|aa)+$')).toEqual(checkRegexSafety('^(a|aa)+$'));
  });
});
