import { describe, expect, it } from 'vitest';
import { formatDuration, formatRate, lastDays, todayIn } from './formatStats';

describe('formatStats', () => {
  it('formats durations at the scale people read them', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(180_000)).toBe('3 min');
    expect(formatDuration(80 * 60_000)).toBe('1 h 20 min');
    expect(formatDuration(52 * 3_600_000)).toBe('2 d 4 h');
  });

  it('formats rates as percentages', () => {
    expect(formatRate(0.875)).toBe('87.5%');
    expect(formatRate(null)).toBe('—');
  });

  it('counts days back from today, both ends included', () => {
    expect(lastDays('2025-03-10', 7)).toEqual({ from: '2025-03-04', to: '2025-03-10' });
  });

  it('knows the local day in a zone', () => {
    expect(todayIn('Europe/Moscow', Date.UTC(2025, 2, 10, 23, 30))).toBe('2025-03-11');
  });
});
