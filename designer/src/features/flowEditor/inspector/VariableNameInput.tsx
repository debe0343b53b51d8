import { Autocomplete } from '@mantine/core';

const VARIABLE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

interface VariableNameInputProps {
  label: string;
  value: string;
  variables: readonly string[];
  onChange: (value: string) => void;
  description?: string;
  required?: boolean;
}

/** A variable name (`orderId`, `order.status`) with the flow's known names as suggestions. */
export function VariableNameInput({ label, value, variables, onChange, description, required = true }: VariableNameInputProps) {
  const problem = value === '' ? (required ? 'Name a variable.' : null) : VARIABLE_PATH.test(value) ? null : 'Letters, digits and “_”, dots between parts.';
  return (
    <Autocomplete
      label={label}
      description={description}
      value={value}
      data={[...variables]}
      onChange={(next) => onChange(next.trim())}
      error={problem}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      limit={8}
    />
  );
}
