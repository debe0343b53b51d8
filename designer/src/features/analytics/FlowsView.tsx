import { BarChart } from '@mantine/charts';
import { Alert, Card, Loader, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatRate } from './formatStats';
import { NotUnderstoodList } from './NotUnderstoodList';
import { StatCard } from './StatCard';
import { csvUrl, fetchFlowStats, statsKeys, type FlowStats, type StatsPeriod } from './statsApi';
import { StatsTable, type Column } from './StatsTable';

/** Width of the funnel's node-name axis, px, and the longest name shown whole on it. */
const FUNNEL_LABEL_WIDTH = 200;
const FUNNEL_LABEL_CHARS = 28;

function shortenLabel(label: unknown): string {
  const text = String(label);
  return text.length > FUNNEL_LABEL_CHARS ? `${text.slice(0, FUNNEL_LABEL_CHARS - 1)}…` : text;
}

const flowColumns: Column<FlowStats['flows'][number]>[] = [
  { key: 'flow', label: 'Flow', render: (r) => r.name ?? r.flowId },
  { key: 'starts', label: 'Starts', render: (r) => r.starts, numeric: true },
  { key: 'completions', label: 'Completed', render: (r) => r.completions, numeric: true },
  { key: 'completionRate', label: 'Completion rate', render: (r) => formatRate(r.completionRate), numeric: true },
  { key: 'handoffs', label: 'Handoffs', render: (r) => r.handoffs, numeric: true },
  { key: 'misses', label: 'Not understood', render: (r) => r.misses, numeric: true },
];
const nodeColumns: Column<FlowStats['nodes'][number]>[] = [
  { key: 'node', label: 'Node', render: (r) => r.label ?? r.nodeId },
  { key: 'type', label: 'Type', render: (r) => r.nodeType ?? '—' },
  { key: 'visits', label: 'Visits', render: (r) => r.visits, numeric: true },
  { key: 'stopped', label: 'Stopped here', render: (r) => r.stopped, numeric: true },
  { key: 'handedOff', label: 'Handed off here', render: (r) => r.handedOff, numeric: true },
  { key: 'dropOffRate', label: 'Drop-off', render: (r) => formatRate(r.dropOffRate), numeric: true },
];

/** Flows: completion per flow, the funnel of one flow's nodes, the fallback rate and what the bot missed. */
export function FlowsView({ period }: { period: StatsPeriod }) {
  const query = useQuery({ queryKey: statsKeys.view('flows', period), queryFn: () => fetchFlowStats(period) });
  const [chosen, setChosen] = useState<string | null>(null);
  if (query.isPending) return <Loader size="sm" />;
  if (query.isError) return <Alert color="red" title="Could not load flow statistics">{query.error.message}</Alert>;
  const stats = query.data;
  const flowId = chosen ?? stats.flows[0]?.flowId ?? null;
  const nodes = stats.nodes.filter((n) => n.flowId === flowId);
  const starts = stats.flows.reduce((sum, f) => sum + f.starts, 0);
  const completions = stats.flows.reduce((sum, f) => sum + f.completions, 0);
  return (
    <Stack gap="md" data-testid="stats-flows">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatCard testId="stats-card-starts" label="Flow starts" value={String(starts)} />
        <StatCard testId="stats-card-completion" label="Completion rate" value={formatRate(starts ? completions / starts : null)} />
        <StatCard testId="stats-card-fallback" label="Fallback rate" value={formatRate(stats.nlu.fallbackRate)} hint={`${stats.nlu.misses} of ${stats.nlu.decisions} messages not understood`} />
        <StatCard testId="stats-card-missed-texts" label="Distinct missed texts" value={String(stats.notUnderstood.length)} />
      </SimpleGrid>
      <StatsTable testId="stats-table-flow-list" title="Per flow" rows={stats.flows} columns={flowColumns} rowKey={(r) => r.flowId} csvHref={csvUrl('flows', 'flows', period)} />
      <Card withBorder padding="sm" data-testid="stats-funnel">
        <Select
          size="xs"
          w={260}
          mb="xs"
          label="Funnel of flow"
          data={stats.flows.map((f) => ({ value: f.flowId, label: f.name ?? f.flowId }))}
          value={flowId}
          onChange={setChosen}
          data-testid="stats-funnel-flow"
        />
        {nodes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No visits in this period.
          </Text>
        ) : (
          <BarChart
            h={Math.max(180, nodes.length * 48 + 60)}
            orientation="vertical"
            data={nodes.map((n) => ({ node: n.label ?? n.nodeId, Visits: n.visits, 'Dropped off': n.dropOff }))}
            dataKey="node"
            // Node names run to a sentence ("What did the customer ask for?"): give them room and
            // shorten the longest (the tooltip has the full name); visits are whole numbers.
            yAxisProps={{ width: FUNNEL_LABEL_WIDTH, tickFormatter: shortenLabel }}
            xAxisProps={{ allowDecimals: false }}
            series={[
              { name: 'Visits', color: 'blue.6' },
              { name: 'Dropped off', color: 'red.6' },
            ]}
            withLegend
          />
        )}
      </Card>
      <StatsTable testId="stats-table-nodes" title="Nodes: visits and drop-off" rows={nodes} columns={nodeColumns} rowKey={(r) => r.nodeId} csvHref={csvUrl('flows', 'nodes', period)} />
      <NotUnderstoodList items={stats.notUnderstood} period={period} />
    </Stack>
  );
}
