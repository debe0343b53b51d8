import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { Variable } from '@switchboard/engine/schema';
import { IconPlus, IconTrash } from '@tabler/icons-react';

const TYPES = ['string', 'number', 'boolean', 'object'] as const;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Variables the flow declares (Questions, Set and Actions declare theirs by writing them). */
export function VariablesEditor({ variables, onChange }: { variables: readonly Variable[]; onChange: (v: Variable[], field: string) => void }) {
  const set = (index: number, variable: Variable, field: string) => onChange(variables.map((v, i) => (i === index ? variable : v)), field);
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        Declare variables filled from outside the flow, so placeholders like {'{{order.status}}'} are recognised.
      </Text>
      {variables.map((variable, i) => (
        <Stack key={i} gap={4}>
          <Group gap={4} wrap="nowrap" align="flex-start">
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              ff="monospace"
              aria-label={`Variable ${i + 1} name`}
              value={variable.name}
              error={PATH.test(variable.name) ? null : 'e.g. order or order.status'}
              onChange={(e) => set(i, { ...variable, name: e.currentTarget.value }, `variable-name:${i}`)}
            />
            <Select
              size="xs"
              w={96}
              aria-label={`Variable ${i + 1} type`}
              data={[...TYPES]}
              value={variable.type}
              allowDeselect={false}
              onChange={(value) => {
                const type = TYPES.find((t) => t === value);
                if (type) set(i, { ...variable, type }, `variable-type:${i}`);
              }}
            />
            <ActionIcon variant="subtle" color="gray" mt={2} aria-label={`Remove variable ${variable.name}`} onClick={() => onChange(variables.filter((_, j) => j !== i), 'variables')}>
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
          <TextInput
            size="xs"
            placeholder="What it holds (optional)"
            aria-label={`Variable ${i + 1} description`}
            value={variable.description ?? ''}
            onChange={(e) => set(i, { ...variable, description: e.currentTarget.value || undefined }, `variable-description:${i}`)}
          />
        </Stack>
      ))}
      <Button
        size="compact-xs"
        variant="light"
        w="fit-content"
        leftSection={<IconPlus size={12} />}
        onClick={() => onChange([...variables, { name: `var${variables.length + 1}`, type: 'string' }], 'variables')}
      >
        Add variable
      </Button>
    </Stack>
  );
}
