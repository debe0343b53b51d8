import { AreaChart } from '@mantine/charts';
import { Alert, Card, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatRate } from './formatStats';
import { StatCard } from './StatCard';
import { csvUrl, fetchMessageStats, statsKeys, type MessageStats, type StatsPeriod } from './statsApi';
import { StatsTable, type Column } from './StatsTable';

const n = (value: number) => value.toLocaleString('en-US');

const flowColumns: Column<MessageStats['byFlow'][number]>[] = [
  { key: 'flow', label: 'Flow', render: (r) => r.flowId ?? 'Operators and other' },
  { key: 'created', label: 'Created', render: (r) => n(r.created), numeric: true },
  { key: 'sent', label: 'Sent', render: (r) => n(r.sent), numeric: true },
  { key: 'delivered', label: 'Delivered', render: (r) => n(r.delivered), numeric: true },
  { key: 'read', label: 'Read', render: (r) => n(r.read), numeric: true },
  { key: 'failed', label: 'Failed', render: (r) => n(r.failed), numeric: true },
  { key: 'deliveredRate', label: 'Delivered / sent', render: (r) => formatRate(r.deliveredRate), numeric: true },
  { key: 'readRate', label: 'Read / delivered', render: (r) => formatRate(r.readRate), numeric: true },
];

const templateColumns: Column<MessageStats['byTemplate'][number]>[] = [
  { key: 'template', label: 'Template', render: (r) => r.template },
  { key: 'sent', label: 'Sent', render: (r) => n(r.sent), numeric: true },
  { key: 'delivered', label: 'Delivered', render: (r) => n(r.delivered), numeric: true },
  { key: 'read', label: 'Read', render: (r) => n(r.read), numeric: true },
  { key: 'failed', label: 'Failed', render: (r) => n(r.failed), numeric: true },
  { key: 'replied', label: 'Replied', render: (r) => n(r.replied), numeric: true },
  { key: 'replyRate', label: 'Reply rate', render: (r) => formatRate(r.replyRate), numeric: true },
];

const dayColumns: Column<MessageStats['days'][number]>[] = [
  { key: 'day', label: 'Day', render: (r) => r.day },
  { key: 'received', label: 'Received', render: (r) => n(r.received), numeric: true },
  { key: 'sent', label: 'Sent', render: (r) => n(r.sent), numeric: true },
  { key: 'delivered', label: 'Delivered', render: (r) => n(r.delivered), numeric: true },
  { key: 'read', label: 'Read', render: (r) => n(r.read), numeric: true },
  { key: 'failed', label: 'Failed', render: (r) => n(r.failed), numeric: true },
];

/** Messages: headline figures, a chart per day, and tables per day, flow and template. */
export function MessagesView({ period }: { period: StatsPeriod }) {
  const query = useQuery({ queryKey: statsKeys.view('messages', period), queryFn: () => fetchMessageStats(period) });
  if (query.isPending) return <Loader size="sm" />;
  if (query.isError) return <Alert color="red" title="Could not load message statistics">{query.error.message}</Alert>;
  const stats = query.data;
  const t = stats.totals;
  return (
    <Stack gap="md" data-testid="stats-messages">
      <SimpleGrid cols={{ base: 2, md: 6 }}>
        <StatCard testId="stats-card-received" label="Received" value={n(t.received)} />
        <StatCard testId="stats-card-sent" label="Sent" value={n(t.sent)} />
        <StatCard testId="stats-card-delivered" label="Delivered" value={n(t.delivered)} hint={`${formatRate(t.deliveredRate)} of sent`} />
        <StatCard testId="stats-card-read" label="Read" value={n(t.read)} hint={`${formatRate(t.readRate)} of delivered`} />
        <StatCard testId="stats-card-failed" label="Failed" value={n(t.failed)} />
        <StatCard testId="stats-card-template-replies" label="Template replies" value={n(t.templateReplies)} />
      </SimpleGrid>
      <Card withBorder padding="sm" data-testid="stats-messages-chart">
        <Text fw={600} size="sm" mb="xs">
          Messages per day ({stats.range.timeZone})
        </Text>
        <AreaChart
          h={260}
          data={stats.days}
          dataKey="day"
          curveType="monotone"
          withDots={false}
          series={[
            { name: 'received', label: 'Received', color: 'blue.6' },
            { name: 'sent', label: 'Sent', color: 'teal.6' },
            { name: 'delivered', label: 'Delivered', color: 'green.6' },
            { name: 'read', label: 'Read', color: 'violet.6' },
            { name: 'failed', label: 'Failed', color: 'red.6' },
          ]}
          withLegend
        />
      </Card>
      {/* Full width each: side by side, eight numeric columns squeezed flow names onto two lines and cut off the last column at 1440 px. */}
      <StatsTable testId="stats-table-flows" title="Per flow" rows={stats.byFlow} columns={flowColumns} rowKey={(r) => r.flowId ?? ''} csvHref={csvUrl('messages', 'flows', period)} />
      <StatsTable testId="stats-table-templates" title="Per template" rows={stats.byTemplate} columns={templateColumns} rowKey={(r) => r.template} csvHref={csvUrl('messages', 'templates', period)} empty="No templates sent in this period." />
      <StatsTable testId="stats-table-days" title="Per day" rows={stats.days} columns={dayColumns} rowKey={(r) => r.day} csvHref={csvUrl('messages', 'days', period)} />
    </Stack>
  );
}
