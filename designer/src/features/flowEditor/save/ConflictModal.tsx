import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { formatDateTime } from '../../../components/formatRelativeTime';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';
import { saveNow } from './saveNow';

/** Someone else saved first: the analyst chooses whose draft wins. Nothing is overwritten silently. */
export function ConflictModal({ flowId }: { flowId: string }) {
  const store = useEditorStore();
  const queryClient = useQueryClient();
  const conflict = useEditor((s) => s.save.conflict);
  return (
    <Modal
      opened={conflict !== null}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title="Someone else saved this flow"
      centered
    >
      {conflict && (
        <Stack gap="md">
          <Text size="sm">
            {conflict.updatedBy ?? 'Another editor'} saved a newer draft ({formatDateTime(conflict.updatedAt)}) while you were
            editing. Your changes are not saved yet.
          </Text>
          <Text size="sm" c="dimmed">
            Load theirs to continue from their version (your edits stay in undo). Keep mine to overwrite their draft with yours.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => store.getState().loadRecord(conflict)}>
              Load theirs
            </Button>
            <Button
              color="orange"
              onClick={() => {
                store.getState().keepMine();
                void saveNow({ store, flowId, queryClient });
              }}
            >
              Keep mine (overwrite)
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
