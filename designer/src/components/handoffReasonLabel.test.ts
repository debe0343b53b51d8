import { describe, expect, it } from 'vitest';
import { handoffReasonLabel } from './handoffReasonLabel';

describe('handoffReasonLabel', () => {
  it('reads a known reason in words', () => {
    expect(handoffReasonLabel('bot-error')).toBe('Bot error');
    expect(handoffReasonLabel('requested')).toBe('Customer asked');
  });

  it('shows an unknown reason as it is stored', () => {
    expect(handoffReasonLabel('vipCallback')).toBe('vipCallback');
  });
});
