import { ActionIcon, Button, ColorInput, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { catalogKeys, labelsApi } from '../../api/catalog';
import { LabelBadge } from '../inbox/LabelBadge';
import { SettingsSection } from './SettingsSection';

const SWATCHES = ['#228be6', '#15aabf', '#12b886', '#40c057', '#fab005', '#fd7e14', '#fa5252', '#be4bdb', '#7950f2', '#868e96'];

/** Labels operators put on conversations: a name and a colour. */
export function LabelsSection({ editable }: { editable: boolean }) {
  const labels = useQuery({ queryKey: catalogKeys.labels, queryFn: labelsApi.list });
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [color, setColor] = useState('#12b886');
  const done = { onSuccess: () => void queryClient.invalidateQueries({ queryKey: catalogKeys.labels }), onError: (e: Error) => notifications.show({ color: 'red', title: 'Labels not changed', message: e.message }) };
  const create = useMutation({ mutationFn: labelsApi.create, ...done });
  const update = useMutation({ mutationFn: labelsApi.update, ...done });
  const remove = useMutation({ mutationFn: labelsApi.remove, ...done });
  const add = () => create.mutate({ name: name.trim(), color }, { onSuccess: () => setName('') });

  return (
    <SettingsSection title="Labels" description="Tag conversations (new order, paid …) and filter the inbox by them.">
      <Stack gap={6}>
        {labels.data?.length === 0 && <Text size="sm" c="dimmed">No labels yet.</Text>}
        {labels.data?.map((l) => (
          <Group key={l.id} justify="space-between" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <LabelBadge name={l.name} color={l.color} />
            {editable && (
              <Group gap="xs">
                <ColorInput size="xs" w={130} swatches={SWATCHES} value={l.color} onChangeEnd={(c) => update.mutate({ id: l.id, input: { name: l.name, color: c } })} aria-label={`Colour of ${l.name}`} />
                <ActionIcon variant="subtle" color="red" onClick={() => remove.mutate(l.id)} aria-label={`Delete ${l.name}`}><IconTrash size={16} /></ActionIcon>
              </Group>
            )}
          </Group>
        ))}
      </Stack>
      {editable && (
        <Group align="flex-end" gap="xs">
          <TextInput label="New label" placeholder="VIP" value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: 1 }} maxLength={40} />
          <ColorInput label="Colour" w={150} swatches={SWATCHES} value={color} onChange={setColor} />
          <Button onClick={add} disabled={!name.trim()} loading={create.isPending}>Add label</Button>
        </Group>
      )}
    </SettingsSection>
  );
}
