import { NumberInput, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { NodeOfType } from '@switchboard/engine/schema';
import { handoffReasonLabel } from '../../../../components/handoffReasonLabel';
import { formatMinutes } from '../../canvas/summarizeNode';
import type { NodeFormProps } from '../formTypes';
import { LocalizedTextField } from '../LocalizedTextField';
import { WHATSAPP_LIMITS } from '../whatsappLimits';

export function StartForm() {
  return (
    <Text size="sm" c="dimmed">
      Conversations enter the flow here, when a trigger matches or another flow jumps in. Set triggers in the flow settings (click
      the empty canvas).
    </Text>
  );
}

export function TagForm({ node, update }: NodeFormProps<NodeOfType<'tag'>>) {
  const { data } = node;
  return (
    <Stack gap="md">
      <TagsInput label="Add labels" placeholder="Type and press Enter" value={data.add} onChange={(add) => update({ ...data, add }, 'add')} />
      <TagsInput label="Remove labels" placeholder="Type and press Enter" value={data.remove} onChange={(remove) => update({ ...data, remove }, 'remove')} />
    </Stack>
  );
}

// The reasons an analyst may pick; `bot-error` is the server's own and not offered here.
const HANDOFF_REASONS = (['flow', 'requested', 'notUnderstood', 'lowRating'] as const).map((value) => ({ value, label: handoffReasonLabel(value) }));

export function HandoffForm({ node, update, ctx }: NodeFormProps<NodeOfType<'handoff'>>) {
  const { data } = node;
  return (
    <Stack gap="md">
      <TextInput
        label="Queue"
        description="Operators watching this queue pick the conversation up."
        value={data.queue}
        error={data.queue ? null : 'Name a queue.'}
        onChange={(e) => update({ ...data, queue: e.currentTarget.value }, 'queue')}
      />
      <Select
        label="Reason"
        description="Shown to operators and counted in analytics."
        data={HANDOFF_REASONS}
        value={data.reason}
        allowDeselect={false}
        onChange={(reason) => {
          const picked = HANDOFF_REASONS.find((r) => r.value === reason);
          if (picked) update({ ...data, reason: picked.value }, 'reason');
        }}
      />
      <LocalizedTextField
        label="Message to the customer"
        description="Optional; the bot's default handoff message when empty."
        value={data.message}
        locales={ctx.locales}
        variables={ctx.variables}
        multiline
        maxLength={WHATSAPP_LIMITS.textBody}
        onChange={(message) => update({ ...data, message }, 'message')}
      />
    </Stack>
  );
}

export function EndForm({ node, update, ctx }: NodeFormProps<NodeOfType<'end'>>) {
  const { data } = node;
  return (
    <LocalizedTextField
      label="Goodbye message"
      description="Optional."
      value={data.message}
      locales={ctx.locales}
      variables={ctx.variables}
      multiline
      maxLength={WHATSAPP_LIMITS.textBody}
      onChange={(message) => update({ ...data, message }, 'message')}
    />
  );
}

export function WaitForm({ node, update }: NodeFormProps<NodeOfType<'wait'>>) {
  const { data } = node;
  return (
    <NumberInput
      label="Wait for a reply (minutes)"
      description={`A reply leaves through “reply”; silence for ${formatMinutes(data.minutes)} through “timeout”.`}
      min={1}
      max={60 * 24 * 30}
      value={data.minutes}
      onChange={(value) => typeof value === 'number' && value > 0 && update({ ...data, minutes: value }, 'minutes')}
    />
  );
}

export function JumpForm({ node, update, ctx }: NodeFormProps<NodeOfType<'jump'>>) {
  const { data } = node;
  const flows = ctx.meta?.flows ?? [];
  const sameFlow = !data.flowId;
  return (
    <Stack gap="md">
      <Select
        label="Flow"
        description="Leave empty to jump within this flow."
        placeholder="This flow"
        clearable
        searchable
        data={flows.map((f) => ({ value: f.id, label: f.name }))}
        value={data.flowId ?? null}
        onChange={(flowId) => {
          const { flowId: _f, nodeId: _n, ...rest } = data;
          update(flowId ? { ...rest, flowId } : rest, 'flowId');
        }}
      />
      {sameFlow ? (
        <Select
          label="Node"
          placeholder="Choose a node"
          searchable
          clearable
          data={ctx.nodeIds.filter((id) => id !== node.id)}
          value={data.nodeId ?? null}
          onChange={(nodeId) => {
            const { nodeId: _n, ...rest } = data;
            update(nodeId ? { ...rest, nodeId } : rest, 'nodeId');
          }}
        />
      ) : (
        <TextInput
          label="Node in that flow"
          description="Optional; its start node when empty."
          value={data.nodeId ?? ''}
          onChange={(e) => {
            const { nodeId: _n, ...rest } = data;
            const nodeId = e.currentTarget.value.trim();
            update(nodeId ? { ...rest, nodeId } : rest, 'nodeId');
          }}
        />
      )}
    </Stack>
  );
}
