import { Accordion, ScrollArea, Stack, TagsInput, Text, Textarea, TextInput, MultiSelect } from '@mantine/core';
import { renameFlow, updateFlowSettings, type FlowSettingsPatch } from '../edits';
import { selectSettledFlow } from '../store/createEditorStore';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';
import type { FormContext } from './formTypes';
import { IntentsEditor } from './IntentsEditor';
import { VariablesEditor } from './VariablesEditor';

const LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/;

/** Flow-wide settings: shown when nothing on the canvas is selected. */
export function FlowSettingsPanel({ ctx }: { ctx: FormContext }) {
  const store = useEditorStore();
  const flow = useEditor(selectSettledFlow);
  const patch = (p: FlowSettingsPatch, field: string) => store.getState().dispatch(updateFlowSettings, { patch: p }, { key: `flow:${field}` });
  const localeOptions = [...new Set(['en', 'ru', ...(ctx.meta?.locales ?? []), ...flow.locales])];

  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap={0}>
        <Stack gap={2} px="md" pt="md" pb="xs">
          <Text fw={600}>Flow settings</Text>
          <Text size="xs" c="dimmed">
            Select a node on the canvas to edit it.
          </Text>
        </Stack>
        <Accordion multiple defaultValue={['general', 'triggers']} variant="default" chevronPosition="right">
          <Accordion.Item value="general">
            <Accordion.Control>General</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                <TextInput
                  label="Name"
                  defaultValue={flow.name}
                  key={flow.name}
                  maxLength={120}
                  onBlur={(e) => store.getState().dispatch(renameFlow, { name: e.currentTarget.value })}
                />
                <TextInput label="ID" value={flow.id} readOnly variant="filled" ff="monospace" />
                <Textarea
                  label="Description"
                  autosize
                  minRows={2}
                  maxLength={2000}
                  value={flow.description}
                  onChange={(e) => patch({ description: e.currentTarget.value }, 'description')}
                />
                <MultiSelect
                  label="Languages"
                  description="Every text is written once per language."
                  data={localeOptions}
                  value={flow.locales}
                  onChange={(locales) => locales.length > 0 && locales.every((l) => LOCALE.test(l)) && patch({ locales }, 'locales')}
                />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="triggers">
            <Accordion.Control>Triggers</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                <Text size="xs" c="dimmed">
                  The flow starts when no other flow is active and a message mentions a keyword or means one of the intents.
                </Text>
                {flow.locales.map((locale) => (
                  <TagsInput
                    key={locale}
                    label={`Keywords ${locale.toUpperCase()}`}
                    placeholder="Type and press Enter"
                    value={flow.triggers.keywords[locale] ?? []}
                    onChange={(words) => patch({ triggers: { ...flow.triggers, keywords: { ...flow.triggers.keywords, [locale]: words } } }, `keywords:${locale}`)}
                  />
                ))}
                <TagsInput
                  label="Intents"
                  data={[...ctx.intents]}
                  value={flow.triggers.intents}
                  onChange={(intents) => patch({ triggers: { ...flow.triggers, intents } }, 'trigger-intents')}
                />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="intents">
            <Accordion.Control>Intents ({flow.intents.length})</Accordion.Control>
            <Accordion.Panel>
              <IntentsEditor intents={flow.intents} locales={flow.locales} onChange={(intents, field) => patch({ intents }, field)} />
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="variables">
            <Accordion.Control>Variables ({flow.variables.length})</Accordion.Control>
            <Accordion.Panel>
              <VariablesEditor variables={flow.variables} onChange={(variables, field) => patch({ variables }, field)} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </ScrollArea>
  );
}
