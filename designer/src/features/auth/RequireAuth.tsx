import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isApiError } from '../../api/http';
import { useCurrentUser } from './useCurrentUser';

/** Lets signed-in users through; sends everyone else to the login page and back afterwards. */
export function RequireAuth() {
  const me = useCurrentUser();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader size="sm" />
      </Center>
    );
  }
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/login?next=${next}`} replace />;
    }
    return (
      <Center h="100vh">
        <Stack align="center" gap="xs">
          <Text fw={600}>Switchboard cannot reach the server</Text>
          <Text c="dimmed" size="sm">
            {me.error.message}
          </Text>
          <Button variant="light" onClick={() => void me.refetch()}>
            Try again
          </Button>
        </Stack>
      </Center>
    );
  }
  return <Outlet />;
}
