import { Group, Text } from '@mantine/core';
import { IconNote } from '@tabler/icons-react';
import { DeliveryTicks } from './DeliveryTicks';
import { formatClock } from './groupHistory';
import type { HistoryItem } from './inboxApi';
import classes from './Inbox.module.css';

interface Props {
  item: HistoryItem;
  showSender: boolean;
  /** Who an operator id is, for "sent by". */
  nameOf: (operatorId: string | null) => string;
}

const senderOf = (item: HistoryItem, nameOf: Props['nameOf']): string => {
  if (item.kind === 'note') return `Note · ${nameOf(item.operatorId)}`;
  switch (item.sender) {
    case 'customer':
      return 'Customer';
    case 'bot':
      return 'Bot';
    case 'system':
      return 'System';
    case 'operator':
      return nameOf(item.operatorId);
    default: {
      const unknown: never = item.sender;
      return unknown;
    }
  }
};

const toneOf = (item: HistoryItem): string => {
  if (item.kind === 'note') return classes.note ?? '';
  if (item.direction === 'in') return classes.in ?? '';
  return (item.sender === 'operator' ? classes.out : classes.bot) ?? '';
};

/** One message or internal note. Text is always a plain text node, never markup. */
export function MessageBubble({ item, showSender, nameOf }: Props) {
  const isCustomer = item.kind === 'message' && item.direction === 'in';
  return (
    <div className={`${classes.bubble} ${toneOf(item)}`} data-testid={item.kind === 'note' ? 'note-bubble' : 'message-bubble'}>
      {showSender && !isCustomer && (
        <Group gap={4} mb={2}>
          {item.kind === 'note' && <IconNote size={12} color="var(--mantine-color-yellow-8)" />}
          <Text size="xs" fw={700} c={item.kind === 'note' ? 'yellow.9' : item.kind === 'message' && item.sender === 'operator' ? 'brand.8' : 'indigo.7'}>
            {senderOf(item, nameOf)}
          </Text>
        </Group>
      )}
      <Text size="sm" lh={1.45} component="div">
        {item.text}
      </Text>
      <Group gap={4} justify="flex-end" mt={2}>
        <Text size="10px" c="dimmed">
          {formatClock(item.at)}
        </Text>
        {item.kind === 'message' && <DeliveryTicks message={item} />}
      </Group>
    </div>
  );
}
