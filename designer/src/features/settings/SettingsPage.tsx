import { ScrollArea, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ApiKeysSection } from './ApiKeysSection';
import { BotRequestsSection } from './BotRequestsSection';
import { BusinessSection } from './BusinessSection';
import { InboxSettingsSection } from './InboxSettingsSection';
import { LabelsSection } from './LabelsSection';
import { can } from './permissions';
import { QuickRepliesSection } from './QuickRepliesSection';
import { TemplatesSection } from './TemplatesSection';
import { UsersSection } from './UsersSection';
import { WaLinkSection } from './WaLinkSection';

interface Tab { value: string; label: string; render: () => ReactNode }

/** Settings, showing only what the signed-in role may see or change. */
export default function SettingsPage() {
  const role = useCurrentUser().data?.role;
  const [params, setParams] = useSearchParams();
  const tabs: Tab[] = [
    ...(can(role, 'business.read') ? [{ value: 'business', label: 'Business', render: () => <BusinessSection editable={can(role, 'business.edit')} /> }] : []),
    ...(can(role, 'requests.edit') ? [{ value: 'requests', label: 'Bot-wide requests', render: () => <BotRequestsSection /> }] : []),
    ...(can(role, 'waLink.read') ? [{ value: 'link', label: 'WhatsApp link', render: () => <WaLinkSection /> }] : []),
    ...(can(role, 'inbox.read') ? [{ value: 'inbox', label: 'Inbox', render: () => <InboxSettingsSection editable={can(role, 'inbox.edit')} /> }] : []),
    ...(can(role, 'labels.edit') || can(role, 'business.read') ? [{ value: 'labels', label: 'Labels', render: () => <LabelsSection editable={can(role, 'labels.edit')} /> }] : []),
    ...(can(role, 'quickReplies.edit') ? [{ value: 'quick-replies', label: 'Quick replies', render: () => <QuickRepliesSection /> }] : []),
    ...(can(role, 'templates.read') ? [{ value: 'templates', label: 'Templates', render: () => <TemplatesSection editable={can(role, 'templates.edit')} /> }] : []),
    ...(can(role, 'users.manage') ? [{ value: 'users', label: 'Users', render: () => <UsersSection /> }] : []),
    ...(can(role, 'apiKeys.manage') ? [{ value: 'api-keys', label: 'API keys', render: () => <ApiKeysSection /> }] : []),
  ];
  const current = tabs.find((t) => t.value === params.get('tab')) ?? tabs[0];

  return (
    <ScrollArea h="100%">
      <Stack p="xl" gap="lg" maw={1120} mx="auto">
        <div>
          <Title order={2}>Settings</Title>
          <Text c="dimmed" size="sm">Your business, the WhatsApp number, the team and what operators use to answer.</Text>
        </div>
        <Tabs orientation="vertical" variant="pills" styles={{ tab: { justifyContent: 'flex-start' }, tabLabel: { textAlign: 'left', flex: 1 } }} value={current?.value ?? null} onChange={(v) => v && setParams({ tab: v }, { replace: true })}>
          <Tabs.List w={180} mr="lg" styles={{ list: { alignSelf: 'flex-start' } }}>
            {tabs.map((t) => <Tabs.Tab key={t.value} value={t.value}>{t.label}</Tabs.Tab>)}
          </Tabs.List>
          {current && <Tabs.Panel value={current.value} style={{ flex: 1, minWidth: 0 }}>{current.render()}</Tabs.Panel>}
        </Tabs>
      </Stack>
    </ScrollArea>
  );
}
