import { Button, Group, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRocket } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { publishFlow } from '../../../api/flows';
import { isApiError } from '../../../api/http';
import { queryKeys } from '../../../api/queryKeys';
import { IssuesDetailsSchema } from '../../../api/schemas';
import { saveNow } from '../save/saveNow';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';

const SAVE_BLOCKERS = {
  conflict: 'Someone else saved a newer version. Choose which draft to keep first.',
  invalid: 'Some fields are incomplete. Fix the issues listed below first.',
  failed: 'The draft could not be saved. Try again in a moment.',
  busy: 'The draft is still saving. Try again in a moment.',
} as const;

/** Publishes the saved draft as the next version; refuses while validation finds errors. */
export function PublishButton({ flowId, errors }: { flowId: string; errors: number }) {
  const [opened, modal] = useDisclosure(false);
  const [summary, setSummary] = useState('');
  const store = useEditorStore();
  // Published and not edited since: publishing again would only add an identical version.
  const upToDate = useEditor((s) => s.status === 'published' && s.flow === s.save.savedFlow);
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: async () => {
      const saved = await saveNow({ store, flowId, queryClient });
      if (saved !== 'saved' && saved !== 'unchanged') throw new Error(SAVE_BLOCKERS[saved]);
      return publishFlow({ id: flowId, ...(summary.trim() ? { summary: summary.trim() } : {}) });
    },
    onSuccess: (version) => {
      store.getState().setStatus('published');
      notifications.show({ color: 'teal', title: `Published version ${version.version}`, message: 'Customers get this flow from their next message.' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.versions(flowId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.flows, exact: true });
      setSummary('');
      modal.close();
    },
  });

  const problem = publish.error
    ? isApiError(publish.error, 'flow/has-errors')
      ? `The server found ${IssuesDetailsSchema.safeParse(publish.error.details).data?.issues.length ?? 'some'} errors. Fix them, then publish.`
      : publish.error.message
    : null;

  const button = (
    <Button leftSection={<IconRocket size={16} />} disabled={errors > 0 || upToDate} onClick={modal.open}>
      Publish
    </Button>
  );
  const blocked = errors > 0 ? `Fix ${errors} error${errors === 1 ? '' : 's'} before publishing (see Validate)` : upToDate ? 'Customers already get this version. Edit the flow to publish a new one.' : null;

  return (
    <>
      {blocked ? (
        <Tooltip label={blocked}>
          <span>{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      <Modal opened={opened} onClose={modal.close} title="Publish this flow">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Customers get the new version from their next message. Conversations already in the flow continue where they are.
          </Text>
          <Textarea
            label="What changed?"
            description="Optional; shown in the version history."
            placeholder="e.g. Added the refund branch"
            autosize
            minRows={2}
            maxLength={500}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            data-autofocus
          />
          {problem && (
            <Text size="sm" c="red">
              {problem}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close}>
              Cancel
            </Button>
            <Button loading={publish.isPending} onClick={() => publish.mutate()} leftSection={<IconRocket size={16} />}>
              Publish
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
