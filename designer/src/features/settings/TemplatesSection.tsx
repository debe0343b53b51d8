import { ActionIcon, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catalogKeys, templatesApi } from '../../api/catalog';
import { SettingsSection } from './SettingsSection';
import { TemplateModal } from './TemplateModal';

const STATUS_COLOR = { approved: 'green', pending: 'yellow', rejected: 'red' } as const;

/** The WhatsApp templates the business registered with Meta; operators send the approved ones outside the 24-hour window. */
export function TemplatesSection({ editable }: { editable: boolean }) {
  const list = useQuery({ queryKey: catalogKeys.templates, queryFn: templatesApi.list });
  const queryClient = useQueryClient();
  const [adding, adder] = useDisclosure(false);
  const done = { onSuccess: () => void queryClient.invalidateQueries({ queryKey: catalogKeys.templates }), onError: (e: Error) => notifications.show({ color: 'red', title: 'Templates not changed', message: e.message }) };
  const create = useMutation({ mutationFn: templatesApi.create, ...done });
  const remove = useMutation({ mutationFn: templatesApi.remove, ...done });
  const action = editable && <Button leftSection={<IconPlus size={16} />} onClick={adder.open}>New template</Button>;

  return (
    <SettingsSection title="Templates" description="Messages approved by Meta, the only kind WhatsApp delivers outside the 24-hour window." action={action}>
      {list.data?.length === 0 ? (
        <Text size="sm" c="dimmed">No templates yet. Register the ones Meta approved for your number.</Text>
      ) : (
        <Table verticalSpacing={8}>
          <Table.Thead>
            <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Language</Table.Th><Table.Th>Category</Table.Th><Table.Th>Body</Table.Th><Table.Th>Status</Table.Th>{editable && <Table.Th />}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td><Text size="sm" fw={600}>{t.name}</Text></Table.Td>
                <Table.Td>{t.language}</Table.Td>
                <Table.Td><Text size="xs" c="dimmed">{t.category}</Text></Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>{t.body}</Text>
                  {t.buttons.length > 0 && <Group gap={4} mt={4}>{t.buttons.map((b, i) => <Badge key={i} size="xs" variant="outline" color="gray" tt="none">{b.text}</Badge>)}</Group>}
                </Table.Td>
                <Table.Td><Badge size="sm" variant="light" color={STATUS_COLOR[t.status]}>{t.status}</Badge></Table.Td>
                {editable && (
                  <Table.Td w={40}><ActionIcon variant="subtle" color="red" onClick={() => remove.mutate(t.id)} aria-label={`Delete ${t.name}`}><IconTrash size={16} /></ActionIcon></Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <TemplateModal opened={adding} onClose={adder.close} saving={create.isPending} onSave={(t) => create.mutate(t, { onSuccess: adder.close })} />
    </SettingsSection>
  );
}
