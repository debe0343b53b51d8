import { Anchor, Card, Group, ScrollArea, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ReactNode;
  numeric?: boolean;
}

/** A titled table with its CSV export; empty tables say so instead of showing a bare header. */
export function StatsTable<T>(props: { title: string; testId: string; rows: readonly T[]; columns: readonly Column<T>[]; csvHref: string; rowKey: (row: T) => string; empty?: string; maxHeight?: number }) {
  const { title, testId, rows, columns, csvHref, rowKey } = props;
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Anchor href={csvHref} download size="xs" data-testid={`${testId}-csv`}>
          <Group gap={4}>
            <IconDownload size={14} />
            CSV
          </Group>
        </Anchor>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {props.empty ?? 'Nothing in this period.'}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={props.maxHeight ?? 360}>
          <Table striped highlightOnHover verticalSpacing={4} fz="sm" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.key} ta={c.numeric ? 'right' : 'left'}>
                    {c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={rowKey(row)}>
                  {columns.map((c) => (
                    <Table.Td key={c.key} ta={c.numeric ? 'right' : 'left'}>
                      {c.render(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
