import { Group, SimpleGrid, Switch, Textarea } from '@mantine/core';

interface Props {
  label: string;
  description: string;
  enabled: boolean;
  text: Record<string, string>;
  onChange: (next: { enabled: boolean; text: Record<string, string> }) => void;
  disabled: boolean;
}

/** A greeting or away message: on/off and its text in English and Russian side by side. */
export function AutoMessageEditor({ label, description, enabled, text, onChange, disabled }: Props) {
  return (
    <div>
      <Group mb={6}>
        <Switch label={label} description={description} checked={enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked, text })} disabled={disabled} />
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        {(['en', 'ru'] as const).map((locale) => (
          <Textarea
            key={locale}
            label={locale === 'en' ? 'English' : 'Русский'}
            autosize
            minRows={2}
            value={text[locale] ?? ''}
            onChange={(e) => onChange({ enabled, text: { ...text, [locale]: e.currentTarget.value } })}
            disabled={disabled || !enabled}
          />
        ))}
      </SimpleGrid>
    </div>
  );
}
