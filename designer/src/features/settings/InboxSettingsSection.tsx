import { Button, Group, NumberInput, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getInboxSettings, saveInboxSettings, settingsKeys, type InboxSettings } from './settingsApi';
import { SettingsSection } from './SettingsSection';

/** Auto-assignment of queued conversations to online operators, and how many one operator holds. */
export function InboxSettingsSection({ editable }: { editable: boolean }) {
  const settings = useQuery({ queryKey: settingsKeys.inbox, queryFn: getInboxSettings });
  return settings.data ? <InboxSettingsForm key={JSON.stringify(settings.data)} initial={settings.data} editable={editable} /> : null;
}

function InboxSettingsForm({ initial, editable }: { initial: InboxSettings; editable: boolean }) {
  const [draft, setDraft] = useState(initial);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: saveInboxSettings,
    onSuccess: (s) => { queryClient.setQueryData(settingsKeys.inbox, s); notifications.show({ color: 'green', message: 'Inbox settings saved.' }); },
    onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: e.message }),
  });
  const changed = draft.autoAssign !== initial.autoAssign || draft.capacity !== initial.capacity;
  return (
    <SettingsSection title="Inbox" description={editable ? 'How handed-off conversations reach operators.' : 'How handed-off conversations reach operators (admins change this).'}>
      <Switch label="Assign automatically" description="Queued conversations go round-robin to operators who are online." checked={draft.autoAssign} onChange={(e) => setDraft({ ...draft, autoAssign: e.currentTarget.checked })} disabled={!editable} />
      <Group align="flex-end">
        <NumberInput label="Capacity per operator" description="Auto-assign stops at this many open conversations." min={1} max={100} w={260} value={draft.capacity} onChange={(v) => typeof v === 'number' && setDraft({ ...draft, capacity: v })} disabled={!editable} />
        {editable && <Button onClick={() => save.mutate(draft)} disabled={!changed} loading={save.isPending}>Save</Button>}
      </Group>
    </SettingsSection>
  );
}
