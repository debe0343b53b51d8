import { describe, expect, it } from 'vitest';
import { consentKeywordOf } from './consentKeyword.js';

describe('consentKeywordOf', () => {
  it('reads STOP and СТОП in any case, with stray punctuation, as opt-out', () => {
    for (const text of ['STOP', 'stop', ' Stop! ', 'СТОП', 'стоп.', 'Unsubscribe']) expect(consentKeywordOf({ kind: 'text', text })?.state, text).toBe('out');
  });

  it('reads START and СТАРТ as opt-in, answering in the language used', () => {
    expect(consentKeywordOf({ kind: 'text', text: 'start' })).toMatchObject({ state: 'in', reply: expect.stringContaining('STOP') });
    expect(consentKeywordOf({ kind: 'text', text: 'Старт' })).toMatchObject({ state: 'in', reply: expect.stringContaining('СТОП') });
  });

  it('ignores a sentence that only contains the word, and non-text messages', () => {
    expect(consentKeywordOf({ kind: 'text', text: "don't stop now" })).toBeNull();
    expect(consentKeywordOf({ kind: 'choice', id: 'stop', title: 'STOP' })).toBeNull();
  });
});
