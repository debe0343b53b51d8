import type { NodeOfType } from '@switchboard/engine/schema';
import type { NodeFormProps } from '../formTypes';
import { VariableTextInput } from '../VariableTextInput';
import { KeyValueRows } from './KeyValueRows';

export function SetForm({ node, update, ctx }: NodeFormProps<NodeOfType<'set'>>) {
  const { data } = node;
  return (
    <KeyValueRows
      label="Assignments"
      description="Each variable gets the value; values can use {{variables}}."
      rows={data.assignments.map((a): [string, string] => [a.variable, a.value])}
      keyPlaceholder="variable"
      valuePlaceholder="value"
      addLabel="Add assignment"
      onChange={(rows) => update({ ...data, assignments: rows.map(([variable, value]) => ({ variable, value })) }, 'assignments')}
      renderValue={(value, onValue, i) => (
        <VariableTextInput aria-label={`Assignment ${i + 1} value`} value={value} onChange={onValue} variables={ctx.variables} />
      )}
    />
  );
}
