import { WEEKDAYS, type Business, type Weekday } from '../schema/index.js';

// The hours are described beside the schema so the designer can preview them; the runtime keeps
// importing the describer from here.
export { describeHours } from '../schema/describeHours.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The weekday and minutes since midnight at `now` in a time zone. */
export function localTime(now: number, timeZone: string): { weekday: Weekday; minutes: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatterFor(timeZone).formatToParts(now);
  } catch {
    parts = formatterFor('UTC').formatToParts(now);
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAYS.find((d) => d === get('weekday').slice(0, 3).toLowerCase()) ?? 'mon';
  return { weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether the business is open at `now`. A business with no opening hours at all is always open.
 *
 * @example isOpen(business, Date.parse('2026-11-23T07:00:00Z')) // Monday 10:00 in Moscow → true
 */
export function isOpen(business: Business, now: number): boolean {
  const days = Object.values(business.openingHours);
  if (days.every((intervals) => !intervals || intervals.length === 0)) return true;
  const { weekday, minutes } = localTime(now, business.timeZone);
  return (business.openingHours[weekday] ?? []).some((i) => minutes >= toMinutes(i.open) && minutes < toMinutes(i.close));
}
