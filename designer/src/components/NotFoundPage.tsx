import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Center h="100%">
      <Stack align="center" gap="xs">
        <Title order={3}>Nothing here</Title>
        <Text c="dimmed" size="sm">
          The page you opened does not exist.
        </Text>
        <Button component={Link} to="/flows" variant="light" mt="sm">
          Go to flows
        </Button>
      </Stack>
    </Center>
  );
}
