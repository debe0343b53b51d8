import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './formatRelativeTime';

const now = Date.parse('2025-03-10T12:00:00Z');

describe('formatRelativeTime', () => {
  it('says just now when the edit is seconds old', () => {
    expect(formatRelativeTime({ at: '2025-03-10T11:59:50Z', now })).toBe('just now');
  });

  it('counts minutes and days when the edit is older', () => {
    expect(formatRelativeTime({ at: '2025-03-10T11:55:00Z', now })).toBe('5 minutes ago');
    expect(formatRelativeTime({ at: '2025-03-09T12:00:00Z', now })).toBe('yesterday');
  });

  it('accepts epoch milliseconds and gives nothing for an unreadable date', () => {
    expect(formatRelativeTime({ at: now - 2 * 3600_000, now })).toBe('2 hours ago');
    expect(formatRelativeTime({ at: 'soon', now })).toBe('');
  });
});
