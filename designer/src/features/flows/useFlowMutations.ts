import { notifications } from '@mantine/notifications';
import type { Flow } from '@switchboard/engine/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createFlow, deleteFlow, duplicateFlow, getFlow, saveDraft } from '../../api/flows';
import { queryKeys } from '../../api/queryKeys';
import { downloadJson } from '../../components/downloadJson';
import { renameFlow } from '../flowEditor/edits/renameFlow';

const failed = (title: string) => (error: Error) => notifications.show({ color: 'red', title, message: error.message });

/** Server-side commands of the flows list, each refreshing the list and ending in a notification. */
export function useFlowMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.flows });

  const create = useMutation({ mutationFn: (flow: Flow) => createFlow(flow), onSuccess: refresh });

  const duplicate = useMutation({
    mutationFn: duplicateFlow,
    onSuccess: (record) => {
      notifications.show({ color: 'teal', message: `Duplicated as “${record.name}”.` });
      return refresh();
    },
  });

  const rename = useMutation({
    mutationFn: async (args: { id: string; name: string }) => {
      const record = await getFlow(args.id);
      const result = await saveDraft({ id: args.id, draft: renameFlow(record.draft, { name: args.name }), revision: record.revision });
      if (!result.ok) throw new Error('Someone saved this flow at the same moment. Try renaming again.');
      return result.flow;
    },
    onSuccess: (record) => {
      notifications.show({ color: 'teal', message: `Renamed to “${record.name}”.` });
      return refresh();
    },
    onError: failed('Could not rename the flow'),
  });

  const remove = useMutation({
    mutationFn: (args: { id: string; name: string }) => deleteFlow(args.id),
    onSuccess: (_none, args) => {
      notifications.show({ color: 'teal', message: `Deleted “${args.name}”.` });
      queryClient.removeQueries({ queryKey: queryKeys.flow(args.id) });
      return refresh();
    },
    onError: failed('Could not delete the flow'),
  });

  const exportFlow = useMutation({
    mutationFn: async (id: string) => {
      const record = await getFlow(id);
      downloadJson({ fileName: `${id}.flow.json`, value: record.draft });
    },
    onError: failed('Could not export the flow'),
  });

  return { create, duplicate, rename, remove, exportFlow };
}
