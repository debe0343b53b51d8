import { describe, expect, it } from 'vitest';
import { fixtureFlow } from '../edits/fixtureFlow';
import { completePlaceholder, knownVariableNames, placeholderQuery } from './knownVariableNames';

describe('knownVariableNames', () => {
  it('offers built-ins and what the flow writes when an analyst types a placeholder', () => {
    const names = knownVariableNames({ ...fixtureFlow(), variables: [{ name: 'order', type: 'object' }] });
    expect(names).toContain('profile.name');
    expect(names).toContain('orderId');
    expect(names).toContain('order');
    expect(names).toEqual([...names].sort());
  });
});

describe('placeholderQuery', () => {
  it('gives the partial name when the caret is inside an open placeholder', () => {
    expect(placeholderQuery('Hi {{prof', 9)).toBe('prof');
    expect(placeholderQuery('Hi {{', 5)).toBe('');
  });

  it('gives null when the placeholder is closed or absent', () => {
    expect(placeholderQuery('Hi {{name}} there', 17)).toBeNull();
    expect(placeholderQuery('Hi', 2)).toBeNull();
  });
});

describe('completePlaceholder', () => {
  it('closes the placeholder and puts the caret after it when a suggestion is picked', () => {
    expect(completePlaceholder({ text: 'Hi {{prof!', caret: 9, name: 'profile.name' })).toEqual({ text: 'Hi {{profile.name}}!', caret: 19 });
  });

  it('replaces a half-typed closed placeholder instead of doubling the braces', () => {
    expect(completePlaceholder({ text: 'Hi {{pro}}', caret: 7, name: 'profile.name' }).text).toBe('Hi {{profile.name}}');
  });
});
