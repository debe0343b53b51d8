import { Text } from '@mantine/core';
import { characterCount } from './whatsappLimits';

/** "12/20", red once the text is over WhatsApp's limit. */
export function CharCounter({ text, max }: { text: string; max: number }) {
  const count = characterCount(text);
  return (
    <Text span size="xs" c={count > max ? 'red.7' : 'dimmed'} fw={count > max ? 700 : 400} aria-label={`${count} of ${max} characters`}>
      {count}/{max}
    </Text>
  );
}
