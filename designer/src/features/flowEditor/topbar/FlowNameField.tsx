import { TextInput, UnstyledButton, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { renameFlow } from '../edits';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';

/** The flow's name; click to rename in place, Enter or leaving the field to keep, Esc to cancel. */
export function FlowNameField() {
  const store = useEditorStore();
  const name = useEditor((s) => s.flow.name);
  const [draft, setDraft] = useState<string | null>(null);

  if (draft === null) {
    return (
      <Tooltip label="Rename">
        <UnstyledButton onClick={() => setDraft(name)} style={{ minWidth: 0 }} aria-label={`Flow name: ${name}. Rename`}>
          <Text fw={600} size="md" truncate="end" maw={320}>
            {name}
          </Text>
        </UnstyledButton>
      </Tooltip>
    );
  }
  const finish = (keep: boolean) => {
    if (keep) store.getState().dispatch(renameFlow, { name: draft });
    setDraft(null);
  };
  return (
    <TextInput
      size="xs"
      w={280}
      autoFocus
      aria-label="Flow name"
      value={draft}
      maxLength={120}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(true);
        if (e.key === 'Escape') finish(false);
      }}
    />
  );
}
