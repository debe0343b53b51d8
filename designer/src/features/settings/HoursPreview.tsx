import { Code, Stack, Table, Text } from '@mantine/core';
import { describeHours } from '@switchboard/engine/schema';
import type { BusinessProfile } from './settingsApi';

const LOCALES = [
  { locale: 'en', label: 'English' },
  { locale: 'ru', label: 'Русский' },
] as const;

/**
 * The hours as customers will read them, in each language, updated as they are edited: the same
 * describer the bot uses for {{business.hours}}, so what is shown here is what is sent.
 */
export function HoursPreview({ hours }: { hours: BusinessProfile['openingHours'] }) {
  return (
    <Stack gap={4} data-testid="hours-preview">
      <Text size="sm" c="dimmed">
        Customers read <Code>{'{{business.hours}}'}</Code> as:
      </Text>
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0}>
        <Table.Tbody>
          {LOCALES.map(({ locale, label }) => (
            <Table.Tr key={locale}>
              <Table.Td w={80}><Text size="sm" c="dimmed">{label}</Text></Table.Td>
              <Table.Td><Text size="sm" data-testid={`hours-preview-${locale}`}>{describeHours({ openingHours: hours }, locale)}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
