import { Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { NavLink } from 'react-router';
import { handoffReasonLabel } from '../../components/handoffReasonLabel';
import { StatusBadge } from './StatusBadge';
import { formatDuration } from './formatDuration';
import type { ConversationSummary } from './inboxApi';
import { LabelBadge } from './LabelBadge';
import classes from './Inbox.module.css';

interface Props {
  conversation: ConversationSummary;
  now: number;
  unread: boolean;
  showStatus: boolean;
  /** Shows the customer's number beside the name (when another conversation in the list has the same name). */
  showNumber?: boolean;
  colorOf: (label: string) => string;
  /** The list's own query (tab), kept when opening a conversation. */
  search: string;
}

export const displayName = (c: Pick<ConversationSummary, 'name' | 'customerId'>): string => c.name?.trim() || `+${c.customerId}`;

/** One row of the conversation list: who, the last message, how long they wait, labels, unread. */
export function ConversationListItem({ conversation: c, now, unread, showStatus, showNumber = false, colorOf, search }: Props) {
  const waiting = c.status === 'queued' && c.handoffAt !== null ? now - c.handoffAt : null;
  return (
    <UnstyledButton component={NavLink} to={{ pathname: `/inbox/${encodeURIComponent(c.id)}`, search }} className={classes.item} data-testid="conversation-item">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          {unread && <Box className={classes.unreadDot} aria-label="Unread" />}
          <Text size="sm" fw={unread ? 700 : 600} truncate>
            {displayName(c)}
          </Text>
          {showNumber && c.name?.trim() && (
            <Text size="xs" c="dimmed" truncate style={{ flexShrink: 0 }} data-testid="conversation-number">
              +{c.customerId}
            </Text>
          )}
        </Group>
        {waiting !== null ? (
          <Text size="xs" fw={600} c={waiting > 5 * 60_000 ? 'orange.8' : 'dimmed'} title="Waiting for a person" style={{ flexShrink: 0 }}>
            {formatDuration(waiting)}
          </Text>
        ) : (
          showStatus && <StatusBadge status={c.status} />
        )}
      </Group>
      <Text size="xs" c="dimmed" lineClamp={1} mt={2}>
        {c.preview ?? (c.handoffReason && handoffReasonLabel(c.handoffReason)) ?? ' '}
      </Text>
      {(c.labels.length > 0 || c.queue) && (
        <Group gap={4} mt={6}>
          {c.queue && (
            <Badge size="xs" radius="sm" variant="outline" color="gray" tt="none" title="Team queue">
              {c.queue}
            </Badge>
          )}
          {c.labels.map((l) => (
            <LabelBadge key={l} name={l} color={colorOf(l)} />
          ))}
        </Group>
      )}
    </UnstyledButton>
  );
}
