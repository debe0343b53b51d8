import { Group, Input, SimpleGrid, Text } from '@mantine/core';
import type { LocalizedText } from '@switchboard/engine/schema';
import { CharCounter } from './CharCounter';
import { VariableTextInput } from './VariableTextInput';

interface LocalizedTextFieldProps {
  label: string;
  value: LocalizedText | undefined;
  locales: readonly string[];
  onChange: (value: LocalizedText) => void;
  variables: readonly string[];
  maxLength?: number;
  multiline?: boolean;
  required?: boolean;
  description?: string;
}

/** One text, written once per locale side by side (EN | RU), with counters and `{{variable}}` help. */
export function LocalizedTextField({ label, value = {}, locales, onChange, variables, maxLength, multiline, required, description }: LocalizedTextFieldProps) {
  return (
    <Input.Wrapper label={label} description={description} withAsterisk={required}>
      <SimpleGrid cols={Math.min(locales.length, 2)} spacing={6} mt={4}>
        {locales.map((locale) => {
          const text = value[locale] ?? '';
          const missing = required && !text.trim();
          return (
            <div key={locale}>
              <Group justify="space-between" gap={4} mb={2}>
                <Text size="xs" fw={700} c={missing ? 'red.7' : 'dimmed'}>
                  {locale.toUpperCase()}
                </Text>
                {maxLength !== undefined && <CharCounter text={text} max={maxLength} />}
              </Group>
              <VariableTextInput
                aria-label={`${label} (${locale.toUpperCase()})`}
                value={text}
                multiline={multiline}
                variables={variables}
                onChange={(next) => onChange({ ...value, [locale]: next })}
              />
            </div>
          );
        })}
      </SimpleGrid>
    </Input.Wrapper>
  );
}
