import { ActionIcon, Drawer, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEditor, useEditorStore } from '../flowEditor/store/EditorStoreContext';
import { PhoneChat } from './PhoneChat';
import { usePreviewSession } from './usePreviewSession';

/** A phone-like chat running the current (unsaved) draft on the server's preview channel. */
export function PreviewDrawer({ flowId, opened, onClose }: { flowId: string; opened: boolean; onClose: () => void }) {
  const store = useEditorStore();
  const locales = useEditor((s) => s.flow.locales);
  const locale = useEditor((s) => s.locale);
  const session = usePreviewSession({ store, flowId, locale, active: opened });
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      // Exactly over the inspector's column (EditorLayout.module.css): the canvas, its live node
      // highlight and its top-right controls stay in view while the preview runs. 360 px is a phone's width.
      size={360}
      withOverlay={false}
      lockScroll={false}
      trapFocus={false}
      shadow="xl"
      padding={0}
      title={
        <Group gap="sm">
          <Text fw={600}>Preview</Text>
          <Text size="xs" c="dimmed">
            runs the current draft
          </Text>
        </Group>
      }
      styles={{
        inner: { top: 'var(--editor-top-bar, 52px)', height: 'calc(100% - var(--editor-top-bar, 52px))' },
        content: { borderLeft: '1px solid var(--mantine-color-gray-3)' },
        header: { paddingInline: 16, paddingBlock: 10, borderBottom: '1px solid var(--mantine-color-gray-3)' },
        body: { height: 'calc(100% - 53px)', padding: 0 },
      }}
    >
      <Group justify="space-between" px="md" py={8} bg="gray.0">
        {locales.length > 1 ? (
          <SegmentedControl
            size="xs"
            value={locale}
            onChange={(value) => store.getState().setLocale(value)}
            data={locales.map((l) => ({ value: l, label: l.toUpperCase() }))}
            aria-label="Preview language"
          />
        ) : (
          <span />
        )}
        <Tooltip label="Start the conversation again">
          <ActionIcon variant="default" onClick={session.restart} aria-label="Restart preview">
            <IconRefresh size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <PhoneChat session={session} />
    </Drawer>
  );
}
