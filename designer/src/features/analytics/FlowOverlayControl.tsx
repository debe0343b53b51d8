import { Group, Paper, SegmentedControl, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { lastDays, todayIn } from './formatStats';
import { useFlowOverlay } from './overlayStore';
import { fetchFlowStats, statsKeys } from './statsApi';
import { useBusinessTimeZone } from './usePeriod';

const PERIODS = [
  { value: '1', label: 'Today' },
  { value: '7', label: '7 d' },
  { value: '30', label: '30 d' },
];

/** The canvas's "show traffic" switch and period; loads this flow's counts while it is on. */
export function FlowOverlayControl({ flowId }: { flowId: string }) {
  const { enabled, days, setEnabled, setDays, show } = useFlowOverlay();
  const timeZone = useBusinessTimeZone();
  const period = { ...lastDays(todayIn(timeZone), days), timeZone };
  const stats = useQuery({
    queryKey: statsKeys.view('flows', period, flowId),
    queryFn: () => fetchFlowStats(period, flowId),
    enabled,
    refetchInterval: enabled ? 60_000 : false,
  });
  useEffect(() => {
    show(enabled ? (stats.data ?? null) : null);
  }, [enabled, stats.data, show]);
  useEffect(() => () => setEnabled(false), [setEnabled]);
  return (
    <Paper withBorder shadow="xs" p={6} radius="md" data-testid="flow-overlay-control">
      <Group gap="xs">
        <Switch size="xs" label="Traffic" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} data-testid="flow-overlay-toggle" />
        {enabled && <SegmentedControl size="xs" data={PERIODS} value={String(days)} onChange={(v) => setDays(Number(v))} data-testid="flow-overlay-period" />}
        {enabled && stats.isError && (
          <Text size="xs" c="red">
            {stats.error.message}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
