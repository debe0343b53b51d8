import { Box, Button, Group, Menu, Text, TextInput } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { useCurrentUser } from '../auth/useCurrentUser';
import type { InboxActions } from './useInboxActions';
import { useOperators } from './useInboxQueries';

/** Hand the conversation to another operator (online first) or back to a team queue. */
export function TransferMenu({ actions, disabled }: { actions: InboxActions; disabled: boolean }) {
  const operators = useOperators();
  const me = useCurrentUser().data;
  const [team, setTeam] = useState('');
  const others = (operators.data ?? []).filter((o) => o.id !== me?.id).sort((a, b) => Number(b.online) - Number(a.online));
  return (
    <Menu width={240} position="bottom-start" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" leftSection={<IconArrowsExchange size={14} />} disabled={disabled} fullWidth>
          Transfer
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>To an operator</Menu.Label>
        {others.length === 0 && <Menu.Item disabled>No other operators</Menu.Item>}
        {others.map((o) => (
          <Menu.Item key={o.id} onClick={() => actions.transfer.mutate({ operatorId: o.id })} leftSection={<Box w={8} h={8} style={{ borderRadius: 8, background: o.online ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-gray-4)' }} />}>
            <Group justify="space-between" gap={4}>
              <Text size="sm">{o.name}</Text>
              <Text size="xs" c="dimmed">{o.online ? 'online' : 'away'}</Text>
            </Group>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>To a team queue</Menu.Label>
        <Box px="xs" pb="xs">
          <form onSubmit={(e) => { e.preventDefault(); if (team.trim()) actions.transfer.mutate({ queue: team.trim() }); }}>
            <TextInput size="xs" placeholder="Team name, then Enter" value={team} onChange={(e) => setTeam(e.currentTarget.value)} aria-label="Team" />
          </form>
        </Box>
      </Menu.Dropdown>
    </Menu>
  );
}
