import { Badge, Button, Group, Menu, Select, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentUser } from '../auth/useCurrentUser';
import { OneTimeSecret } from './OneTimeSecret';
import { inviteUser, listUsers, resetPassword, RoleSchema, settingsKeys, updateUser } from './settingsApi';
import { SettingsSection } from './SettingsSection';

const ROLES = [{ value: 'operator', label: 'Operator' }, { value: 'analyst', label: 'Analyst' }, { value: 'admin', label: 'Admin' }];

/** Admins invite people (a one-time password is shown once), change roles, disable accounts and reset passwords. */
export function UsersSection() {
  const users = useQuery({ queryKey: settingsKeys.users, queryFn: listUsers });
  const me = useCurrentUser().data;
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<string | null>('operator');
  const fail = (e: Error) => notifications.show({ color: 'red', title: 'Not changed', message: e.message });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: settingsKeys.users });
  const invite = useMutation({ mutationFn: inviteUser, onSuccess: (r) => { refresh(); setSecret(r.oneTimePassword); setEmail(''); setName(''); }, onError: fail });
  const update = useMutation({ mutationFn: updateUser, onSuccess: refresh, onError: fail });
  const reset = useMutation({ mutationFn: resetPassword, onSuccess: (r) => setSecret(r.oneTimePassword), onError: fail });
  const parsedRole = RoleSchema.safeParse(role);

  return (
    <SettingsSection title="Users" description="Operators answer customers, analysts design flows, admins manage everything.">
      <Table verticalSpacing={8}>
        <Table.Tbody>
          {users.data?.map((u) => (
            <Table.Tr key={u.id} style={{ opacity: u.disabled ? 0.55 : 1 }}>
              <Table.Td><Text size="sm" fw={600}>{u.name}</Text><Text size="xs" c="dimmed">{u.email}</Text></Table.Td>
              <Table.Td w={160}>
                <Select size="xs" data={ROLES} value={u.role} allowDeselect={false} disabled={u.id === me?.id} aria-label={`Role of ${u.name}`} onChange={(v) => { const r = RoleSchema.safeParse(v); if (r.success) update.mutate({ id: u.id, change: { role: r.data } }); }} />
              </Table.Td>
              <Table.Td w={100}>{u.disabled ? <Badge color="gray" variant="light">Disabled</Badge> : <Badge color="green" variant="light">Active</Badge>}</Table.Td>
              <Table.Td w={40}>
                {u.id !== me?.id && (
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target><Button variant="subtle" color="gray" size="compact-sm" aria-label={`Actions for ${u.name}`}><IconDots size={16} /></Button></Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => reset.mutate(u.id)}>Reset password</Menu.Item>
                      <Menu.Item color={u.disabled ? undefined : 'red'} onClick={() => update.mutate({ id: u.id, change: { disabled: !u.disabled } })}>{u.disabled ? 'Enable' : 'Disable'}</Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={600} mt="xs">Invite someone</Text>
      <Group align="flex-end" gap="xs" mt={-8}>
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: 1 }} />
        <TextInput label="Email" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} style={{ flex: 1 }} />
        <Select label="Role" data={ROLES} value={role} onChange={setRole} w={140} allowDeselect={false} />
        <Button leftSection={<IconUserPlus size={16} />} disabled={!name.trim() || !email.trim() || !parsedRole.success} loading={invite.isPending} onClick={() => parsedRole.success && invite.mutate({ email: email.trim(), name: name.trim(), role: parsedRole.data })}>
          Invite
        </Button>
      </Group>
      <OneTimeSecret title="One-time password" what="password" secret={secret} onClose={() => setSecret(null)} />
    </SettingsSection>
  );
}
