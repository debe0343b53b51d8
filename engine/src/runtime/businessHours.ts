import { WEEKDAYS, type Business, type Weekday } from '../schema/index.js';

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

const DAY_NAMES: Record<string, Record<Weekday, string>> = {
  en: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
  ru: { mon: 'Пн', tue: 'Вт', wed: 'Ср', thu: 'Чт', fri: 'Пт', sat: 'Сб', sun: 'Вс' },
};

/**
 * A one-line summary of the opening hours in a locale, e.g. "Mon–Fri 09:00–18:00, Sat 10:00–16:30"
 * or "Пн–Пт 09:00–18:00, Сб 10:00–16:30".
 */
export function describeHours(business: Business, locale = 'en'): string {
  const names = DAY_NAMES[locale] ?? DAY_NAMES.en;
  const label = (d: Weekday) => names?.[d] ?? d;
  const spans = WEEKDAYS.map((d) => ({ d, v: (business.openingHours[d] ?? []).map((i) => `${i.open}–${i.close}`).join(', ') }));
  const out: string[] = [];
  for (let i = 0; i < spans.length; ) {
    const cur = spans[i];
    if (!cur) break;
    let j = i;
    while (j + 1 < spans.length && spans[j + 1]?.v === cur.v) j += 1;
    const last = spans[j];
    if (cur.v && last) out.push(`${label(cur.d)}${j > i ? `–${label(last.d)}` : ''} ${cur.v}`);
    i = j + 1;
  }
  return out.join(', ');
}
