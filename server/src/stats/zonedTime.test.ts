import { describe, expect, it } from 'vitest';
import { daysBetween, offsetAt, startOfDay, toLocalTime } from './zonedTime.js';
import { parseStatsRange } from './statsRange.js';

describe('zonedTime', () => {
  it('puts 23:30 UTC on the next day in Moscow (UTC+3 all year)', () => {
    const ms = Date.UTC(2025, 2, 10, 23, 30);
    expect(toLocalTime(ms, 'Europe/Moscow')).toEqual({ day: '2025-03-11', weekday: 1, hour: 2, minute: 30 });
    expect(toLocalTime(ms, 'UTC')).toEqual({ day: '2025-03-10', weekday: 0, hour: 23, minute: 30 });
  });

  it('starts a Moscow day at 21:00 UTC the day before, summer and winter alike', () => {
    expect(startOfDay('2025-03-11', 'Europe/Moscow')).toBe(Date.UTC(2025, 2, 10, 21));
    expect(startOfDay('2025-07-01', 'Europe/Moscow')).toBe(Date.UTC(2025, 5, 30, 21));
  });

  it('follows DST in Berlin: a 23-hour day in March and a 25-hour day in October', () => {
    expect(startOfDay('2025-03-30', 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 29, 23));
    expect(startOfDay('2025-03-31', 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 30, 22));
    expect(startOfDay('2025-10-26', 'Europe/Berlin')).toBe(Date.UTC(2025, 9, 25, 22));
    expect(startOfDay('2025-10-27', 'Europe/Berlin')).toBe(Date.UTC(2025, 9, 26, 23));
    expect(offsetAt(Date.UTC(2025, 2, 30, 0, 59), 'Europe/Berlin')).toBe(3_600_000);
    expect(offsetAt(Date.UTC(2025, 2, 30, 1, 0), 'Europe/Berlin')).toBe(7_200_000);
  });

  it('starts days in New York across its DST change', () => {
    expect(startOfDay('2025-03-09', 'America/New_York')).toBe(Date.UTC(2025, 2, 9, 5));
    expect(startOfDay('2025-03-10', 'America/New_York')).toBe(Date.UTC(2025, 2, 10, 4));
  });

  it('handles half-hour zones exactly at the instant level', () => {
    expect(startOfDay('2025-03-10', 'Asia/Kolkata')).toBe(Date.UTC(2025, 2, 9, 18, 30));
  });

  it('lists the days of a range, both ends included', () => {
    expect(daysBetween('2025-02-27', '2025-03-02')).toEqual(['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02']);
  });
});

describe('parseStatsRange', () => {
  const defaults = { timeZone: 'Europe/Moscow', now: Date.UTC(2025, 2, 10, 22) };

  it('covers whole local days from the start of "from" to the end of "to"', () => {
    expect(parseStatsRange({ from: '2025-03-10', to: '2025-03-11' }, defaults)).toEqual({
      fromDay: '2025-03-10',
      toDay: '2025-03-11',
      timeZone: 'Europe/Moscow',
      from: Date.UTC(2025, 2, 9, 21),
      to: Date.UTC(2025, 2, 11, 21),
      days: ['2025-03-10', '2025-03-11'],
    });
  });

  it('defaults to the last 30 days ending today in the zone', () => {
    const range = parseStatsRange({}, defaults);
    expect(range.toDay).toBe('2025-03-11');
    expect(range.days).toHaveLength(30);
  });

  it('refuses unknown zones, bad dates and reversed ranges with stats/bad-range', () => {
    expect(() => parseStatsRange({ tz: 'Mars/Olympus' }, defaults)).toThrow(expect.objectContaining({ code: 'stats/bad-range' }));
    expect(() => parseStatsRange({ from: '10.03.2025' }, defaults)).toThrow(expect.objectContaining({ code: 'stats/bad-range' }));
    expect(() => parseStatsRange({ from: '2025-03-12', to: '2025-03-10' }, defaults)).toThrow(expect.objectContaining({ code: 'stats/bad-range' }));
  });
});
