import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { FlowSummary } from '../../api/schemas';
import { FlowIdentityFields, flowIdProblem } from './FlowIdentityFields';
import { toFlowId } from './toFlowId';
import { useFlowMutations } from './useFlowMutations';

interface DuplicateFlowModalProps {
  flow: FlowSummary | null;
  takenIds: readonly string[];
  onClose: () => void;
}

export function DuplicateFlowModal({ flow, takenIds, onClose }: DuplicateFlowModalProps) {
  return (
    <Modal opened={flow !== null} onClose={onClose} title="Duplicate flow">
      {flow && <DuplicateForm flow={flow} takenIds={takenIds} onClose={onClose} />}
    </Modal>
  );
}

function DuplicateForm({ flow, takenIds, onClose }: { flow: FlowSummary; takenIds: readonly string[]; onClose: () => void }) {
  const [name, setName] = useState(`${flow.name} (copy)`);
  const [id, setId] = useState(toFlowId(`${flow.id}-copy`));
  const { duplicate } = useFlowMutations();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    duplicate.mutate({ sourceId: flow.id, id, name: name.trim() }, { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          The copy starts as a draft with the current draft of “{flow.name}”.
        </Text>
        <FlowIdentityFields name={name} id={id} takenIds={takenIds} onName={setName} onId={setId} />
        {duplicate.error && (
          <Text c="red" size="sm">
            {duplicate.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={!name.trim() || !id || Boolean(flowIdProblem(id, takenIds))} loading={duplicate.isPending}>
            Duplicate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
