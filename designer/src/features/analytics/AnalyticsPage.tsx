import '@mantine/charts/styles.css';
import { Group, ScrollArea, Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { FlowsView } from './FlowsView';
import { MessagesView } from './MessagesView';
import { OperatorsView } from './OperatorsView';
import { PeriodBar } from './PeriodBar';
import { usePeriod } from './usePeriod';

const VIEWS = ['messages', 'operators', 'flows'] as const;
type View = (typeof VIEWS)[number];
const isView = (value: string | null): value is View => VIEWS.some((v) => v === value);

/** Analytics: messages, operators and flows for a period in the business's time zone. */
export default function AnalyticsPage() {
  const [period, setPeriod] = usePeriod();
  const [params, setParams] = useSearchParams();
  const requested = params.get('view');
  const view: View = isView(requested) ? requested : 'messages';
  const choose = (next: string | null) => {
    if (!isView(next)) return;
    setParams(
      (current) => {
        const merged = new URLSearchParams(current);
        merged.set('view', next);
        return merged;
      },
      { replace: true },
    );
  };
  return (
    <ScrollArea h="100%" data-testid="analytics-page">
      <Stack p="lg" gap="md">
        <Group justify="space-between" align="flex-end">
          <Title order={2}>Analytics</Title>
          <PeriodBar period={period} onChange={setPeriod} />
        </Group>
        <Tabs value={view} onChange={choose} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="messages" data-testid="analytics-tab-messages">
              Messages
            </Tabs.Tab>
            <Tabs.Tab value="operators" data-testid="analytics-tab-operators">
              Operators
            </Tabs.Tab>
            <Tabs.Tab value="flows" data-testid="analytics-tab-flows">
              Flows
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="messages">
            <MessagesView period={period} />
          </Tabs.Panel>
          <Tabs.Panel value="operators">
            <OperatorsView period={period} />
          </Tabs.Panel>
          <Tabs.Panel value="flows">
            <FlowsView period={period} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </ScrollArea>
  );
}
