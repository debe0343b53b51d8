import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconHandGrab, IconMessages } from '@tabler/icons-react';
import { useEffect } from 'react';
import { handoffReasonLabel } from '../../components/handoffReasonLabel';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ChatHistory } from './ChatHistory';
import { displayName } from './ConversationListItem';
import { ReplyBox } from './ReplyBox';
import { StatusBadge } from './StatusBadge';
import { TemplatePicker } from './TemplatePicker';
import { useInboxActions } from './useInboxActions';
import { useConversation, useOperators } from './useInboxQueries';
import { useNow } from './useNow';
import { useUnreadStore } from './unreadStore';
import { WindowCountdown } from './WindowCountdown';
import classes from './Inbox.module.css';

/** The middle column: who this is, the history, and the reply box (or a template when the window is closed). */
export function ChatPanel({ conversationId }: { conversationId: string }) {
  const view = useConversation(conversationId);
  const me = useCurrentUser().data;
  const operators = useOperators();
  const actions = useInboxActions(conversationId);
  const now = useNow(1000);
  const markSeen = useUnreadStore((s) => s.markSeen);
  const lastInboundAt = view.data?.conversation.lastInboundAt ?? null;
  useEffect(() => {
    if (lastInboundAt !== null) markSeen(conversationId, lastInboundAt);
  }, [conversationId, lastInboundAt, markSeen]);

  if (view.isPending) return <Center className={classes.chat}><Loader size="sm" /></Center>;
  if (view.isError) return <Center className={classes.chat} p="xl"><Alert color="red" title="This conversation could not be loaded">{view.error.message}</Alert></Center>;

  const { conversation: c, window } = view.data;
  const nameOf = (id: string | null) => (id && id === me?.id ? 'You' : operators.data?.find((o) => o.id === id)?.name ?? 'Operator');
  const windowOpen = window.endsAt !== null && window.endsAt > now;
  const canClaim = c.status === 'queued';

  return (
    <div className={classes.chat}>
      <Group justify="space-between" px="lg" py="sm" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} truncate>{displayName(c)}</Text>
            <StatusBadge status={c.status} />
          </Group>
          <Text size="xs" c="dimmed" truncate>
            +{c.customerId}
            {c.status === 'assigned' && ` · with ${nameOf(c.assigneeId)}`}
            {c.status === 'queued' && c.queue && ` · waiting in ${c.queue}`}
            {c.handoffReason && ` · ${handoffReasonLabel(c.handoffReason)}`}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <WindowCountdown endsAt={window.endsAt} now={now} />
          {canClaim && (
            <Button size="xs" leftSection={<IconHandGrab size={14} />} onClick={() => actions.claim.mutate()} loading={actions.claim.isPending}>
              Claim
            </Button>
          )}
        </Group>
      </Group>
      {view.data.history.length === 0 ? (
        <Center style={{ flex: 1 }}>
          <Stack align="center" gap={4}><IconMessages size={28} stroke={1.4} color="var(--mantine-color-gray-5)" /><Text size="sm" c="dimmed">No messages yet.</Text></Stack>
        </Center>
      ) : (
        <ChatHistory history={view.data.history} nameOf={nameOf} now={now} />
      )}
      {windowOpen ? <ReplyBox key={conversationId} conversationId={conversationId} actions={actions} /> : <TemplatePicker key={conversationId} actions={actions} never={window.endsAt === null} />}
    </div>
  );
}
