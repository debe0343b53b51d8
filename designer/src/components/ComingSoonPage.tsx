import { Badge, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

/** A section that is planned but not built yet: says what it will do, so the rail never dead-ends. */
export function ComingSoonPage({ icon: SectionIcon, title, text }: { icon: Icon; title: string; text: string }) {
  return (
    <Center h="100%" p="xl">
      <Stack align="center" gap="sm" maw={460}>
        <ThemeIcon size={64} radius="xl" variant="light" color="gray">
          <SectionIcon size={32} stroke={1.5} />
        </ThemeIcon>
        <Title order={3}>{title}</Title>
        <Badge variant="light" color="gray">
          Coming soon
        </Badge>
        <Text c="dimmed" ta="center" size="sm">
          {text}
        </Text>
      </Stack>
    </Center>
  );
}
