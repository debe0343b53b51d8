import { z } from 'zod';
import { AppError } from '../http/AppError.js';
import { daysBetween, isTimeZone, nextDay, startOfDay } from './zonedTime.js';

/** A span of whole local days in a time zone, as the instants [from, to) it covers. */
export interface StatsRange {
  fromDay: string;
  toDay: string;
  timeZone: string;
  from: number;
  to: number;
  days: string[];
}

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const MAX_DAYS = 366;

/**
 * Reads `from`, `to` (local days, both included) and `tz` from a query, defaulting to the last 30
 * days in the business's zone. Fails with `stats/bad-range` saying what is wrong.
 */
export function parseStatsRange(query: Record<string, unknown>, defaults: { timeZone: string; now: number }): StatsRange {
  const timeZone = typeof query.tz === 'string' && query.tz !== '' ? query.tz : defaults.timeZone;
  if (!isTimeZone(timeZone)) throw badRange(`Unknown time zone "${timeZone}". Use an IANA name such as Europe/Moscow.`);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(defaults.now));
  const toDay = parseDay(query.to, 'to') ?? today;
  const fromDay = parseDay(query.from, 'from') ?? daysBack(toDay, 29);
  if (fromDay > toDay) throw badRange('"from" is after "to".');
  const days = daysBetween(fromDay, toDay);
  if (days.length > MAX_DAYS) throw badRange(`At most ${MAX_DAYS} days at a time.`);
  return { fromDay, toDay, timeZone, from: startOfDay(fromDay, timeZone), to: startOfDay(nextDay(toDay), timeZone), days };
}

function parseDay(raw: unknown, name: string): string | null {
  if (raw === undefined || raw === '') return null;
  const parsed = Day.safeParse(raw);
  if (!parsed.success || Number.isNaN(Date.parse(parsed.data))) throw badRange(`"${name}" must be a date as YYYY-MM-DD.`);
  return parsed.data;
}

function daysBack(day: string, n: number): string {
  return new Date(Date.parse(day) - n * 86_400_000).toISOString().slice(0, 10);
}

function badRange(message: string): AppError {
  return new AppError({ code: 'stats/bad-range', message, httpStatus: 400 });
}
