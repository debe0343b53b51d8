import { WEEKDAYS, type Business, type Weekday } from './bot.js';

/**
 * The words opening hours are said with in one language. Kept here, beside the schema, so the
 * designer's live preview and the bot read the hours the same way (this module imports nothing but
 * the schema, so it is safe for the browser).
 */
interface HoursWords {
  days: Record<Weekday, string>;
  /** Joins the last two intervals of a day: "9:00–13:00 and 14:00–18:00". */
  and: string;
  /** A run of closed days; `several` when it spans more than one day (Russian inflects it). */
  closed: (days: string, several: boolean) => string;
  /** A day open from 00:00 to 23:59. */
  allDay: string;
  /** Every day the same hours: "daily 9:00–18:00". */
  daily: string;
  /** No hours at all, which `isOpen` reads as always open. */
  always: string;
}

const EN: HoursWords = {
  days: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
  and: ' and ',
  closed: (days) => `${days} closed`,
  allDay: '24 hours',
  daily: 'daily',
  always: '24/7',
};

const RU: HoursWords = {
  days: { mon: 'пн', tue: 'вт', wed: 'ср', thu: 'чт', fri: 'пт', sat: 'сб', sun: 'вс' },
  and: ' и ',
  closed: (days, several) => `${days} — ${several ? 'выходные' : 'выходной'}`,
  allDay: 'круглосуточно',
  daily: 'ежедневно',
  always: 'круглосуточно, без выходных',
};

const WORDS: Readonly<Record<string, HoursWords>> = { en: EN, ru: RU };

/** "ru-RU" reads as "ru"; a language without words of its own reads as English. */
const wordsFor = (locale: string): HoursWords => WORDS[locale] ?? WORDS[locale.split('-')[0] ?? ''] ?? EN;

/** "09:00" → "9:00": how people write hours in both languages. */
const clock = (hhmm: string): string => hhmm.replace(/^0(?=\d:)/, '');

type Interval = { open: string; close: string };

function dayText(intervals: readonly Interval[], words: HoursWords): string {
  const parts = [...intervals]
    .sort((a, b) => a.open.localeCompare(b.open))
    .map((i) => (i.open === '00:00' && i.close === '23:59' ? words.allDay : `${clock(i.open)}–${clock(i.close)}`));
  const last = parts.pop();
  if (last === undefined) return '';
  return parts.length === 0 ? last : `${parts.join(', ')}${words.and}${last}`;
}

/**
 * The opening hours as a customer reads them, in a locale (unknown locales read as English): runs of
 * days with the same hours are grouped, closed days are said as closed, and a business without any
 * hours reads as always open (as `isOpen` treats it). The same hours and locale always give the same
 * text, so callers may cache it.
 *
 * @example
 * describeHours(demo, 'en') // → "Mon–Fri 9:00–18:00, Sat 10:00–16:30, Sun closed"
 * describeHours(demo, 'ru') // → "пн–пт 9:00–18:00, сб 10:00–16:30, вс — выходной"
 */
export function describeHours(business: Pick<Business, 'openingHours'>, locale = 'en'): string {
  const words = wordsFor(locale);
  const days = WEEKDAYS.map((day) => ({ day, text: dayText(business.openingHours[day] ?? [], words) }));
  const first = days[0]?.text ?? '';
  if (days.every((d) => d.text === first)) {
    if (first === '' || first === words.allDay) return words.always;
    return `${words.daily} ${first}`;
  }
  const runs: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1]?.text === days[i]?.text) j += 1;
    const from = days[i];
    const to = days[j];
    if (from && to) {
      const label = j > i ? `${words.days[from.day]}–${words.days[to.day]}` : words.days[from.day];
      runs.push(from.text ? `${label} ${from.text}` : words.closed(label, j > i));
    }
    i = j + 1;
  }
  // Three intervals in a day already use commas ("9:00–11:00, 12:00–13:00 and 14:00–18:00"), so
  // days are then kept apart by semicolons.
  return runs.join(runs.some((r) => r.includes(',')) ? '; ' : ', ');
}
