import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { request } from '../../api/http';
import { lastDays, todayIn } from './formatStats';
import type { StatsPeriod } from './statsApi';

const SettingsSchema = z.object({ settings: z.object({ business: z.object({ timeZone: z.string() }).partial().optional() }) });
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The business's time zone from the bot settings (UTC until known or when unreadable). */
export function useBusinessTimeZone(): string {
  const settings = useQuery({
    queryKey: ['settings', 'bot', 'timeZone'],
    queryFn: () => request('/api/settings/bot', { schema: SettingsSchema }),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return settings.data?.settings.business?.timeZone ?? 'UTC';
}

/**
 * The period the analytics views show, kept in the address (`?from=&to=&tz=`) so a view can be
 * shared or reloaded as it is. Defaults to the last 30 days in the business's zone.
 */
export function usePeriod(): [StatsPeriod, (next: Partial<StatsPeriod>) => void] {
  const [params, setParams] = useSearchParams();
  const businessZone = useBusinessTimeZone();
  const timeZone = params.get('tz') || businessZone;
  const from = params.get('from');
  const to = params.get('to');
  const period = useMemo<StatsPeriod>(() => {
    if (from && to && DAY.test(from) && DAY.test(to)) return { from, to, timeZone };
    return { ...lastDays(todayIn(timeZone), 30), timeZone };
  }, [from, to, timeZone]);
  const setPeriod = useCallback(
    (next: Partial<StatsPeriod>) => {
      setParams(
        (current) => {
          const merged = new URLSearchParams(current);
          const value = { ...period, ...next };
          merged.set('from', value.from);
          merged.set('to', value.to);
          merged.set('tz', value.timeZone);
          return merged;
        },
        { replace: true },
      );
    },
    [period, setParams],
  );
  return [period, setPeriod];
}
