import { Alert, Button, Center, Group, Loader, Paper, Text, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/http';
import { checkRequests, fieldErrorsOf } from './checkRequests';
import { requestLadder } from './requestLadder';
import { RequestRung } from './RequestRung';
import { getBotRequests, saveBotRequests, settingsKeys, type BotRequestSettings } from './settingsApi';
import { SettingsSection } from './SettingsSection';

const LADDER = requestLadder();

/** What a customer may ask for anywhere in a conversation, shown as the ladder a typed message goes down. */
export function BotRequestsSection() {
  const requests = useQuery({ queryKey: settingsKeys.requests, queryFn: getBotRequests });
  if (requests.isPending) return <Center py="xl"><Loader size="sm" /></Center>;
  if (requests.isError) return <Alert color="red" title="The bot-wide requests could not be loaded">{requests.error.message}</Alert>;
  return <BotRequestsForm key={JSON.stringify(requests.data)} initial={requests.data} />;
}

function BotRequestsForm({ initial }: { initial: BotRequestSettings }) {
  const [draft, setDraft] = useState(initial);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: saveBotRequests,
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.requests, saved);
      notifications.show({ color: 'green', message: 'Saved. The bot reads customers’ messages with these phrases from now on.' });
    },
    onError: (e) => {
      setServerErrors(e instanceof ApiError ? fieldErrorsOf(e.details) : {});
      notifications.show({ color: 'red', title: 'Not saved', message: e.message });
    },
  });
  const check = useMemo(() => checkRequests(draft), [draft]);
  const errors = { ...serverErrors, ...check.errors };
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);
  const blocked = Object.keys(check.errors).length > 0;
  const edit = (next: BotRequestSettings) => {
    setDraft(next);
    setServerErrors({});
  };

  return (
    <SettingsSection
      title="Bot-wide requests"
      description="What a customer may ask for anywhere in a conversation. A pressed button always goes to the step that offered it; a typed message goes down this ladder, and the first rung that fits wins."
    >
      <Timeline active={LADDER.length} bulletSize={26} lineWidth={2} mt="xs">
        {LADDER.map((step) => (
          <Timeline.Item
            key={step.rung}
            color={step.kind ? undefined : 'gray.5'}
            lineVariant={step.kind ? 'solid' : 'dashed'}
            bullet={<Text size="xs" fw={700} aria-hidden>{step.place}</Text>}
            pb="lg"
          >
            <RequestRung step={step} draft={draft} errors={errors} warnings={check.warnings} onChange={edit} />
          </Timeline.Item>
        ))}
      </Timeline>
      <Paper withBorder shadow={changed ? 'md' : undefined} p="sm" radius="md" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
        <Group justify="space-between">
          <Text size="sm" c={blocked ? 'red' : 'dimmed'}>
            {blocked ? 'Fix the fields marked in red to save.' : changed ? 'Unsaved changes.' : 'No unsaved changes.'}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={() => edit(initial)} disabled={!changed || save.isPending}>Cancel</Button>
            <Button onClick={() => save.mutate(draft)} loading={save.isPending} disabled={!changed || blocked}>Save changes</Button>
          </Group>
        </Group>
      </Paper>
    </SettingsSection>
  );
}
