import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { addNote, changeLabels, claim, inboxKeys, recordConsent, reply, resolve, returnToBot, transfer } from './inboxApi';

const fail = (what: string) => (error: Error) => notifications.show({ color: 'red', title: `Could not ${what}`, message: error.message });

/** Every state change on one conversation; each refreshes the view and the lists when done. */
export function useInboxActions(id: string) {
  const queryClient = useQueryClient();
  const [, setParams] = useSearchParams();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: inboxKeys.view(id) }), queryClient.invalidateQueries({ queryKey: inboxKeys.lists })]);
  const options = (what: string) => ({ onSuccess: refresh, onError: fail(what) });
  return {
    claim: useMutation({
      mutationFn: () => claim(id),
      onSuccess: async () => {
        // The claimed conversation leaves the queue: follow it to "Mine".
        setParams({ view: 'mine' }, { replace: true });
        await refresh();
      },
      onError: fail('claim the conversation'),
    }),
    transfer: useMutation({ mutationFn: (to: { operatorId: string } | { queue: string }) => transfer({ id, to }), ...options('transfer the conversation') }),
    reply: useMutation({ mutationFn: (input: Parameters<typeof reply>[0]['input']) => reply({ id, input }), ...options('send the message') }),
    note: useMutation({ mutationFn: (text: string) => addNote({ id, text }), ...options('add the note') }),
    labels: useMutation({ mutationFn: (change: { add: string[]; remove: string[] }) => changeLabels({ id, ...change }), ...options('change the labels') }),
    consent: useMutation({ mutationFn: (state: 'in' | 'out') => recordConsent({ id, state }), ...options('record the consent') }),
    resolve: useMutation({ mutationFn: () => resolve(id), ...options('resolve the conversation') }),
    returnToBot: useMutation({ mutationFn: (flowId?: string) => returnToBot({ id, flowId }), ...options('return the conversation to the bot') }),
  };
}
export type InboxActions = ReturnType<typeof useInboxActions>;
