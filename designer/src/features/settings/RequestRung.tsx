import { Badge, Group, SimpleGrid, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { REQUEST_LOCALES, type RequestsCheck } from './checkRequests';
import type { LadderStep } from './requestLadder';
import type { BotRequestSettings } from './settingsApi';

interface Props {
  step: LadderStep;
  draft: BotRequestSettings;
  errors: RequestsCheck['errors'];
  warnings: RequestsCheck['warnings'];
  onChange: (next: BotRequestSettings) => void;
}

/** One rung of the bot-wide requests ladder: when it wins, its phrases per language and the text it answers with. */
export function RequestRung({ step, draft, errors, warnings, onChange }: Props) {
  const { kind, answer } = step;
  return (
    <Stack gap="sm" data-testid="request-rung" data-rung={step.rung}>
      <div>
        <Group gap="xs">
          <Text fw={600}>{step.title}</Text>
          {!kind && <Badge size="xs" variant="light" color="gray">Set in the flows</Badge>}
        </Group>
        <Text size="sm" c="dimmed" maw={760}>{step.when}</Text>
      </div>
      {kind && (
        <SimpleGrid cols={2} spacing="sm">
          {REQUEST_LOCALES.map(({ locale, name }) => {
            const field = `phrases.${kind}.${locale}`;
            return (
              <div key={locale}>
                <TagsInput
                  label={kind === 'language' ? `Asking for ${name}` : `${name} phrases`}
                  description={kind === 'language' ? 'In any language' : undefined}
                  placeholder="Add a phrase…"
                  splitChars={[]}
                  clearable
                  value={draft.phrases[kind][locale] ?? []}
                  onChange={(phrases) => onChange({ ...draft, phrases: { ...draft.phrases, [kind]: { ...draft.phrases[kind], [locale]: phrases } } })}
                  error={errors[field]}
                />
                {warnings[field]?.map((w) => <Text key={w} size="xs" c="orange.8" mt={4}>{w}</Text>)}
              </div>
            );
          })}
        </SimpleGrid>
      )}
      {answer && (
        <div>
          <Text size="sm" fw={500}>{answer.label}</Text>
          {answer.hint && <Text size="xs" c="dimmed">{answer.hint}</Text>}
          <SimpleGrid cols={2} spacing="sm" mt={6}>
            {REQUEST_LOCALES.map(({ locale, name }) => (
              <Textarea
                key={locale}
                label={name}
                autosize
                minRows={1}
                value={draft.answers[answer.key][locale] ?? ''}
                onChange={(e) => onChange({ ...draft, answers: { ...draft.answers, [answer.key]: { ...draft.answers[answer.key], [locale]: e.currentTarget.value } } })}
                error={errors[`answers.${answer.key}.${locale}`]}
              />
            ))}
          </SimpleGrid>
        </div>
      )}
    </Stack>
  );
}
