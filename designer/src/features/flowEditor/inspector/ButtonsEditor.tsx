import { ActionIcon, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import type { Button as ReplyButton, LocalizedText } from '@switchboard/engine/schema';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { uniqueId } from '../edits/uniqueId';
import { LocalizedTextField } from './LocalizedTextField';
import { WHATSAPP_LIMITS } from './whatsappLimits';

interface ButtonsEditorProps {
  buttons: readonly ReplyButton[];
  locales: readonly string[];
  variables: readonly string[];
  onChange: (buttons: ReplyButton[], field: string) => void;
}

const empty = (locales: readonly string[]): LocalizedText => Object.fromEntries(locales.map((l) => [l, '']));

/** Reply buttons (up to 3, titles up to 20 characters); each becomes an outcome handle. */
export function ButtonsEditor({ buttons, locales, variables, onChange }: ButtonsEditorProps) {
  const full = buttons.length >= WHATSAPP_LIMITS.buttons;
  const add = () => onChange([...buttons, { id: uniqueId('button', new Set(buttons.map((b) => b.id))), title: empty(locales) }], 'buttons');
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Reply buttons{' '}
          <Text span size="xs" c={buttons.length > WHATSAPP_LIMITS.buttons ? 'red' : 'dimmed'}>
            {buttons.length}/{WHATSAPP_LIMITS.buttons}
          </Text>
        </Text>
        <Tooltip label="WhatsApp allows 3 reply buttons; use a list for more" disabled={!full}>
          <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={add} disabled={full}>
            Add button
          </Button>
        </Tooltip>
      </Group>
      {buttons.map((button, i) => (
        <Paper key={button.id} withBorder p={8} radius="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <LocalizedTextField
                label={`Button ${i + 1}`}
                value={button.title}
                locales={locales}
                variables={variables}
                maxLength={WHATSAPP_LIMITS.buttonTitle}
                required
                onChange={(title) => onChange(buttons.map((b) => (b.id === button.id ? { ...b, title } : b)), `button:${button.id}`)}
              />
            </div>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove button ${i + 1}`}
              onClick={() => onChange(buttons.filter((b) => b.id !== button.id), 'buttons')}
            >
              <IconTrash size={15} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
