import { Alert, Button, Group, Loader, Center, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listFlows } from '../../api/flows';
import { queryKeys } from '../../api/queryKeys';
import type { FlowSummary } from '../../api/schemas';
import { CreateFlowModal } from './CreateFlowModal';
import { DuplicateFlowModal } from './DuplicateFlowModal';
import { FlowsEmptyState } from './FlowsEmptyState';
import { FlowsTable } from './FlowsTable';
import { ImportFlowModal } from './ImportFlowModal';
import { RenameFlowModal } from './RenameFlowModal';
import type { FlowTemplate } from './templates/flowTemplates';

export function FlowsPage() {
  const flows = useQuery({ queryKey: queryKeys.flows, queryFn: listFlows });
  const [creating, setCreating] = useState<FlowTemplate | 'pick' | null>(null);
  const [importing, importer] = useDisclosure(false);
  const [renaming, setRenaming] = useState<FlowSummary | null>(null);
  const [duplicating, setDuplicating] = useState<FlowSummary | null>(null);

  return (
    <ScrollArea h="100%">
      <Stack p="xl" gap="lg" maw={1200} mx="auto">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2}>Flows</Title>
            <Text c="dimmed" size="sm">
              Conversations the bot can hold. Edit a draft, preview it, then publish.
            </Text>
          </div>
          <Group gap="xs">
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={importer.open}>
              Import
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating('pick')}>
              New flow
            </Button>
          </Group>
        </Group>
        {flows.isPending && (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        )}
        {flows.isError && (
          <Alert color="red" title="The flows could not be loaded">
            {flows.error.message}{' '}
            <Button variant="subtle" size="compact-sm" onClick={() => void flows.refetch()}>
              Try again
            </Button>
          </Alert>
        )}
        {flows.data && flows.data.length === 0 && <FlowsEmptyState onPick={setCreating} />}
        {flows.data && flows.data.length > 0 && (
          <FlowsTable flows={flows.data} onRename={setRenaming} onDuplicate={setDuplicating} />
        )}
      </Stack>
      <CreateFlowModal
        opened={creating !== null}
        template={creating === 'pick' ? null : creating}
        takenIds={flows.data?.map((f) => f.id) ?? []}
        onClose={() => setCreating(null)}
      />
      <ImportFlowModal opened={importing} onClose={importer.close} />
      <RenameFlowModal flow={renaming} onClose={() => setRenaming(null)} />
      <DuplicateFlowModal flow={duplicating} takenIds={flows.data?.map((f) => f.id) ?? []} onClose={() => setDuplicating(null)} />
    </ScrollArea>
  );
}
