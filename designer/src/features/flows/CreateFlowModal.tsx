import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/http';
import { FlowIdentityFields, flowIdProblem } from './FlowIdentityFields';
import { FLOW_TEMPLATES, type FlowTemplate } from './templates/flowTemplates';
import { toFlowId } from './toFlowId';
import { useFlowMutations } from './useFlowMutations';

interface CreateFlowModalProps {
  opened: boolean;
  /** A template chosen beforehand (from the empty state); null lets the analyst pick. */
  template: FlowTemplate | null;
  takenIds: readonly string[];
  onClose: () => void;
}

export function CreateFlowModal({ opened, template, takenIds, onClose }: CreateFlowModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={template ? `New flow from “${template.name}”` : 'New flow'} size="md">
      <CreateFlowForm template={template} takenIds={takenIds} onClose={onClose} />
    </Modal>
  );
}

/** The form lives only while the modal is open, so every opening starts fresh. */
function CreateFlowForm({ template, takenIds, onClose }: Omit<CreateFlowModalProps, 'opened'>) {
  const suggested = template && template.key !== 'blank' ? template.name : '';
  const [name, setName] = useState(suggested);
  const [id, setId] = useState(toFlowId(suggested));
  const [idEdited, setIdEdited] = useState(false);
  const [templateKey, setTemplateKey] = useState(template?.key ?? 'blank');
  const { create } = useFlowMutations();
  const navigate = useNavigate();

  const chosen = FLOW_TEMPLATES.find((t) => t.key === templateKey) ?? FLOW_TEMPLATES[0];
  const canSubmit = name.trim() !== '' && id !== '' && !flowIdProblem(id, takenIds) && chosen !== undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) return;
    create.mutate(chosen.build({ id, name: name.trim() }), {
      onSuccess: (record) => void navigate(`/flows/${encodeURIComponent(record.id)}`),
    });
  };

  const problem = create.error
    ? isApiError(create.error, 'flow/exists')
      ? 'A flow with this ID already exists. Pick another ID.'
      : create.error.message
    : null;

  return (
      <form onSubmit={submit}>
        <Stack gap="md">
          <FlowIdentityFields
            name={name}
            id={id}
            takenIds={takenIds}
            onName={(value) => {
              setName(value);
              if (!idEdited) setId(toFlowId(value));
            }}
            onId={(value) => {
              setId(value);
              setIdEdited(true);
            }}
          />
          {!template && (
            <Radio.Group label="Start from" value={templateKey} onChange={setTemplateKey}>
              <Stack gap={6} mt={6}>
                {FLOW_TEMPLATES.map((t) => (
                  <Radio key={t.key} value={t.key} label={t.name} description={t.description} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {problem && (
            <Text c="red" size="sm">
              {problem}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!canSubmit} loading={create.isPending}>
              Create and open
            </Button>
          </Group>
        </Stack>
      </form>
  );
}
