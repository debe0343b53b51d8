import { ActionIcon, Anchor, Menu, Paper, Table, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCopy, IconDots, IconDownload, IconPencil, IconTrash } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { FlowSummary } from '../../api/schemas';
import { formatDateTime, formatRelativeTime } from '../../components/formatRelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import { useFlowMutations } from './useFlowMutations';

interface FlowsTableProps {
  flows: readonly FlowSummary[];
  onRename: (flow: FlowSummary) => void;
  onDuplicate: (flow: FlowSummary) => void;
}

export function FlowsTable({ flows, onRename, onDuplicate }: FlowsTableProps) {
  const { remove, exportFlow } = useFlowMutations();
  const navigate = useNavigate();
  const now = Date.now();
  const flowPath = (flow: FlowSummary) => `/flows/${encodeURIComponent(flow.id)}`;
  // The whole row opens the flow (it lights up on hover, so people click anywhere on it); the name
  // stays a link for the keyboard, and the row's menu keeps its own clicks.
  const openRow = (flow: FlowSummary) => (event: MouseEvent<HTMLTableRowElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('a, button, input, [role="menu"], [role="menuitem"], [role="dialog"]')) return;
    if (window.getSelection()?.toString()) return; // selecting the id to copy it
    void navigate(flowPath(flow));
  };
  const confirmDelete = (flow: FlowSummary) =>
    modals.openConfirmModal({
      title: `Delete “${flow.name}”?`,
      children: (
        <Text size="sm">
          The draft and every published version of this flow are removed. Conversations in it end. This cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Delete flow', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ id: flow.id, name: flow.name }),
    });

  return (
    <Paper withBorder radius="md">
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={150}>Status</Table.Th>
            <Table.Th w={260}>Last edit</Table.Th>
            <Table.Th w={56} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...flows]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((flow) => (
              <Table.Tr key={flow.id} onClick={openRow(flow)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Anchor component={Link} to={flowPath(flow)} fw={600} c="dark" size="sm">
                    {flow.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {flow.id}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={flow.status} version={flow.publishedVersion} />
                </Table.Td>
                <Table.Td>
                  <Tooltip label={formatDateTime(flow.updatedAt)}>
                    <Text size="sm" span>
                      {formatRelativeTime({ at: flow.updatedAt, now })}
                    </Text>
                  </Tooltip>
                  {flow.updatedBy && (
                    <Text size="sm" c="dimmed" span>
                      {' '}
                      by {flow.updatedBy}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${flow.name}`}>
                        <IconDots size={18} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onRename(flow)}>
                        Rename
                      </Menu.Item>
                      <Menu.Item leftSection={<IconCopy size={16} />} onClick={() => onDuplicate(flow)}>
                        Duplicate
                      </Menu.Item>
                      <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => exportFlow.mutate(flow.id)}>
                        Export .flow.json
                      </Menu.Item>
                      <Menu.Divider />
                      <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => confirmDelete(flow)}>
                        Delete…
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
