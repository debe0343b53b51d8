import { describe, expect, it } from 'vitest';
import { toSvgDataUrl } from './toSvgDataUrl';

describe('toSvgDataUrl', () => {
  it('encodes the whole document so no markup survives in the URL', () => {
    const url = toSvgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/></svg>');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true);
    expect(url).not.toContain('<');
    expect(url).not.toContain('"');
  });
});
