import { ActionIcon, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { addInterval, removeInterval, setDayOpen, setInterval } from './openingHours';
import { WEEKDAYS, type BusinessProfile } from './settingsApi';

const DAY_NAMES: Record<(typeof WEEKDAYS)[number], string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
type Hours = BusinessProfile['openingHours'];

/** One row per weekday: open or closed, and its intervals. */
export function OpeningHoursEditor({ hours, onChange, disabled }: { hours: Hours; onChange: (hours: Hours) => void; disabled: boolean }) {
  return (
    <Stack gap={6}>
      {WEEKDAYS.map((day) => {
        const intervals = hours[day] ?? [];
        return (
          <Group key={day} gap="sm" align="center" wrap="nowrap" mih={34}>
            <Switch w={150} label={DAY_NAMES[day]} checked={intervals.length > 0} onChange={(e) => onChange(setDayOpen(hours, day, e.currentTarget.checked))} disabled={disabled} />
            {intervals.length === 0 && <Text size="sm" c="dimmed">Closed</Text>}
            {intervals.map((it, i) => (
              <Group key={i} gap={4} wrap="nowrap">
                <TextInput size="xs" type="time" aria-label={`${DAY_NAMES[day]} opens`} value={it.open} onChange={(e) => onChange(setInterval(hours, day, i, { ...it, open: e.currentTarget.value }))} disabled={disabled} error={it.close <= it.open} />
                <Text size="xs" c="dimmed">–</Text>
                <TextInput size="xs" type="time" aria-label={`${DAY_NAMES[day]} closes`} value={it.close} onChange={(e) => onChange(setInterval(hours, day, i, { ...it, close: e.currentTarget.value }))} disabled={disabled} error={it.close <= it.open} />
                {!disabled && (
                  <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => onChange(removeInterval(hours, day, i))} aria-label="Remove interval">
                    <IconX size={14} />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {intervals.length > 0 && intervals.length < 3 && !disabled && (
              <ActionIcon variant="subtle" size="sm" onClick={() => onChange(addInterval(hours, day))} aria-label={`Add an interval on ${DAY_NAMES[day]}`}>
                <IconPlus size={14} />
              </ActionIcon>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
