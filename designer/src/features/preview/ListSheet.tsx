import { Drawer, Radio, Stack, Text, UnstyledButton } from '@mantine/core';

interface ListSheetProps {
  opened: boolean;
  title: string;
  rows: { id: string; title: string; description?: string | undefined }[];
  onClose: () => void;
  onChoose: (row: { id: string; title: string }) => void;
}

/** The sheet WhatsApp slides up when a list button is tapped. */
export function ListSheet({ opened, title, rows, onClose, onChoose }: ListSheetProps) {
  return (
    <Drawer opened={opened} onClose={onClose} position="bottom" size="auto" title={<Text fw={600}>{title}</Text>} radius="md" zIndex={400}
      styles={{ content: { maxWidth: 400, marginLeft: 'auto' } }}
    >
      <Stack gap={0}>
        {rows.map((row) => (
          <UnstyledButton
            key={row.id}
            onClick={() => onChoose({ id: row.id, title: row.title })}
            py={10}
            px={4}
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', display: 'flex', justifyContent: 'space-between', gap: 12 }}
          >
            <div>
              <Text size="sm">{row.title}</Text>
              {row.description && (
                <Text size="xs" c="dimmed">
                  {row.description}
                </Text>
              )}
            </div>
            <Radio readOnly checked={false} tabIndex={-1} aria-hidden />
          </UnstyledButton>
        ))}
      </Stack>
    </Drawer>
  );
}
