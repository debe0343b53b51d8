import { ActionIcon, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ListRow, LocalizedText, MessageData } from '@switchboard/engine/schema';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { uniqueId } from '../edits/uniqueId';
import { LocalizedTextField } from './LocalizedTextField';
import { WHATSAPP_LIMITS } from './whatsappLimits';

type List = NonNullable<MessageData['list']>;

interface ListEditorProps {
  list: List;
  locales: readonly string[];
  variables: readonly string[];
  onChange: (list: List, field: string) => void;
}

const empty = (locales: readonly string[]): LocalizedText => Object.fromEntries(locales.map((l) => [l, '']));

/** A list message: the button that opens it and up to 10 rows, each an outcome handle. */
export function ListEditor({ list, locales, variables, onChange }: ListEditorProps) {
  const setRow = (row: ListRow, field: string) => onChange({ ...list, rows: list.rows.map((r) => (r.id === row.id ? row : r)) }, field);
  const add = () =>
    onChange({ ...list, rows: [...list.rows, { id: uniqueId('row', new Set(list.rows.map((r) => r.id))), title: empty(locales) }] }, 'rows');
  return (
    <Stack gap={6}>
      <LocalizedTextField
        label="List button"
        description="Opens the list on the customer's phone."
        value={list.button}
        locales={locales}
        variables={variables}
        maxLength={WHATSAPP_LIMITS.listButton}
        required
        onChange={(button) => onChange({ ...list, button }, 'list-button')}
      />
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Rows{' '}
          <Text span size="xs" c={list.rows.length > WHATSAPP_LIMITS.listRows ? 'red' : 'dimmed'}>
            {list.rows.length}/{WHATSAPP_LIMITS.listRows}
          </Text>
        </Text>
        <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={add} disabled={list.rows.length >= WHATSAPP_LIMITS.listRows}>
          Add row
        </Button>
      </Group>
      {list.rows.map((row, i) => (
        <Paper key={row.id} withBorder p={8} radius="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4}>
            <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
              <LocalizedTextField
                label={`Row ${i + 1}`}
                value={row.title}
                locales={locales}
                variables={variables}
                maxLength={WHATSAPP_LIMITS.listRowTitle}
                required
                onChange={(title) => setRow({ ...row, title }, `row:${row.id}`)}
              />
              <LocalizedTextField
                label="Description"
                value={row.description}
                locales={locales}
                variables={variables}
                maxLength={WHATSAPP_LIMITS.listRowDescription}
                onChange={(description) => setRow({ ...row, description }, `row-description:${row.id}`)}
              />
            </Stack>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove row ${i + 1}`}
              onClick={() => onChange({ ...list, rows: list.rows.filter((r) => r.id !== row.id) }, 'rows')}
            >
              <IconTrash size={15} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
