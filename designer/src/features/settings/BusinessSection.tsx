import { Alert, Button, Center, Divider, Loader, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AutoMessageEditor } from './AutoMessageEditor';
import { BusinessVariablesHint } from './BusinessVariablesHint';
import { HoursPreview } from './HoursPreview';
import { invalidIntervals } from './openingHours';
import { OpeningHoursEditor } from './OpeningHoursEditor';
import { getBusinessProfile, saveBusinessProfile, settingsKeys, type BusinessProfile } from './settingsApi';
import { SettingsSection } from './SettingsSection';

const TIME_ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

/** The business profile, opening hours, and greeting and away messages (admins edit; others read). */
export function BusinessSection({ editable }: { editable: boolean }) {
  const profile = useQuery({ queryKey: settingsKeys.business, queryFn: getBusinessProfile });
  if (profile.isPending) return <Center py="xl"><Loader size="sm" /></Center>;
  if (profile.isError) return <Alert color="red" title="The business profile could not be loaded">{profile.error.message}</Alert>;
  return <BusinessForm initial={profile.data} editable={editable} />;
}

function BusinessForm({ initial, editable }: { initial: BusinessProfile; editable: boolean }) {
  const [draft, setDraft] = useState(initial);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: saveBusinessProfile,
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Saved. The bot uses the new hours and messages from now on.' });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.business });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: e.message }),
  });
  const set = <K extends keyof BusinessProfile>(key: K, value: BusinessProfile[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const badDays = invalidIntervals(draft.openingHours);
  const field = (key: 'name' | 'email' | 'website' | 'phoneNumber' | 'address', label: string, extra: object = {}) => (
    <TextInput label={label} value={draft[key]} onChange={(e) => set(key, e.currentTarget.value)} disabled={!editable} {...extra} />
  );
  const saveButton = editable && (
    <Button onClick={() => save.mutate(draft)} loading={save.isPending} disabled={!draft.name.trim() || badDays.length > 0}>
      Save changes
    </Button>
  );

  return (
    <Stack gap="lg">
      {!editable && <Alert color="gray" variant="light">Only admins change the business profile.</Alert>}
      <SettingsSection title="Business profile" description="What customers see and what the bot says about you." action={saveButton}>
        <SimpleGrid cols={2} spacing="md">
          {field('name', 'Name', { required: true })}
          {field('phoneNumber', 'WhatsApp number', { description: 'Digits with the country code, no "+"', placeholder: '31201234567' })}
          {field('email', 'Email', { type: 'email' })}
          {field('website', 'Website', { placeholder: 'https://' })}
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} value={draft.description} onChange={(e) => set('description', e.currentTarget.value)} disabled={!editable} />
        {field('address', 'Address')}
      </SettingsSection>
      <SettingsSection title="Opening hours" description="Outside these hours the away message answers." action={<Select w={240} searchable label="Time zone" data={TIME_ZONES} value={draft.timeZone} onChange={(v) => v && set('timeZone', v)} disabled={!editable} />}>
        <OpeningHoursEditor hours={draft.openingHours} onChange={(h) => set('openingHours', h)} disabled={!editable} />
        {badDays.length > 0 && <Text size="sm" c="red">An interval closes before it opens: fix {badDays.join(', ')} to save.</Text>}
        <HoursPreview hours={draft.openingHours} />
      </SettingsSection>
      <SettingsSection title="Automatic messages">
        <BusinessVariablesHint />
        <AutoMessageEditor label="Greeting" description="Sent to a customer who writes for the first time (or after a long pause)." enabled={draft.greeting.enabled} text={draft.greeting.text} onChange={(g) => set('greeting', { ...draft.greeting, ...g })} disabled={!editable} />
        <Divider />
        <AutoMessageEditor label="Away message" description="Sent when a customer writes outside opening hours." enabled={draft.away.enabled} text={draft.away.text} onChange={(a) => set('away', a)} disabled={!editable} />
      </SettingsSection>
    </Stack>
  );
}
