import { Badge, Button, Code, Group, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { OneTimeSecret } from './OneTimeSecret';
import { createApiKey, listApiKeys, revokeApiKey, settingsKeys } from './settingsApi';
import { SettingsSection } from './SettingsSection';

/** Keys for the business's own systems (notifications API): shown once at creation, revocable. */
export function ApiKeysSection() {
  const keys = useQuery({ queryKey: settingsKeys.apiKeys, queryFn: listApiKeys });
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const fail = (e: Error) => notifications.show({ color: 'red', title: 'Not changed', message: e.message });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: settingsKeys.apiKeys });
  const create = useMutation({ mutationFn: createApiKey, onSuccess: (r) => { refresh(); setSecret(r.secret); setName(''); }, onError: fail });
  const revoke = useMutation({ mutationFn: revokeApiKey, onSuccess: refresh, onError: fail });

  return (
    <SettingsSection title="API keys" description="For your own systems to send notifications: Authorization: Bearer sbk_…">
      {keys.data?.length === 0 ? (
        <Text size="sm" c="dimmed">No keys yet.</Text>
      ) : (
        <Table verticalSpacing={8}>
          <Table.Tbody>
            {keys.data?.map((k) => (
              <Table.Tr key={k.id} style={{ opacity: k.revokedAt ? 0.55 : 1 }}>
                <Table.Td><Text size="sm" fw={600}>{k.name}</Text><Text size="xs" c="dimmed">Created {new Date(k.createdAt).toLocaleDateString('en')}{k.createdBy ? ` by ${k.createdBy}` : ''}</Text></Table.Td>
                <Table.Td><Code>{k.prefix}…</Code></Table.Td>
                <Table.Td w={120} ta="right">
                  {k.revokedAt ? <Badge color="gray" variant="light">Revoked</Badge> : <Button size="compact-sm" variant="subtle" color="red" onClick={() => revoke.mutate(k.id)}>Revoke</Button>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end" gap="xs">
        <TextInput label="Key name" placeholder="Shop backend" value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: 1 }} />
        <Button leftSection={<IconKey size={16} />} onClick={() => create.mutate(name.trim())} disabled={!name.trim()} loading={create.isPending}>Create key</Button>
      </Group>
      <OneTimeSecret title="New API key" what="key" secret={secret} onClose={() => setSecret(null)} />
    </SettingsSection>
  );
}
