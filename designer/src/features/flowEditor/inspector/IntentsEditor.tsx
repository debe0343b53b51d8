import { ActionIcon, Button, Group, Paper, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { Intent } from '@switchboard/engine/schema';
import { IconPlus, IconTrash } from '@tabler/icons-react';

const NAME = /^[a-z][a-z0-9_.-]*$/;

interface IntentsEditorProps {
  intents: readonly Intent[];
  locales: readonly string[];
  onChange: (intents: Intent[], field: string) => void;
}

/** Intents this flow declares: a name and example phrases per locale (5 or more each works best). */
export function IntentsEditor({ intents, locales, onChange }: IntentsEditorProps) {
  const set = (index: number, intent: Intent, field: string) => onChange(intents.map((it, i) => (i === index ? intent : it)), field);
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        Give each intent example phrases a customer might send; the bot learns from them when you publish.
      </Text>
      {intents.map((intent, i) => (
        <Paper key={i} withBorder p={8} radius="sm">
          <Group gap={4} align="flex-end" wrap="nowrap">
            <TextInput
              label="Name"
              size="xs"
              style={{ flex: 1 }}
              ff="monospace"
              value={intent.name}
              error={NAME.test(intent.name) ? null : 'lowercase, e.g. order.status'}
              onChange={(e) => set(i, { ...intent, name: e.currentTarget.value }, `intent-name:${i}`)}
            />
            <ActionIcon variant="subtle" color="gray" mb={4} aria-label={`Remove intent ${intent.name}`} onClick={() => onChange(intents.filter((_, j) => j !== i), 'intents')}>
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
          {locales.map((locale) => (
            <TagsInput
              key={locale}
              size="xs"
              mt={6}
              label={`Examples ${locale.toUpperCase()} (${intent.examples[locale]?.length ?? 0})`}
              placeholder="Type a phrase, press Enter"
              value={intent.examples[locale] ?? []}
              onChange={(examples) => set(i, { ...intent, examples: { ...intent.examples, [locale]: examples } }, `intent-examples:${i}:${locale}`)}
            />
          ))}
        </Paper>
      ))}
      <Button
        size="compact-xs"
        variant="light"
        w="fit-content"
        leftSection={<IconPlus size={12} />}
        onClick={() => onChange([...intents, { name: `intent_${intents.length + 1}`, examples: {} }], 'intents')}
      >
        Add intent
      </Button>
    </Stack>
  );
}
