import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** A password or key the server shows this once: copy it now, it cannot be shown again. */
export function OneTimeSecret({ title, secret, what, onClose }: { title: string; secret: string | null; what: string; onClose: () => void }) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} closeOnClickOutside={false}>
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
          Copy the {what} now and hand it over safely. It is shown only this once.
        </Alert>
        <Code block fz="md" data-testid="one-time-secret">{secret}</Code>
        <Group justify="flex-end">
          <CopyButton value={secret ?? ''}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          <Button onClick={onClose}>Done</Button>
        </Group>
        <Text size="xs" c="dimmed">Lost it? Reset it and a new one is made.</Text>
      </Stack>
    </Modal>
  );
}
