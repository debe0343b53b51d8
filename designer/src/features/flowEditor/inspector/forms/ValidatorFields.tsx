import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import type { Validator } from '@switchboard/engine/schema';
import { IconPlus, IconTrash } from '@tabler/icons-react';

const TYPES: { value: Validator['type']; label: string }[] = [
  { value: 'text', label: 'Any text' },
  { value: 'number', label: 'Number' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone number' },
  { value: 'date', label: 'Date' },
  { value: 'regex', label: 'Pattern (regex)' },
  { value: 'choice', label: 'One of several choices' },
];

function defaultValidator(type: Validator['type']): Validator {
  switch (type) {
    case 'regex':
      return { type, pattern: '.+' };
    case 'choice':
      return { type, choices: [{ value: 'yes', synonyms: {} }] };
    case 'text':
    case 'number':
    case 'email':
    case 'phone':
    case 'date':
      return { type };
  }
}

const num = (value: string | number): number | undefined => (typeof value === 'number' ? value : undefined);

/** What counts as a valid answer to a Question. */
export function ValidatorFields({ value, locales, onChange }: { value: Validator; locales: readonly string[]; onChange: (v: Validator) => void }) {
  return (
    <Stack gap="xs">
      <Select
        label="Expected answer"
        data={TYPES}
        value={value.type}
        allowDeselect={false}
        onChange={(type) => {
          const picked = TYPES.find((t) => t.value === type);
          if (picked && picked.value !== value.type) onChange(defaultValidator(picked.value));
        }}
      />
      {value.type === 'text' && (
        <Group grow gap="xs">
          <NumberInput label="Min length" min={0} value={value.minLength ?? ''} onChange={(v) => onChange({ ...value, minLength: num(v) })} />
          <NumberInput label="Max length" min={1} value={value.maxLength ?? ''} onChange={(v) => onChange({ ...value, maxLength: num(v) })} />
        </Group>
      )}
      {value.type === 'number' && (
        <>
          <Group grow gap="xs">
            <NumberInput label="Min" value={value.min ?? ''} onChange={(v) => onChange({ ...value, min: num(v) })} />
            <NumberInput label="Max" value={value.max ?? ''} onChange={(v) => onChange({ ...value, max: num(v) })} />
          </Group>
          <Checkbox label="Whole numbers only" checked={value.integer ?? false} onChange={(e) => onChange({ ...value, integer: e.currentTarget.checked })} />
        </>
      )}
      {value.type === 'regex' && (
        <>
          <Group grow gap="xs" align="flex-start">
            <TextInput label="Pattern" ff="monospace" value={value.pattern} onChange={(e) => onChange({ ...value, pattern: e.currentTarget.value })} style={{ flex: 3 }} />
            <TextInput label="Flags" placeholder="i" maw={70} value={value.flags ?? ''} onChange={(e) => onChange({ ...value, flags: e.currentTarget.value || undefined })} />
          </Group>
          <TextInput
            label="Store as"
            description="Optional: $1, $2… for groups, e.g. BK-$1. The whole match when empty."
            value={value.store ?? ''}
            onChange={(e) => onChange({ ...value, store: e.currentTarget.value || undefined })}
          />
        </>
      )}
      {value.type === 'choice' && (
        <Stack gap={6}>
          {value.choices.map((choice, i) => (
            <Paper key={i} withBorder p={8} radius="sm">
              <Group align="flex-end" gap={4} wrap="nowrap">
                <TextInput
                  label={`Choice ${i + 1}`}
                  style={{ flex: 1 }}
                  value={choice.value}
                  onChange={(e) => onChange({ ...value, choices: value.choices.map((c, j) => (j === i ? { ...c, value: e.currentTarget.value } : c)) })}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mb={4}
                  aria-label={`Remove choice ${i + 1}`}
                  disabled={value.choices.length <= 1}
                  onClick={() => onChange({ ...value, choices: value.choices.filter((_, j) => j !== i) })}
                >
                  <IconTrash size={15} />
                </ActionIcon>
              </Group>
              {locales.map((locale) => (
                <TagsInput
                  key={locale}
                  mt={4}
                  size="xs"
                  label={`Synonyms ${locale.toUpperCase()}`}
                  value={choice.synonyms[locale] ?? []}
                  onChange={(words) =>
                    onChange({ ...value, choices: value.choices.map((c, j) => (j === i ? { ...c, synonyms: { ...c.synonyms, [locale]: words } } : c)) })
                  }
                />
              ))}
            </Paper>
          ))}
          <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={() => onChange({ ...value, choices: [...value.choices, { value: '', synonyms: {} }] })}>
            Add choice
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
