import { Badge, Tooltip } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { toWindowState } from './formatDuration';

/** How long free text may still be sent (WhatsApp's 24-hour customer-service window). */
export function WindowCountdown({ endsAt, now }: { endsAt: number | null; now: number }) {
  const state = toWindowState(endsAt, now);
  const color = state.kind === 'open' ? (state.urgent ? 'orange' : 'green') : 'gray';
  return (
    <Tooltip label="WhatsApp's 24-hour window: free text until it closes, templates after">
      <Badge variant="light" color={color} leftSection={<IconClock size={12} />} styles={{ root: { textTransform: 'none' } }} data-testid="window-countdown">
        {state.label}
      </Badge>
    </Tooltip>
  );
}
