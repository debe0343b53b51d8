import { ActionIcon, Button, Code, Group, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { catalogKeys, quickRepliesApi } from '../../api/catalog';
import { SettingsSection } from './SettingsSection';

/** Canned answers operators insert with `/shortcut`; variables such as {{name}} are filled per conversation. */
export function QuickRepliesSection() {
  const list = useQuery({ queryKey: catalogKeys.quickReplies, queryFn: quickRepliesApi.list });
  const queryClient = useQueryClient();
  const [shortcut, setShortcut] = useState('');
  const [text, setText] = useState('');
  const done = { onSuccess: () => void queryClient.invalidateQueries({ queryKey: catalogKeys.quickReplies }), onError: (e: Error) => notifications.show({ color: 'red', title: 'Quick replies not changed', message: e.message }) };
  const create = useMutation({ mutationFn: quickRepliesApi.create, ...done });
  const remove = useMutation({ mutationFn: quickRepliesApi.remove, ...done });
  const add = () => create.mutate({ shortcut: shortcut.trim().replace(/^\//, '').toLowerCase(), text: text.trim() }, { onSuccess: () => { setShortcut(''); setText(''); } });

  return (
    <SettingsSection title="Quick replies" description="Type /shortcut in the reply box. {{name}}, {{phone}}, {{operator}}, {{business}} and anything the bot collected are filled in.">
      {list.data?.length === 0 ? (
        <Text size="sm" c="dimmed">No quick replies yet.</Text>
      ) : (
        <Table verticalSpacing={6} highlightOnHover>
          <Table.Tbody>
            {list.data?.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Td w={160}><Code>/{q.shortcut}</Code></Table.Td>
                <Table.Td><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{q.text}</Text></Table.Td>
                <Table.Td w={40}>
                  <ActionIcon variant="subtle" color="red" onClick={() => remove.mutate(q.id)} aria-label={`Delete /${q.shortcut}`}><IconTrash size={16} /></ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Stack gap="xs">
        <Group align="flex-start" gap="xs">
          <TextInput label="Shortcut" placeholder="thanks" leftSection={<Text size="sm" c="dimmed">/</Text>} value={shortcut} onChange={(e) => setShortcut(e.currentTarget.value)} w={180} maxLength={33} />
          <Textarea label="Text" placeholder="Thank you, {{name}}! Anything else I can help with?" autosize minRows={1} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1 }} />
        </Group>
        <Group justify="flex-end">
          <Button onClick={add} disabled={!shortcut.trim() || !text.trim()} loading={create.isPending}>Add quick reply</Button>
        </Group>
      </Stack>
    </SettingsSection>
  );
}
