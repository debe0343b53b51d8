import { Autocomplete, Stack, Text } from '@mantine/core';
import type { NodeOfType } from '@switchboard/engine/schema';
import type { NodeFormProps } from '../formTypes';
import { VariableNameInput } from '../VariableNameInput';
import { VariableTextInput } from '../VariableTextInput';
import { KeyValueRows } from './KeyValueRows';

export function ActionForm({ node, update, ctx }: NodeFormProps<NodeOfType<'action'>>) {
  const { data } = node;
  const actions = ctx.meta?.actions ?? [];
  const unknown = actions.length > 0 && !actions.includes(data.action);
  return (
    <Stack gap="md">
      <Autocomplete
        label="Backend action"
        description="A lookup the server provides. Its result leaves through ok, not found or error."
        data={[...actions]}
        value={data.action}
        onChange={(action) => update({ ...data, action }, 'action')}
        error={!data.action ? 'Choose an action.' : unknown ? `The server has no action “${data.action}”.` : null}
      />
      <KeyValueRows
        label="Input"
        description="What the action receives; values can use {{variables}}."
        rows={Object.entries(data.input)}
        keyPlaceholder="field"
        valuePlaceholder="{{orderId}}"
        addLabel="Add input"
        onChange={(rows) => update({ ...data, input: Object.fromEntries(rows) }, 'input')}
        renderValue={(value, onValue, i) => (
          <VariableTextInput aria-label={`Input ${i + 1} value`} value={value} onChange={onValue} variables={ctx.variables} placeholder="{{orderId}}" />
        )}
      />
      <VariableNameInput
        label="Save the result in"
        description="Optional; e.g. order, then use {{order.status}}."
        required={false}
        value={data.resultVariable ?? ''}
        variables={ctx.variables}
        onChange={(name) => {
          const { resultVariable: _r, ...rest } = data;
          update(name ? { ...rest, resultVariable: name } : rest, 'resultVariable');
        }}
      />
      {actions.length === 0 && (
        <Text size="xs" c="dimmed">
          The list of actions could not be loaded; names are not checked.
        </Text>
      )}
    </Stack>
  );
}
