import { WEEKDAYS, type BusinessProfile, type OpeningInterval, type Weekday } from './settingsApi';

type Hours = BusinessProfile['openingHours'];

export const DEFAULT_INTERVAL: OpeningInterval = { open: '09:00', close: '18:00' };

/** Opens a day with office hours, or closes it (a missing day is closed). */
export function setDayOpen(hours: Hours, day: Weekday, open: boolean): Hours {
  if (open) return { ...hours, [day]: hours[day]?.length ? hours[day] : [DEFAULT_INTERVAL] };
  return Object.fromEntries(Object.entries(hours).filter(([d]) => d !== day));
}

/** Replaces one interval of a day. */
export function setInterval(hours: Hours, day: Weekday, index: number, interval: OpeningInterval): Hours {
  return { ...hours, [day]: (hours[day] ?? []).map((it, i) => (i === index ? interval : it)) };
}

/** Adds a second (third …) interval, e.g. after a lunch break. */
export function addInterval(hours: Hours, day: Weekday): Hours {
  const last = hours[day]?.at(-1);
  return { ...hours, [day]: [...(hours[day] ?? []), { open: last?.close ?? '13:00', close: '18:00' }] };
}

export function removeInterval(hours: Hours, day: Weekday, index: number): Hours {
  const rest = (hours[day] ?? []).filter((_, i) => i !== index);
  return rest.length ? { ...hours, [day]: rest } : setDayOpen(hours, day, false);
}

/** Problems the server would refuse: an interval that closes before it opens. */
export const invalidIntervals = (hours: Hours): Weekday[] => WEEKDAYS.filter((day) => (hours[day] ?? []).some((i) => i.close <= i.open));
