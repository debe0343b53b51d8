import { Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconChecks, IconClock } from '@tabler/icons-react';
import { toTick } from './deliveryTick';
import type { MessageItem } from './inboxApi';

/** The WhatsApp-style mark under an outbound bubble: clock, ✓, ✓✓, blue ✓✓, or a failure. */
export function DeliveryTicks({ message }: { message: MessageItem }) {
  const tick = toTick(message);
  switch (tick) {
    case 'none':
      return null;
    case 'pending':
      return <IconClock size={13} color="var(--mantine-color-gray-6)" aria-label="Sending" />;
    case 'sent':
      return <IconCheck size={14} color="var(--mantine-color-gray-6)" aria-label="Sent" />;
    case 'delivered':
      return <IconChecks size={14} color="var(--mantine-color-gray-6)" aria-label="Delivered" />;
    case 'read':
      return <IconChecks size={14} color="var(--mantine-color-blue-6)" aria-label="Read" />;
    case 'failed':
      return (
        <Tooltip label={message.error?.message ?? 'Not delivered'}>
          <IconAlertCircle size={14} color="var(--mantine-color-red-7)" aria-label="Failed" />
        </Tooltip>
      );
    default: {
      const unknown: never = tick;
      return unknown;
    }
  }
}
