import { Button, Center, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { Meta } from '../../../api/schemas';
import { removeElements } from '../edits';
import { selectSettledFlow } from '../store/createEditorStore';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';
import { FlowSettingsPanel } from './FlowSettingsPanel';
import type { FormContext } from './formTypes';
import { knownVariableNames } from './knownVariableNames';
import { NodeInspector } from './NodeInspector';

/** The right panel: the selected node's form, or the flow's settings when nothing is selected. */
export function Inspector({ meta }: { meta: Meta | undefined }) {
  const store = useEditorStore();
  const flow = useEditor(selectSettledFlow);
  const selection = useEditor((s) => s.selection);
  const ctx: FormContext = useMemo(
    () => ({
      locales: flow.locales,
      variables: knownVariableNames(flow),
      meta,
      intents: [...new Set([...(meta?.intents ?? []), ...flow.intents.map((i) => i.name)])].sort(),
      nodeIds: flow.nodes.map((n) => n.id),
    }),
    [flow, meta],
  );

  const count = selection.nodeIds.length + selection.edgeIds.length;
  if (count === 0) return <FlowSettingsPanel ctx={ctx} />;
  const only = selection.nodeIds.length === 1 && selection.edgeIds.length === 0 ? flow.nodes.find((n) => n.id === selection.nodeIds[0]) : undefined;
  if (only) return <NodeInspector key={only.id} node={only} ctx={ctx} />;
  return (
    <Center h="100%" p="lg">
      <Stack align="center" gap="xs">
        <Text fw={600}>
          {selection.nodeIds.length} nodes, {selection.edgeIds.length} edges selected
        </Text>
        <Text size="sm" c="dimmed" ta="center">
          Drag to move them together, Ctrl+C to copy, Delete to remove.
        </Text>
        <Button
          variant="light"
          color="red"
          leftSection={<IconTrash size={16} />}
          onClick={() =>
            store.getState().dispatch(removeElements, {
              nodeIds: selection.nodeIds.filter((id) => flow.nodes.find((n) => n.id === id)?.type !== 'start'),
              edgeIds: selection.edgeIds,
            })
          }
        >
          Delete selection
        </Button>
      </Stack>
    </Center>
  );
}
