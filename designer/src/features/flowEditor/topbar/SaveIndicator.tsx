import { Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { saveNow } from '../save/saveNow';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';

/** "Saved" / "Saving…" / "Unsaved", and what to do when saving is stuck. */
export function SaveIndicator({ flowId }: { flowId: string }) {
  const store = useEditorStore();
  const queryClient = useQueryClient();
  const unsaved = useEditor((s) => s.flow !== s.save.savedFlow);
  const { saving, error, conflict } = useEditor((s) => s.save);
  const schemaProblem = useEditor((s) => s.issues.some((i) => i.code === 'flow/invalid-document'));

  if (saving) {
    return (
      <Group gap={6} wrap="nowrap">
        <Loader size={12} />
        <Text size="xs" c="dimmed">
          Saving…
        </Text>
      </Group>
    );
  }
  if (conflict) {
    return (
      <Text size="xs" c="orange.8" fw={500}>
        Newer version on the server
      </Text>
    );
  }
  if (unsaved && error) {
    return (
      <Tooltip label={error} multiline w={300}>
        <Button
          size="compact-xs"
          variant="light"
          color="red"
          leftSection={<IconAlertTriangle size={14} />}
          onClick={() => void saveNow({ store, flowId, queryClient })}
        >
          Not saved · retry
        </Button>
      </Tooltip>
    );
  }
  if (unsaved) {
    return (
      <Tooltip label={schemaProblem ? 'Saving waits until the highlighted fields are complete.' : 'Saves a second after your last edit.'}>
        <Group gap={4} wrap="nowrap">
          <IconCloudUpload size={14} color="var(--mantine-color-gray-6)" />
          <Text size="xs" c="dimmed">
            Unsaved
          </Text>
        </Group>
      </Tooltip>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <IconCheck size={14} color="var(--mantine-color-teal-7)" />
      <Text size="xs" c="dimmed">
        Saved
      </Text>
    </Group>
  );
}
