import { BarChart } from '@mantine/charts';
import { Alert, Card, Group, Loader, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { handoffReasonLabel } from '../../components/handoffReasonLabel';
import { formatDuration } from './formatStats';
import { StatCard } from './StatCard';
import { csvUrl, fetchOperatorStats, statsKeys, type DurationSummary, type OperatorStats, type StatsPeriod } from './statsApi';
import { StatsTable, type Column } from './StatsTable';
import { WeekHourHeatmap } from './WeekHourHeatmap';

type PerformanceRow = Pick<OperatorStats['byTeam'][number], 'chats' | 'missed' | 'firstResponse' | 'response' | 'resolution'>;
const duration = (d: DurationSummary) => `${formatDuration(d.medianMs)} · ${formatDuration(d.p90Ms)}`;
function performanceColumns<T extends PerformanceRow>(): Column<T>[] {
  return [
    { key: 'chats', label: 'Chats', render: (r) => r.chats, numeric: true },
    { key: 'first', label: 'First response (median · p90)', render: (r) => duration(r.firstResponse), numeric: true },
    { key: 'response', label: 'Response (median · p90)', render: (r) => duration(r.response), numeric: true },
    { key: 'resolution', label: 'Resolution (median · p90)', render: (r) => duration(r.resolution), numeric: true },
    { key: 'missed', label: 'Missed', render: (r) => r.missed, numeric: true },
  ];
}
const operatorColumns: Column<OperatorStats['byOperator'][number]>[] = [{ key: 'operator', label: 'Operator', render: (r) => r.name ?? r.operatorId }, ...performanceColumns<OperatorStats['byOperator'][number]>()];
const teamColumns: Column<OperatorStats['byTeam'][number]>[] = [{ key: 'team', label: 'Team', render: (r) => r.team }, ...performanceColumns<OperatorStats['byTeam'][number]>()];
const labelColumns: Column<OperatorStats['byLabel'][number]>[] = [
  { key: 'label', label: 'Label', render: (r) => r.label },
  { key: 'n', label: 'Conversations', render: (r) => r.n, numeric: true },
];
const countryColumns: Column<OperatorStats['byCountry'][number]>[] = [
  { key: 'country', label: 'Country', render: (r) => r.country },
  { key: 'n', label: 'Conversations', render: (r) => r.n, numeric: true },
];

/** Operators and teams: response times, missed chats, reasons for handoff, when chats come in and from where. */
export function OperatorsView({ period }: { period: StatsPeriod }) {
  const [missedAfter, setMissedAfter] = useState(5);
  const query = useQuery({ queryKey: statsKeys.view('operators', period, missedAfter), queryFn: () => fetchOperatorStats(period, missedAfter) });
  const extra = { missedAfterMinutes: String(missedAfter) };
  if (query.isPending) return <Loader size="sm" />;
  if (query.isError) return <Alert color="red" title="Could not load operator statistics">{query.error.message}</Alert>;
  const stats = query.data;
  const t = stats.totals;
  return (
    <Stack gap="md" data-testid="stats-operators">
      <Group justify="flex-end">
        <NumberInput
          size="xs"
          w={230}
          label="A chat is missed after (minutes)"
          min={1}
          max={10080}
          value={missedAfter}
          onChange={(v) => typeof v === 'number' && v >= 1 && setMissedAfter(v)}
          data-testid="stats-missed-after"
        />
      </Group>
      <SimpleGrid cols={{ base: 2, md: 6 }}>
        <StatCard testId="stats-card-handoffs" label="Handoffs" value={String(t.handoffs)} hint={t.botErrors > 0 ? `${t.botErrors} after bot errors` : undefined} />
        <StatCard testId="stats-card-first-response" label="First response" value={formatDuration(t.firstResponse.medianMs)} hint={`p90 ${formatDuration(t.firstResponse.p90Ms)}`} />
        <StatCard testId="stats-card-response" label="Response" value={formatDuration(t.response.medianMs)} hint={`p90 ${formatDuration(t.response.p90Ms)}`} />
        <StatCard testId="stats-card-resolution" label="Resolution" value={formatDuration(t.resolution.medianMs)} hint={`p90 ${formatDuration(t.resolution.p90Ms)}`} />
        <StatCard testId="stats-card-missed" label="Missed" value={String(t.missed)} hint={`${t.abandoned} abandoned, ${t.waiting} waiting`} />
        <StatCard testId="stats-card-conversations" label="New conversations" value={String(stats.conversations)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <StatsTable testId="stats-table-operators" title="Per operator" rows={stats.byOperator} columns={operatorColumns} rowKey={(r) => r.operatorId} csvHref={csvUrl('operators', 'operators', period, extra)} />
        <StatsTable testId="stats-table-teams" title="Per team" rows={stats.byTeam} columns={teamColumns} rowKey={(r) => r.team} csvHref={csvUrl('operators', 'teams', period, extra)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <WeekHourHeatmap cells={stats.heatmap} timeZone={stats.range.timeZone} />
        <Card withBorder padding="sm" data-testid="stats-reasons-chart">
          <Text fw={600} size="sm" mb="xs">
            Handoff reasons
          </Text>
          <BarChart h={200} data={stats.handoffReasons.map((r) => ({ ...r, reason: handoffReasonLabel(r.reason) }))} dataKey="reason" series={[{ name: 'n', label: 'Handoffs', color: 'orange.6' }]} />
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <StatsTable testId="stats-table-labels" title="Conversations by label" rows={stats.byLabel} columns={labelColumns} rowKey={(r) => r.label} csvHref={csvUrl('operators', 'labels', period, extra)} />
        <StatsTable testId="stats-table-countries" title="Conversations by country" rows={stats.byCountry} columns={countryColumns} rowKey={(r) => r.country} csvHref={csvUrl('operators', 'countries', period, extra)} />
      </SimpleGrid>
    </Stack>
  );
}
