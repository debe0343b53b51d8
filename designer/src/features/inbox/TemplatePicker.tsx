import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconClockOff } from '@tabler/icons-react';
import { useState } from 'react';
import { renderTemplate, templateParameterCount } from './templateParameters';
import type { InboxActions } from './useInboxActions';
import { useTemplates } from './useInboxQueries';
import classes from './Inbox.module.css';

/** Outside the 24-hour window only approved templates may be sent: pick one and fill its parameters. */
export function TemplatePicker({ actions, never }: { actions: InboxActions; never: boolean }) {
  const templates = useTemplates();
  const approved = (templates.data ?? []).filter((t) => t.status === 'approved');
  const [key, setKey] = useState<string | null>(null);
  const [params, setParams] = useState<string[]>([]);
  const chosen = approved.find((t) => t.id === key);
  const count = chosen ? templateParameterCount(chosen.body) : 0;
  const filled = Array.from({ length: count }, (_, i) => params[i] ?? '');
  const ready = chosen && filled.every((p) => p.trim());

  const send = () => {
    if (!chosen || !ready) return;
    actions.reply.mutate(
      { template: { name: chosen.name, language: chosen.language, parameters: filled.map((p) => p.trim()) } },
      { onSuccess: () => { setKey(null); setParams([]); } },
    );
  };

  return (
    <div className={classes.composer}>
      <Stack gap="xs">
        <Alert variant="light" color="gray" icon={<IconClockOff size={18} />} p="xs">
          <Text size="xs">
            {never ? 'The customer has not written to you yet' : 'The 24-hour window is closed'}: WhatsApp only lets you send an approved template until the customer writes again. Free text is disabled.
          </Text>
        </Alert>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Select
            style={{ flex: 1 }}
            size="sm"
            label="Template"
            placeholder={approved.length ? 'Pick an approved template' : 'No approved templates yet (Settings → Templates)'}
            data={approved.map((t) => ({ value: t.id, label: `${t.name} · ${t.language}` }))}
            value={key}
            onChange={(v) => { setKey(v); setParams([]); }}
            searchable
          />
          <Button onClick={send} disabled={!ready} loading={actions.reply.isPending}>
            Send template
          </Button>
        </Group>
        {chosen && (
          <>
            {filled.map((value, i) => (
              <TextInput key={i} size="xs" label={`{{${i + 1}}}`} value={value} onChange={(e) => { const next = [...filled]; next[i] = e.currentTarget.value; setParams(next); }} />
            ))}
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {renderTemplate(chosen.body, filled)}
            </Text>
          </>
        )}
      </Stack>
    </div>
  );
}
