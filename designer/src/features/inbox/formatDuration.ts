/** A short, ticking-friendly reading of a duration: "45s", "12m", "3h 05m", "2d 4h". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

export type WindowState =
  | { kind: 'never'; label: string }
  | { kind: 'closed'; label: string }
  | { kind: 'open'; label: string; urgent: boolean };

/** The 24-hour customer-service window as the operator reads it; urgent in its last hour. */
export function toWindowState(endsAt: number | null, now: number): WindowState {
  if (endsAt === null) return { kind: 'never', label: 'The customer has not written yet' };
  const left = endsAt - now;
  if (left <= 0) return { kind: 'closed', label: 'Window closed' };
  return { kind: 'open', label: `${formatDuration(left)} left`, urgent: left < 60 * 60_000 };
}
