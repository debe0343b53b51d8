import { Alert, Center, Group, Loader, ScrollArea, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ConversationListItem, displayName } from './ConversationListItem';
import type { ConversationStatus, InboxView } from './inboxApi';
import { isUnread, useUnreadStore } from './unreadStore';
import { useConversationList, useLabelColors, useLabels } from './useInboxQueries';
import { useNow } from './useNow';
import classes from './Inbox.module.css';

const VIEWS: readonly InboxView[] = ['queue', 'mine', 'all'];

const EMPTY: Record<InboxView, string> = {
  queue: 'Nobody is waiting. Conversations the bot hands to a person appear here at once.',
  mine: 'You hold no conversations. Claim one from the queue.',
  all: 'No conversations match these filters.',
};

const STATES: { value: ConversationStatus; label: string }[] = [
  { value: 'queued', label: 'Waiting' },
  { value: 'assigned', label: 'With a person' },
  { value: 'bot', label: 'With the bot' },
  { value: 'closed', label: 'Resolved' },
];

/** The left column: Queue / Mine / All, filters by team, label and state, and the conversations. */
export function ConversationList() {
  const [params, setParams] = useSearchParams();
  const view = VIEWS.find((v) => v === params.get('view')) ?? 'queue';
  const setView = (next: InboxView) => setParams({ view: next }, { replace: true });
  const [queue, setQueue] = useState<string | null>(null);
  const [label, setLabel] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const list = useConversationList({ view, queue: queue ?? undefined, label: label ?? undefined, status: view === 'all' ? (STATES.find((s) => s.value === status)?.value) : undefined });
  const teams = useConversationList({ view: 'all' });
  // Customers who share a name (profile names are whatever people set) are told apart by their number.
  const nameCounts = new Map<string, number>();
  for (const c of list.data ?? []) nameCounts.set(displayName(c), (nameCounts.get(displayName(c)) ?? 0) + 1);
  const labels = useLabels();
  const colorOf = useLabelColors();
  const seenAt = useUnreadStore((s) => s.seenAt);
  const now = useNow(1000);
  const queueNames = [...new Set((teams.data ?? []).flatMap((c) => (c.queue ? [c.queue] : [])).concat(queue ? [queue] : []))].sort();

  return (
    <div className={classes.column}>
      <Tabs value={view} onChange={(v) => setView(VIEWS.find((x) => x === v) ?? 'queue')} px="sm" pt="sm">
        <Tabs.List grow>
          <Tabs.Tab value="queue">Queue</Tabs.Tab>
          <Tabs.Tab value="mine">Mine</Tabs.Tab>
          <Tabs.Tab value="all">All</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group gap={6} p="sm" grow wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Select size="xs" placeholder="Any team" aria-label="Team" data={queueNames} value={queue} onChange={setQueue} clearable />
        <Select size="xs" placeholder="Any label" aria-label="Label" data={(labels.data ?? []).map((l) => l.name)} value={label} onChange={setLabel} clearable />
        {view === 'all' && <Select size="xs" placeholder="Any state" aria-label="State" data={STATES} value={status} onChange={setStatus} clearable />}
      </Group>
      <ScrollArea style={{ flex: 1 }}>
        {list.isPending && (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        )}
        {list.isError && (
          <Alert m="sm" color="red" title="The conversations could not be loaded">
            {list.error.message}
          </Alert>
        )}
        {list.data?.length === 0 && (
          <Stack align="center" gap={6} py={48} px="lg">
            <IconInbox size={28} stroke={1.4} color="var(--mantine-color-gray-5)" />
            <Text size="sm" c="dimmed" ta="center">
              {EMPTY[view]}
            </Text>
          </Stack>
        )}
        {list.data?.map((c) => (
          <ConversationListItem
            key={c.id}
            conversation={c}
            now={now}
            unread={isUnread(c, seenAt)}
            showStatus={view === 'all'}
            showNumber={(nameCounts.get(displayName(c)) ?? 0) > 1}
            colorOf={colorOf}
            search={params.toString()}
          />
        ))}
      </ScrollArea>
    </div>
  );
}
