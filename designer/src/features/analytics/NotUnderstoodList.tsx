import { Anchor, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchMeta } from '../../api/meta';
import { queryKeys } from '../../api/queryKeys';
import { addIntentExample, csvUrl, type FlowStats, type StatsPeriod } from './statsApi';

/** The messages the bot missed most, each addable in one click as an example of an intent. */
export function NotUnderstoodList({ items, period }: { items: FlowStats['notUnderstood']; period: StatsPeriod }) {
  const meta = useQuery({ queryKey: queryKeys.meta, queryFn: fetchMeta });
  const [intent, setIntent] = useState<string | null>(null);
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: (text: string) => addIntentExample({ intent: intent ?? '', text }),
    onSuccess: (result, text) => {
      setAdded((s) => new Set(s).add(text));
      void client.invalidateQueries({ queryKey: queryKeys.flow(result.flowId) });
      void client.invalidateQueries({ queryKey: queryKeys.flows });
      notifications.show({
        color: 'green',
        title: result.added ? 'Example added to the draft' : 'Already an example',
        message: result.added ? `"${text}" is now an example of ${intent} in ${result.flowId} (${result.locale}). Publish the flow to use it.` : `${intent} already has "${text}".`,
      });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not add the example', message: error.message }),
  });
  const intents = meta.data?.intents ?? [];
  return (
    <Card withBorder padding="sm" data-testid="stats-not-understood">
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          Not understood, most frequent first
        </Text>
        <Group gap="sm">
          <Select
            size="xs"
            w={220}
            placeholder={intents.length ? 'Intent to add examples to' : 'No intents declared yet'}
            data={intents}
            value={intent}
            onChange={setIntent}
            searchable
            data-testid="stats-not-understood-intent"
          />
          <Anchor href={csvUrl('flows', 'notUnderstood', period)} download size="xs" data-testid="stats-not-understood-csv">
            <Group gap={4}>
              <IconDownload size={14} />
              CSV
            </Group>
          </Anchor>
        </Group>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          The bot understood everything in this period.
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.text} data-testid="stats-not-understood-row">
                <Table.Td>{item.text}</Table.Td>
                <Table.Td ta="right" w={60}>
                  {item.n}
                </Table.Td>
                <Table.Td w={200} ta="right">
                  <Stack gap={0} align="flex-end">
                    <Button
                      size="compact-xs"
                      variant="light"
                      disabled={!intent || added.has(item.text)}
                      loading={add.isPending && add.variables === item.text}
                      onClick={() => add.mutate(item.text)}
                      data-testid="stats-add-example"
                    >
                      {added.has(item.text) ? 'Added' : intent ? `Add as example of ${intent}` : 'Choose an intent'}
                    </Button>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
