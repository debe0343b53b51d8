import { Box, Card, Group, Text, Tooltip } from '@mantine/core';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Weekday × hour grid, darker where more chats came in (local time of the chosen zone). */
export function WeekHourHeatmap({ cells, timeZone }: { cells: readonly { weekday: number; hour: number; n: number }[]; timeZone: string }) {
  const counts = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c.n]));
  const max = Math.max(1, ...cells.map((c) => c.n));
  return (
    <Card withBorder padding="sm" data-testid="stats-heatmap">
      <Text fw={600} size="sm" mb="xs">
        Incoming chats by weekday and hour ({timeZone})
      </Text>
      <Box style={{ display: 'grid', gridTemplateColumns: '36px repeat(24, 1fr)', gap: 2 }}>
        <span />
        {HOURS.map((h) => (
          <Text key={h} size="10px" c="dimmed" ta="center">
            {h % 3 === 0 ? h : ''}
          </Text>
        ))}
        {WEEKDAYS.map((day, weekday) => (
          <Group key={day} gap={0} style={{ display: 'contents' }}>
            <Text size="xs" c="dimmed">
              {day}
            </Text>
            {HOURS.map((hour) => {
              const n = counts.get(`${weekday}:${hour}`) ?? 0;
              return (
                <Tooltip key={hour} label={`${day} ${String(hour).padStart(2, '0')}:00 — ${n} chat${n === 1 ? '' : 's'}`} withinPortal>
                  <Box
                    data-testid={`stats-heatmap-cell-${weekday}-${hour}`}
                    data-count={n}
                    h={18}
                    style={{ borderRadius: 3, background: n === 0 ? 'var(--mantine-color-gray-1)' : `rgb(34 139 230 / ${0.15 + (0.85 * n) / max})` }}
                  />
                </Tooltip>
              );
            })}
          </Group>
        ))}
      </Box>
    </Card>
  );
}
