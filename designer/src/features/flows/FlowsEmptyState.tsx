import { Card, Center, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconFile, IconMessageQuestion, IconPackage, IconRoute, type Icon } from '@tabler/icons-react';
import { FLOW_TEMPLATES, type FlowTemplate } from './templates/flowTemplates';

const ICONS: Record<string, Icon> = { blank: IconFile, faq: IconMessageQuestion, 'order-status': IconPackage };

/** No flows yet: teach by offering the example flows as starting points. */
export function FlowsEmptyState({ onPick }: { onPick: (template: FlowTemplate) => void }) {
  return (
    <Center py={48}>
      <Stack align="center" gap="lg" maw={820}>
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconRoute size={30} stroke={1.5} />
        </ThemeIcon>
        <Stack gap={4} align="center">
          <Title order={3}>Build your first flow</Title>
          <Text c="dimmed" size="sm" ta="center">
            Start from an example and change it to fit your business, or import a .flow.json file.
          </Text>
        </Stack>
        <SimpleGrid cols={3} spacing="md" w="100%">
          {FLOW_TEMPLATES.map((template) => {
            const TemplateIcon = ICONS[template.key] ?? IconFile;
            return (
              <UnstyledButton key={template.key} onClick={() => onPick(template)} aria-label={`Start from ${template.name}`}>
                <Card withBorder padding="md" radius="md" h="100%" className="template-card">
                  <Stack gap={8}>
                    <ThemeIcon variant="light" color="gray" size="lg">
                      <TemplateIcon size={20} />
                    </ThemeIcon>
                    <Text fw={600}>{template.name}</Text>
                    <Text size="sm" c="dimmed">
                      {template.description}
                    </Text>
                  </Stack>
                </Card>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      </Stack>
    </Center>
  );
}
