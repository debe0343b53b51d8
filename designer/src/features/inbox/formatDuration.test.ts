import { describe, expect, it } from 'vitest';
import { formatDuration, toWindowState } from './formatDuration';

describe('formatDuration', () => {
  it('reads seconds, minutes, hours and days', () => {
    expect(formatDuration(4_200)).toBe('4s');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12m');
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe('3h 05m');
    expect(formatDuration(50 * 3_600_000)).toBe('2d 2h');
  });

  it('never shows a negative duration', () => {
    expect(formatDuration(-5_000)).toBe('0s');
  });
});

describe('toWindowState', () => {
  const now = 1_000_000_000;

  it('counts down while the window is open and turns urgent in the last hour', () => {
    expect(toWindowState(now + 5 * 3_600_000, now)).toEqual({ kind: 'open', label: '5h 00m left', urgent: false });
    expect(toWindowState(now + 30 * 60_000, now)).toEqual({ kind: 'open', label: '30m left', urgent: true });
  });

  it('is closed when the end has passed and never-opened when the customer never wrote', () => {
    expect(toWindowState(now - 1, now).kind).toBe('closed');
    expect(toWindowState(null, now).kind).toBe('never');
  });
});
