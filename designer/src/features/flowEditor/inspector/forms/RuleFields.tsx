import { Autocomplete, Group, NumberInput, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import type { Rule } from '@switchboard/engine/schema';
import { VariableNameInput } from '../VariableNameInput';

type VariableRule = Extract<Rule, { kind: 'variable' }>;
const OPS: { value: VariableRule['op']; label: string }[] = [
  { value: 'eq', label: 'equals' },
  { value: 'neq', label: 'does not equal' },
  { value: 'gt', label: 'is greater than' },
  { value: 'gte', label: 'is at least' },
  { value: 'lt', label: 'is less than' },
  { value: 'lte', label: 'is at most' },
  { value: 'contains', label: 'contains' },
  { value: 'exists', label: 'is set' },
  { value: 'notExists', label: 'is not set' },
];

/** A comparison value: numbers stay numbers, true/false stay booleans, the rest is text. */
export function toRuleValue(text: string): string | number | boolean | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text;
}

interface RuleFieldsProps {
  rule: Rule;
  locales: readonly string[];
  intents: readonly string[];
  variables: readonly string[];
  onChange: (rule: Rule) => void;
}

/** The fields of one Route rule, by kind. */
export function RuleFields({ rule, locales, intents, variables, onChange }: RuleFieldsProps) {
  switch (rule.kind) {
    case 'keyword':
      return (
        <Stack gap={4}>
          {locales.map((locale) => (
            <TagsInput
              key={locale}
              size="xs"
              label={`Keywords ${locale.toUpperCase()}`}
              placeholder="Type and press Enter"
              value={rule.keywords[locale] ?? []}
              onChange={(words) => onChange({ ...rule, keywords: { ...rule.keywords, [locale]: words } })}
            />
          ))}
        </Stack>
      );
    case 'intent':
      return (
        <Group grow gap="xs" align="flex-start">
          <Autocomplete size="xs" label="Intent" data={[...intents]} value={rule.intent} onChange={(intent) => onChange({ ...rule, intent })} style={{ flex: 2 }} />
          <NumberInput
            size="xs"
            label="Min confidence"
            min={0}
            max={1}
            step={0.05}
            decimalScale={2}
            value={rule.minConfidence}
            onChange={(v) => typeof v === 'number' && onChange({ ...rule, minConfidence: v })}
          />
        </Group>
      );
    case 'regex':
      return (
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput size="xs" label="Pattern" ff="monospace" style={{ flex: 1 }} value={rule.pattern} onChange={(e) => onChange({ ...rule, pattern: e.currentTarget.value })} />
          <TextInput size="xs" label="Flags" w={60} placeholder="i" value={rule.flags ?? ''} onChange={(e) => onChange({ ...rule, flags: e.currentTarget.value || undefined })} />
        </Group>
      );
    case 'variable': {
      const needsValue = rule.op !== 'exists' && rule.op !== 'notExists';
      return (
        <Stack gap={4}>
          <VariableNameInput label="Variable" value={rule.variable} variables={variables} onChange={(variable) => onChange({ ...rule, variable })} />
          <Group grow gap="xs" align="flex-start">
            <Select
              size="xs"
              label="Condition"
              data={OPS}
              value={rule.op}
              allowDeselect={false}
              onChange={(op) => {
                const picked = OPS.find((o) => o.value === op);
                if (picked) onChange({ ...rule, op: picked.value });
              }}
            />
            {needsValue && (
              <TextInput
                size="xs"
                label="Value"
                value={rule.value === undefined ? '' : String(rule.value)}
                onChange={(e) => onChange({ ...rule, value: toRuleValue(e.currentTarget.value) })}
              />
            )}
          </Group>
        </Stack>
      );
    }
  }
}
