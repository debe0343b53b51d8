import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchMeta } from '../../api/meta';
import { queryKeys } from '../../api/queryKeys';
import type { InboxActions } from './useInboxActions';

/** Gives the conversation back to the bot, where it left off or at the start of a chosen flow. */
export function ReturnToBotModal({ opened, onClose, actions }: { opened: boolean; onClose: () => void; actions: InboxActions }) {
  const meta = useQuery({ queryKey: queryKeys.meta, queryFn: fetchMeta, enabled: opened });
  const [flowId, setFlowId] = useState<string | null>(null);
  const submit = () => actions.returnToBot.mutate(flowId ?? undefined, { onSuccess: onClose });
  return (
    <Modal opened={opened} onClose={onClose} title="Return to the bot" size="sm">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          The bot answers the customer's next message. Leave the flow empty to continue where the bot left off.
        </Text>
        <Select label="Start a flow (optional)" placeholder="Where the bot left off" data={(meta.data?.flows ?? []).map((f) => ({ value: f.id, label: f.name }))} value={flowId} onChange={setFlowId} clearable searchable />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={submit} loading={actions.returnToBot.isPending}>Return to bot</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
