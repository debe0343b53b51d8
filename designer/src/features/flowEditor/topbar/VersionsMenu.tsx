import { ActionIcon, Group, Loader, Menu, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconHistory } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { listVersions, rollbackFlow } from '../../../api/flows';
import { queryKeys } from '../../../api/queryKeys';
import type { FlowVersion } from '../../../api/schemas';
import { formatDateTime, formatRelativeTime } from '../../../components/formatRelativeTime';
import { useEditorStore } from '../store/EditorStoreContext';

/** Published versions, newest first, each with author, time and summary, and a way back to it. */
export function VersionsMenu({ flowId }: { flowId: string }) {
  const [opened, setOpened] = useState(false);
  const store = useEditorStore();
  const queryClient = useQueryClient();
  const versions = useQuery({ queryKey: queryKeys.versions(flowId), queryFn: () => listVersions(flowId), enabled: opened });
  const rollback = useMutation({
    mutationFn: (version: number) => rollbackFlow({ id: flowId, version }),
    onSuccess: ({ flow, version }) => {
      store.getState().loadRecord(flow);
      notifications.show({ color: 'teal', title: 'Rolled back', message: `The draft is now version ${version.version}, published again.` });
      void queryClient.invalidateQueries({ queryKey: queryKeys.versions(flowId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.flows, exact: true });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not roll back', message: error.message }),
  });

  const confirm = (version: FlowVersion) =>
    modals.openConfirmModal({
      title: `Roll back to version ${version.version}?`,
      children: (
        <Text size="sm">
          The draft is replaced by version {version.version} and published again as a new version. Your current draft stays in
          the undo history of this tab.
        </Text>
      ),
      labels: { confirm: 'Roll back and publish', cancel: 'Cancel' },
      onConfirm: () => rollback.mutate(version.version),
    });

  const now = Date.now();
  const sorted = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md">
      <Menu.Target>
        <Tooltip label="Published versions" disabled={opened}>
          <ActionIcon variant="default" size={36} aria-label="Published versions">
            <IconHistory size={18} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Published versions</Menu.Label>
        {versions.isPending && (
          <Group justify="center" p="sm">
            <Loader size="xs" />
          </Group>
        )}
        {versions.isError && (
          <Text size="sm" c="red" p="sm">
            {versions.error.message}
          </Text>
        )}
        {versions.data?.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            Nothing published yet. Publish to create version 1.
          </Text>
        )}
        {sorted.map((version) => (
          <Menu.Item key={version.version} onClick={() => confirm(version)}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" fw={600}>
                v{version.version}
              </Text>
              <Text size="xs" c="dimmed" title={formatDateTime(version.publishedAt)}>
                {formatRelativeTime({ at: version.publishedAt, now })}
                {version.publishedBy ? ` · ${version.publishedBy}` : ''}
              </Text>
            </Group>
            <Text size="xs" c={version.summary ? 'gray.7' : 'dimmed'} lineClamp={2}>
              {version.summary || 'No summary'}
            </Text>
          </Menu.Item>
        ))}
        {sorted.length > 0 && (
          <Text size="xs" c="dimmed" px="sm" py={6}>
            Choose a version to roll back to it.
          </Text>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
