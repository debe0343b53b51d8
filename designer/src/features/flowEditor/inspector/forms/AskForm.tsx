import { NumberInput, Stack } from '@mantine/core';
import type { NodeOfType } from '@switchboard/engine/schema';
import type { NodeFormProps } from '../formTypes';
import { LocalizedTextField } from '../LocalizedTextField';
import { VariableNameInput } from '../VariableNameInput';
import { WHATSAPP_LIMITS } from '../whatsappLimits';
import { ValidatorFields } from './ValidatorFields';

export function AskForm({ node, update, ctx }: NodeFormProps<NodeOfType<'ask'>>) {
  const { data } = node;
  return (
    <Stack gap="md">
      <LocalizedTextField
        label="Question"
        value={data.prompt}
        locales={ctx.locales}
        variables={ctx.variables}
        multiline
        required
        maxLength={WHATSAPP_LIMITS.textBody}
        onChange={(prompt) => update({ ...data, prompt }, 'prompt')}
      />
      <VariableNameInput
        label="Save the answer in"
        value={data.variable}
        variables={ctx.variables}
        onChange={(variable) => update({ ...data, variable }, 'variable')}
      />
      <ValidatorFields value={data.validator} locales={ctx.locales} onChange={(validator) => update({ ...data, validator }, 'validator')} />
      <LocalizedTextField
        label="When the answer does not fit"
        description="Asked again instead of the question. Optional."
        value={data.retryPrompt}
        locales={ctx.locales}
        variables={ctx.variables}
        multiline
        onChange={(retryPrompt) => update({ ...data, retryPrompt }, 'retryPrompt')}
      />
      <NumberInput
        label="Attempts before giving up"
        description="Then the flow leaves through “invalid”."
        min={1}
        max={10}
        value={data.maxAttempts}
        onChange={(value) => typeof value === 'number' && update({ ...data, maxAttempts: value }, 'maxAttempts')}
      />
    </Stack>
  );
}
