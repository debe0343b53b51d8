import { Select, Stack, TextInput } from '@mantine/core';
import type { NodeOfType } from '@switchboard/engine/schema';
import type { NodeFormProps } from '../formTypes';
import { VariableTextInput } from '../VariableTextInput';
import { KeyValueRows } from './KeyValueRows';

const NAME = /^[a-z0-9_]+$/;

export function TemplateForm({ node, update, ctx }: NodeFormProps<NodeOfType<'template'>>) {
  const { data } = node;
  const languages = [...new Set([...ctx.locales, ...(ctx.meta?.locales ?? []), data.language])];
  return (
    <Stack gap="md">
      <TextInput
        label="Template name"
        description="As approved in WhatsApp Manager. Works outside the 24-hour window."
        value={data.name}
        ff="monospace"
        error={NAME.test(data.name) ? null : 'Lowercase letters, digits and underscores.'}
        onChange={(e) => update({ ...data, name: e.currentTarget.value }, 'name')}
      />
      <Select label="Language" data={languages} value={data.language} allowDeselect={false} onChange={(language) => language && update({ ...data, language }, 'language')} />
      <KeyValueRows
        label="Body parameters"
        description="{{1}}, {{2}}… in the template, filled from variables."
        rows={data.parameters.map((p, i): [string, string] => [`{{${i + 1}}}`, p])}
        keysReadOnly
        keyPlaceholder=""
        valuePlaceholder="{{profile.name}}"
        addLabel="Add parameter"
        onChange={(rows) => update({ ...data, parameters: rows.map(([, value]) => value) }, 'parameters')}
        renderValue={(value, onValue, i) => (
          <VariableTextInput aria-label={`Parameter ${i + 1}`} value={value} onChange={onValue} variables={ctx.variables} placeholder="{{profile.name}}" />
        )}
      />
    </Stack>
  );
}
