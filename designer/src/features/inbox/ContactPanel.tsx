import { Button, Divider, Group, ScrollArea, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconHandGrab, IconRobot } from '@tabler/icons-react';
import { useDisclosure } from '@mantine/hooks';
import { ContactLabels } from './ContactLabels';
import { displayName } from './ConversationListItem';
import { formatCollected, humanizeName } from './formatCollected';
import { ReturnToBotModal } from './ReturnToBotModal';
import { TransferMenu } from './TransferMenu';
import { useInboxActions } from './useInboxActions';
import { useConversation } from './useInboxQueries';
import classes from './Inbox.module.css';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Stack gap={6}>
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" lts={0.4}>{title}</Text>
    {children}
  </Stack>
);

/** The right column: who the customer is, labels, what the bot collected, opt-in, and the actions. */
export function ContactPanel({ conversationId }: { conversationId: string }) {
  const view = useConversation(conversationId);
  const actions = useInboxActions(conversationId);
  const [returning, returner] = useDisclosure(false);
  if (!view.data) return <div className={classes.column} />;
  const { conversation: c, contact } = view.data;
  const open = c.status === 'queued' || c.status === 'assigned';
  const collected = Object.entries(contact.collected);

  return (
    <div className={classes.column} style={{ borderRight: 0, borderLeft: '1px solid var(--mantine-color-gray-3)' }}>
      <ScrollArea style={{ flex: 1 }}>
        <Stack p="md" gap="lg">
          <div>
            <Title order={4}>{displayName(c)}</Title>
            <Text size="sm" c="dimmed">{contact.phone}</Text>
          </div>
          <Stack gap={6}>
            {c.status === 'queued' && (
              <Button size="xs" leftSection={<IconHandGrab size={14} />} onClick={() => actions.claim.mutate()} loading={actions.claim.isPending} fullWidth>
                Claim
              </Button>
            )}
            <Group grow gap={6}>
              <TransferMenu actions={actions} disabled={!open} />
              <Button size="xs" variant="default" leftSection={<IconCircleCheck size={14} />} onClick={() => actions.resolve.mutate()} disabled={!open} loading={actions.resolve.isPending}>
                Resolve
              </Button>
            </Group>
            <Button size="xs" variant="light" leftSection={<IconRobot size={14} />} onClick={returner.open} disabled={c.status === 'bot'}>
              Return to bot
            </Button>
          </Stack>
          <Divider />
          <Section title="Labels">
            <ContactLabels labels={contact.labels} actions={actions} />
          </Section>
          <Section title="Collected by the bot">
            {collected.length === 0 && <Text size="sm" c="dimmed">Nothing yet.</Text>}
            {collected.map(([name, value]) => (
              <Group key={name} justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" c="dimmed">{humanizeName(name)}</Text>
                <Text size="sm" fw={500} ta="right" style={{ overflowWrap: 'anywhere' }}>{formatCollected(value)}</Text>
              </Group>
            ))}
          </Section>
          <Section title="Marketing opt-in">
            <SegmentedControl
              size="xs"
              fullWidth
              value={contact.consent.state}
              onChange={(v) => (v === 'in' || v === 'out') && actions.consent.mutate(v)}
              data={[{ value: 'in', label: 'Opted in' }, { value: 'unknown', label: 'Unknown', disabled: true }, { value: 'out', label: 'Opted out' }]}
            />
            {contact.consent.source && (
              <Text size="xs" c="dimmed">
                Recorded {contact.consent.at ? new Date(contact.consent.at).toLocaleDateString('en') : ''} · {contact.consent.source.startsWith('operator:') ? 'by an operator' : contact.consent.source}
              </Text>
            )}
          </Section>
        </Stack>
      </ScrollArea>
      <ReturnToBotModal opened={returning} onClose={returner.close} actions={actions} />
    </div>
  );
}
