import { Combobox, Textarea, TextInput, useCombobox } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { completePlaceholder, placeholderQuery } from './knownVariableNames';

interface VariableTextInputProps {
  value: string;
  onChange: (value: string) => void;
  variables: readonly string[];
  label?: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  placeholder?: string;
  multiline?: boolean;
  'aria-label'?: string;
}

const MAX_SUGGESTIONS = 8;

/** A text field that suggests known variables after `{{` (arrows to choose, Enter or click to insert). */
export function VariableTextInput({ value, onChange, variables, multiline, ...field }: VariableTextInputProps) {
  const combobox = useCombobox();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  const options = query === null ? [] : variables.filter((v) => v.toLowerCase().includes(query.toLowerCase())).slice(0, MAX_SUGGESTIONS);

  const track = (text: string, caret: number | null) => {
    const next = caret === null ? null : placeholderQuery(text, caret);
    setQuery(next);
    if (next !== null) {
      combobox.openDropdown();
      requestAnimationFrame(() => combobox.selectFirstOption());
    } else combobox.closeDropdown();
  };

  const insert = (name: string) => {
    const caret = ref.current?.selectionStart ?? value.length;
    const done = completePlaceholder({ text: value, caret, name });
    onChange(done.text);
    setQuery(null);
    combobox.closeDropdown();
    requestAnimationFrame(() => ref.current?.setSelectionRange(done.caret, done.caret));
  };

  const inputProps = {
    ...field,
    ref,
    value,
    placeholder: field.placeholder,
    onChange: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      onChange(e.currentTarget.value);
      track(e.currentTarget.value, e.currentTarget.selectionStart);
    },
    onBlur: () => combobox.closeDropdown(),
    onClick: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => track(e.currentTarget.value, e.currentTarget.selectionStart),
  };

  return (
    <Combobox store={combobox} onOptionSubmit={insert} position="bottom-start" width={240} withinPortal>
      <Combobox.Target withKeyboardNavigation={options.length > 0}>
        {multiline ? <Textarea {...inputProps} autosize minRows={2} maxRows={8} /> : <TextInput {...inputProps} />}
      </Combobox.Target>
      <Combobox.Dropdown hidden={options.length === 0}>
        <Combobox.Options>
          {options.map((name) => (
            <Combobox.Option value={name} key={name}>
              <span style={{ fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 }}>{`{{${name}}}`}</span>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
