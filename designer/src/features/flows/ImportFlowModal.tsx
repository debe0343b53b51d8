import { Alert, Button, FileInput, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileCode } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { listFlows } from '../../api/flows';
import { isApiError } from '../../api/http';
import { queryKeys } from '../../api/queryKeys';
import { FlowIdentityFields, flowIdProblem } from './FlowIdentityFields';
import { readFlowFile, type ReadFlowFileResult } from './readFlowFile';
import { useFlowMutations } from './useFlowMutations';

export function ImportFlowModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import a flow" size="lg">
      <ImportForm onClose={onClose} />
    </Modal>
  );
}

function ImportForm({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ReadFlowFileResult | null>(null);
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const flows = useQuery({ queryKey: queryKeys.flows, queryFn: listFlows });
  const takenIds = flows.data?.map((f) => f.id) ?? [];
  const { create } = useFlowMutations();
  const navigate = useNavigate();

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    create.reset();
    if (!chosen) return setResult(null);
    const read = readFlowFile(await chosen.text());
    setResult(read);
    if (read.ok) {
      setName(read.flow.name);
      setId(read.flow.id);
    }
  };

  const submit = () => {
    if (!result?.ok) return;
    create.mutate(
      { ...result.flow, id, name: name.trim() },
      { onSuccess: (record) => void navigate(`/flows/${encodeURIComponent(record.id)}`) },
    );
  };

  return (
    <Stack gap="md">
      <FileInput
        label="Flow file"
        description="A .flow.json file exported from Switchboard."
        placeholder="Choose a file…"
        accept=".json,application/json"
        leftSection={<IconFileCode size={16} />}
        value={file}
        onChange={(chosen) => void choose(chosen)}
        clearable
      />
      {result && !result.ok && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="This file cannot be imported">
          <List size="sm" spacing={4}>
            {result.problems.map((problem, i) => (
              <List.Item key={i}>{problem}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {result?.ok && (
        <>
          <Text size="sm" c="dimmed">
            {result.flow.nodes.length} nodes · {result.flow.edges.length} edges · locales {result.flow.locales.join(', ')}
          </Text>
          <FlowIdentityFields name={name} id={id} takenIds={takenIds} onName={setName} onId={setId} />
        </>
      )}
      {create.error && (
        <Text c="red" size="sm">
          {isApiError(create.error, 'flow/exists') ? 'A flow with this ID already exists. Change the ID.' : create.error.message}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          onClick={submit}
          disabled={!result?.ok || !name.trim() || !id || Boolean(flowIdProblem(id, takenIds))}
          loading={create.isPending}
        >
          Import and open
        </Button>
      </Group>
    </Stack>
  );
}
