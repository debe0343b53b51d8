import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled settings card with an optional action on the right. */
export function SettingsSection({ title, description, action, children }: { title: string; description?: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>{title}</Title>
            {description && <Text size="sm" c="dimmed">{description}</Text>}
          </div>
          {action}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
