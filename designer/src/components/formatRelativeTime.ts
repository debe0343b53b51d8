const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * "3 minutes ago", "yesterday", "just now" — for last-edit columns. `now` is a parameter.
 *
 * @example formatRelativeTime({ at: '2025-01-01T10:00:00Z', now: Date.parse('2025-01-01T10:05:00Z') }) // → '5 minutes ago'
 */
export function formatRelativeTime(args: { at: string | number; now: number }): string {
  const at = typeof args.at === 'number' ? args.at : Date.parse(args.at);
  if (Number.isNaN(at)) return '';
  const seconds = Math.round((at - args.now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / 60), 'minute');
}

/** A full local date and time for tooltips. */
export const formatDateTime = (at: string | number): string => {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
};
