import { Code, Text } from '@mantine/core';

const VARIABLES = ['{{business.name}}', '{{business.address}}', '{{business.hours}}'];

/** Tells where the facts on this page go, so texts say them through variables instead of copies that go stale. */
export function BusinessVariablesHint() {
  return (
    <Text size="sm" c="dimmed">
      Use {VARIABLES.map((v, i) => (
        <span key={v}>
          {i > 0 && (i === VARIABLES.length - 1 ? ' and ' : ', ')}
          <Code>{v}</Code>
        </span>
      ))}{' '}
      in these messages and in any flow text: the bot fills them in from this page, the hours in the customer's language.
    </Text>
  );
}
