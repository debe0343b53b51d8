import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { login } from '../../api/auth';
import { isApiError } from '../../api/http';
import { queryKeys } from '../../api/queryKeys';
import { BrandMark } from '../../components/BrandMark';

const safeNext = (next: string | null): string => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      queryClient.setQueryData(queryKeys.me, user);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };

  const problem = signIn.error
    ? isApiError(signIn.error, 'auth/invalid-credentials')
      ? 'That email and password do not match. Check them and try again.'
      : signIn.error.message
    : null;

  return (
    <Center mih="100vh" bg="gray.0">
      <Stack w={380} gap="lg">
        <Stack align="center" gap={6}>
          <BrandMark size={40} />
          <Title order={2}>Sign in to Switchboard</Title>
          <Text c="dimmed" size="sm">
            Design WhatsApp flows, preview them, publish.
          </Text>
        </Stack>
        <Paper withBorder shadow="xs" p="lg" radius="md">
          <form onSubmit={submit}>
            <Stack gap="md">
              {problem && (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
                  {problem}
                </Alert>
              )}
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                required
                autoFocus
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button type="submit" loading={signIn.isPending} fullWidth>
                Sign in
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Center>
  );
}
