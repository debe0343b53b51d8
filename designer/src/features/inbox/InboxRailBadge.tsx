import { Badge } from '@mantine/core';
import { useCurrentUser } from '../auth/useCurrentUser';
import { isUnread, useUnreadStore } from './unreadStore';
import { useInboxLive } from './useInboxLive';
import { useConversationList } from './useInboxQueries';

/** The unread count on the Inbox rail item; also keeps the inbox live (events, heartbeats) app-wide. */
export function InboxRailBadge() {
  const me = useCurrentUser().data;
  const isOperator = me?.role === 'operator' || me?.role === 'admin';
  useInboxLive(isOperator);
  if (!isOperator) return null;
  return <UnreadCount userId={me.id} />;
}

function UnreadCount({ userId }: { userId: string }) {
  const queue = useConversationList({ view: 'queue' });
  const mine = useConversationList({ view: 'mine' });
  const seenAt = useUnreadStore((s) => s.seenAt);
  const count = [...(queue.data ?? []), ...(mine.data ?? []).filter((c) => c.assigneeId === userId)].filter((c) => isUnread(c, seenAt)).length;
  if (count === 0) return null;
  return (
    <Badge size="xs" circle={count < 10} color="red" variant="filled" style={{ position: 'absolute', top: 2, right: 8, pointerEvents: 'none' }} aria-label={`${count} unread`} data-testid="inbox-unread">
      {count > 99 ? '99+' : count}
    </Badge>
  );
}
