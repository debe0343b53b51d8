import { TextInput } from '@mantine/core';
import { FLOW_ID_PATTERN } from './toFlowId';

interface FlowIdentityFieldsProps {
  name: string;
  id: string;
  takenIds: readonly string[];
  onName: (name: string) => void;
  onId: (id: string) => void;
}

/** The name and id of a new flow; the id follows the name until the analyst edits it. */
export function FlowIdentityFields({ name, id, takenIds, onName, onId }: FlowIdentityFieldsProps) {
  return (
    <>
      <TextInput label="Name" required data-autofocus value={name} maxLength={120} onChange={(e) => onName(e.currentTarget.value)} />
      <TextInput
        label="ID"
        description="Used in links and jumps; cannot change later."
        required
        value={id}
        onChange={(e) => onId(e.currentTarget.value)}
        error={flowIdProblem(id, takenIds)}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
    </>
  );
}

export function flowIdProblem(id: string, takenIds: readonly string[]): string | null {
  if (!id) return null;
  if (!FLOW_ID_PATTERN.test(id)) return 'Use lowercase letters, digits, “_” or “-”, starting with a letter or digit.';
  if (takenIds.includes(id)) return 'A flow with this ID exists. Pick another.';
  return null;
}
