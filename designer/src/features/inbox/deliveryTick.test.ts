import { describe, expect, it } from 'vitest';
import { laterState, toTick } from './deliveryTick';

describe('toTick', () => {
  it('maps outbound states to ticks and shows none for the customer', () => {
    expect(toTick({ direction: 'out', state: 'queued' })).toBe('pending');
    expect(toTick({ direction: 'out', state: 'sent' })).toBe('sent');
    expect(toTick({ direction: 'out', state: 'delivered' })).toBe('delivered');
    expect(toTick({ direction: 'out', state: 'read' })).toBe('read');
    expect(toTick({ direction: 'out', state: 'failed' })).toBe('failed');
    expect(toTick({ direction: 'in', state: 'processed' })).toBe('none');
  });
});

describe('laterState', () => {
  it('keeps read when a late delivered status arrives', () => {
    expect(laterState('read', 'delivered')).toBe('read');
    expect(laterState('sent', 'read')).toBe('read');
    expect(laterState('sent', 'failed')).toBe('failed');
  });
});
