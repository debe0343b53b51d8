import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { lastDays, todayIn } from './formatStats';
import type { StatsPeriod } from './statsApi';

const PRESETS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
];

function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...known])];
}

/** Date range and time zone: on every analytics view and in the editor's overlay. */
export function PeriodBar({ period, onChange, compact = false }: { period: StatsPeriod; onChange: (next: Partial<StatsPeriod>) => void; compact?: boolean }) {
  const zones = useMemo(() => timeZones(period.timeZone), [period.timeZone]);
  const today = todayIn(period.timeZone);
  const preset = PRESETS.find((p) => {
    const range = lastDays(today, Number(p.value));
    return range.from === period.from && range.to === period.to;
  });
  return (
    <Group gap="sm" wrap="wrap" data-testid="stats-period">
      <SegmentedControl
        size="xs"
        data={PRESETS}
        value={preset?.value ?? ''}
        onChange={(days) => onChange(lastDays(today, Number(days)))}
        data-testid="stats-period-preset"
      />
      {!compact && (
        <>
          <TextInput
            size="xs"
            type="date"
            aria-label="From"
            value={period.from}
            max={period.to}
            onChange={(e) => e.currentTarget.value && onChange({ from: e.currentTarget.value })}
            data-testid="stats-period-from"
          />
          <TextInput
            size="xs"
            type="date"
            aria-label="To"
            value={period.to}
            min={period.from}
            onChange={(e) => e.currentTarget.value && onChange({ to: e.currentTarget.value })}
            data-testid="stats-period-to"
          />
        </>
      )}
      <Select
        size="xs"
        w={compact ? 160 : 200}
        searchable
        aria-label="Time zone"
        data={zones}
        value={period.timeZone}
        onChange={(tz) => tz && onChange({ timeZone: tz })}
        allowDeselect={false}
        data-testid="stats-period-tz"
      />
    </Group>
  );
}
