import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { FlowSummary } from '../../api/schemas';
import { useFlowMutations } from './useFlowMutations';

export function RenameFlowModal({ flow, onClose }: { flow: FlowSummary | null; onClose: () => void }) {
  return (
    <Modal opened={flow !== null} onClose={onClose} title="Rename flow">
      {flow && <RenameForm flow={flow} onClose={onClose} />}
    </Modal>
  );
}

function RenameForm({ flow, onClose }: { flow: FlowSummary; onClose: () => void }) {
  const [name, setName] = useState(flow.name);
  const { rename } = useFlowMutations();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ id: flow.id, name }, { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <TextInput label="Name" data-autofocus required maxLength={120} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={!name.trim() || name.trim() === flow.name} loading={rename.isPending}>
            Rename
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
