import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import type { NodeOfType, Rule } from '@switchboard/engine/schema';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { uniqueId } from '../../edits/uniqueId';
import type { NodeFormProps } from '../formTypes';
import { RuleFields } from './RuleFields';

const KIND_LABELS: Record<Rule['kind'], string> = {
  keyword: 'Keywords',
  intent: 'Intent',
  regex: 'Pattern',
  variable: 'Variable',
};

function newRule(kind: Rule['kind'], id: string): Rule {
  switch (kind) {
    case 'keyword':
      return { id, kind, keywords: {} };
    case 'intent':
      return { id, kind, intent: '', minConfidence: 0.5 };
    case 'regex':
      return { id, kind, pattern: '.+' };
    case 'variable':
      return { id, kind, variable: 'answer', op: 'eq', value: '' };
  }
}

/** Ordered rules, the first match wins; fallback takes the rest. */
export function RouteForm({ node, update, ctx }: NodeFormProps<NodeOfType<'route'>>) {
  const { rules } = node.data;
  const setRules = (next: Rule[], field: string) => update({ ...node.data, rules: next }, field);
  const move = (from: number, to: number) => {
    const next = [...rules];
    const [rule] = next.splice(from, 1);
    if (!rule) return;
    next.splice(to, 0, rule);
    setRules(next, 'rules-order');
  };
  const add = (kind: Rule['kind']) => setRules([...rules, newRule(kind, uniqueId('rule', new Set(rules.map((r) => r.id))))], 'rules');

  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        Rules are tried top to bottom; the first that matches picks the way out. Nothing matches → fallback.
      </Text>
      {rules.map((rule, i) => (
        <Paper key={rule.id} withBorder p={8} radius="sm">
          <Group justify="space-between" mb={6}>
            <Group gap={6}>
              <Badge size="xs" variant="light" color="orange">
                {i + 1}
              </Badge>
              <Text size="xs" fw={600}>
                {KIND_LABELS[rule.kind]}
              </Text>
            </Group>
            <Group gap={2}>
              <ActionIcon size="sm" variant="subtle" color="gray" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`Move rule ${i + 1} up`}>
                <IconArrowUp size={14} />
              </ActionIcon>
              <ActionIcon size="sm" variant="subtle" color="gray" disabled={i === rules.length - 1} onClick={() => move(i, i + 1)} aria-label={`Move rule ${i + 1} down`}>
                <IconArrowDown size={14} />
              </ActionIcon>
              <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => setRules(rules.filter((r) => r.id !== rule.id), 'rules')} aria-label={`Remove rule ${i + 1}`}>
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          </Group>
          <RuleFields
            rule={rule}
            locales={ctx.locales}
            intents={ctx.intents}
            variables={ctx.variables}
            onChange={(changed) => setRules(rules.map((r) => (r.id === rule.id ? changed : r)), `rule:${rule.id}`)}
          />
        </Paper>
      ))}
      <Menu position="bottom-start">
        <Menu.Target>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />}>
            Add rule
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => add('keyword')}>Keywords — the message mentions a word</Menu.Item>
          <Menu.Item onClick={() => add('intent')}>Intent — the message means something</Menu.Item>
          <Menu.Item onClick={() => add('regex')}>Pattern — the message matches a regex</Menu.Item>
          <Menu.Item onClick={() => add('variable')}>Variable — compare a stored value</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}
