import { ActionIcon, Alert, Divider, Group, ScrollArea, Stack, Text, TextInput, ThemeIcon, Tooltip } from '@mantine/core';
import type { FlowNode } from '@switchboard/engine/schema';
import { IconAlertCircle, IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { removeElements } from '../edits';
import { NODE_KINDS, nodeColor } from '../nodeCatalog';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';
import type { FormContext } from './formTypes';
import { NodeForm } from './NodeForm';
import { useNodeUpdate } from './useNodeUpdate';

/** The selected node: its label, its issues, and the form for its type. */
export function NodeInspector({ node, ctx }: { node: FlowNode; ctx: FormContext }) {
  const store = useEditorStore();
  const issues = useEditor((s) => s.issues).filter((i) => i.nodeId === node.id);
  const kind = NODE_KINDS[node.type];
  const KindIcon = kind.icon;
  const update = useNodeUpdate(node);
  return (
    <Stack gap={0} h="100%">
      <Group justify="space-between" px="md" py="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" color={nodeColor(node.type)} size={30}>
            <KindIcon size={18} />
          </ThemeIcon>
          <div>
            <Text fw={600} size="sm">
              {kind.title}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {node.id}
            </Text>
          </div>
        </Group>
        {node.type !== 'start' && (
          <Tooltip label="Delete node (Delete)">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label="Delete node"
              onClick={() => store.getState().dispatch(removeElements, { nodeIds: [node.id] })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      <Divider />
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="md" p="md">
          {issues.length > 0 && (
            <Stack gap={4}>
              {issues.map((issue, i) => (
                <Alert
                  key={i}
                  p={8}
                  color={issue.severity === 'error' ? 'red' : 'yellow'}
                  icon={issue.severity === 'error' ? <IconAlertCircle size={16} /> : <IconAlertTriangle size={16} />}
                >
                  <Text size="xs">{issue.message}</Text>
                </Alert>
              ))}
            </Stack>
          )}
          <TextInput
            label="Label"
            description="A short name shown on the card and in reports."
            placeholder={kind.title}
            maxLength={80}
            value={node.data.label ?? ''}
            onChange={(e) => {
              const label = e.currentTarget.value;
              const { label: _old, ...rest } = node.data;
              update(label ? { ...rest, label } : rest, 'label');
            }}
          />
          <NodeForm node={node} ctx={ctx} />
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
