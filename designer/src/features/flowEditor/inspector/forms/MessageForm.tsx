import { Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { MessageData, NodeOfType } from '@switchboard/engine/schema';
import { ButtonsEditor } from '../ButtonsEditor';
import type { NodeFormProps } from '../formTypes';
import { ListEditor } from '../ListEditor';
import { LocalizedTextField } from '../LocalizedTextField';
import { messageBodyLimit } from '../whatsappLimits';

type ReplyKind = 'none' | 'buttons' | 'list';
const MEDIA_KINDS = ['image', 'video', 'document', 'audio'] as const;

const empty = (locales: readonly string[]) => Object.fromEntries(locales.map((l) => [l, '']));

export function MessageForm({ node, update, ctx }: NodeFormProps<NodeOfType<'message'>>) {
  const { data } = node;
  const kind: ReplyKind = data.list ? 'list' : data.buttons && data.buttons.length > 0 ? 'buttons' : 'none';

  const setKind = (next: string) => {
    const { buttons: _b, list: _l, ...rest } = data;
    const base: MessageData = rest;
    if (next === 'buttons') update({ ...base, buttons: [{ id: 'button-1', title: empty(ctx.locales) }] }, 'reply-kind');
    else if (next === 'list') update({ ...base, list: { button: empty(ctx.locales), rows: [{ id: 'row-1', title: empty(ctx.locales) }] } }, 'reply-kind');
    else update(base, 'reply-kind');
  };

  return (
    <Stack gap="md">
      <LocalizedTextField
        label="Text"
        value={data.text}
        locales={ctx.locales}
        variables={ctx.variables}
        multiline
        required
        maxLength={messageBodyLimit(node.data)}
        onChange={(text) => update({ ...data, text }, 'text')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Customer replies with
        </Text>
        <SegmentedControl
          size="xs"
          fullWidth
          value={kind}
          onChange={setKind}
          data={[
            { value: 'none', label: 'Free text' },
            { value: 'buttons', label: 'Buttons' },
            { value: 'list', label: 'List' },
          ]}
        />
        {kind !== 'none' && (
          <Text size="xs" c="dimmed">
            Typed answers count too: the title, its number, or words only one title has (“thanks” picks “No, thanks”). Anything else leaves through “other”, or
            the question is asked again.
          </Text>
        )}
      </Stack>
      {kind === 'buttons' && (
        <ButtonsEditor
          buttons={data.buttons ?? []}
          locales={ctx.locales}
          variables={ctx.variables}
          onChange={(buttons, field) => update({ ...data, buttons }, field)}
        />
      )}
      {data.list && (
        <ListEditor list={data.list} locales={ctx.locales} variables={ctx.variables} onChange={(list, field) => update({ ...data, list }, field)} />
      )}
      <Group grow align="flex-start" gap="xs">
        <Select
          label="Media"
          placeholder="None"
          clearable
          maw={120}
          data={MEDIA_KINDS.map((k) => ({ value: k, label: k[0]?.toUpperCase() + k.slice(1) }))}
          value={data.media?.kind ?? null}
          onChange={(value) => {
            const mediaKind = MEDIA_KINDS.find((k) => k === value);
            const { media: _m, ...rest } = data;
            update(mediaKind ? { ...rest, media: { kind: mediaKind, url: data.media?.url ?? 'https://' } } : rest, 'media');
          }}
        />
        {data.media && (
          <TextInput
            label="URL"
            value={data.media.url}
            placeholder="https://…"
            onChange={(e) => data.media && update({ ...data, media: { ...data.media, url: e.currentTarget.value } }, 'media-url')}
          />
        )}
      </Group>
    </Stack>
  );
}
