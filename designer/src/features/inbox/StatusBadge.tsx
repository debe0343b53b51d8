import { Badge } from '@mantine/core';
import type { ConversationStatus } from './inboxApi';

const LOOK: Record<ConversationStatus, { color: string; label: string }> = {
  bot: { color: 'gray', label: 'Bot' },
  queued: { color: 'orange', label: 'Waiting' },
  assigned: { color: 'brand', label: 'With a person' },
  closed: { color: 'gray', label: 'Resolved' },
};

export function StatusBadge({ status }: { status: ConversationStatus }) {
  const look = LOOK[status];
  return (
    <Badge size="xs" variant="light" color={look.color} style={{ flexShrink: 0 }}>
      {look.label}
    </Badge>
  );
}
