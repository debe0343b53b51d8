import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface KeyValueRowsProps {
  label: string;
  description?: string;
  rows: readonly [string, string][];
  keyPlaceholder: string;
  valuePlaceholder: string;
  onChange: (rows: [string, string][]) => void;
  /** Renders the value field, e.g. with variable suggestions; a plain input when absent. */
  renderValue?: (value: string, onValue: (value: string) => void, index: number) => ReactNode;
  addLabel: string;
  /** Keys are fixed labels (template parameter numbers). */
  keysReadOnly?: boolean;
}

/** Editable pairs (input mapping, assignments): key on the left, value on the right. */
export function KeyValueRows({ label, description, rows, keyPlaceholder, valuePlaceholder, onChange, renderValue, addLabel, keysReadOnly }: KeyValueRowsProps) {
  const set = (index: number, pair: [string, string]) => onChange(rows.map((r, i) => (i === index ? pair : [...r])));
  return (
    <Stack gap={6}>
      <div>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {rows.map(([key, value], i) => (
        <Group key={i} gap={4} wrap="nowrap" align="flex-start">
          <TextInput
            size="xs"
            w={120}
            placeholder={keyPlaceholder}
            aria-label={`${label} ${i + 1} name`}
            value={key}
            readOnly={keysReadOnly}
            variant={keysReadOnly ? 'filled' : 'default'}
            ff="monospace"
            onChange={(e) => set(i, [e.currentTarget.value, value])}
          />
          <div style={{ flex: 1, minWidth: 0 }}>
            {renderValue ? (
              renderValue(value, (next) => set(i, [key, next]), i)
            ) : (
              <TextInput size="xs" placeholder={valuePlaceholder} value={value} onChange={(e) => set(i, [key, e.currentTarget.value])} />
            )}
          </div>
          <ActionIcon variant="subtle" color="gray" mt={2} aria-label={`Remove ${label} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i).map((r) => [...r]))}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={() => onChange([...rows.map((r): [string, string] => [...r]), ['', '']])} w="fit-content">
        {addLabel}
      </Button>
    </Stack>
  );
}
