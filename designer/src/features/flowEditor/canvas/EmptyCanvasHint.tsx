import { Button, Group, Paper, Text } from '@mantine/core';
import { FLOW_TEMPLATES } from '../../flows/templates/flowTemplates';
import { applyTemplate } from '../edits';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';

/** On a flow with nothing but its start, teach: drag from the palette, or start from an example. */
export function EmptyCanvasHint() {
  const store = useEditorStore();
  const empty = useEditor((s) => s.flow.nodes.length <= 1 && s.flow.edges.length === 0);
  if (!empty) return null;
  const examples = FLOW_TEMPLATES.filter((t) => t.key !== 'blank');
  return (
    <Paper withBorder shadow="sm" radius="md" p="sm" style={{ position: 'absolute', top: 16, left: '50%', transform: 'translateX(-50%)', zIndex: 5 }}>
      <Text size="sm" fw={600}>
        This flow is empty
      </Text>
      <Text size="xs" c="dimmed" mb={8}>
        Drag nodes from the palette and connect them, or start from an example (undo brings you back).
      </Text>
      <Group gap="xs">
        {examples.map((template) => (
          <Button
            key={template.key}
            size="xs"
            variant="light"
            onClick={() => {
              const flow = store.getState().flow;
              store.getState().dispatch(applyTemplate, { template: template.build({ id: flow.id, name: flow.name }) });
            }}
          >
            {template.name}
          </Button>
        ))}
      </Group>
    </Paper>
  );
}
