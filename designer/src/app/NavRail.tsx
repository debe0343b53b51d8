import { Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChartBar, IconInbox, IconRoute, IconSettings, type Icon } from '@tabler/icons-react';
import { NavLink } from 'react-router';
import { BrandMark } from '../components/BrandMark';
import { InboxRailBadge } from '../features/inbox/InboxRailBadge';
import classes from './NavRail.module.css';
import { UserMenu } from './UserMenu';

const SECTIONS: { to: string; label: string; icon: Icon; hint: string }[] = [
  { to: '/flows', label: 'Flows', icon: IconRoute, hint: 'Design and publish flows' },
  { to: '/inbox', label: 'Inbox', icon: IconInbox, hint: 'Conversations handed to people' },
  { to: '/analytics', label: 'Analytics', icon: IconChartBar, hint: 'How flows perform' },
  { to: '/settings', label: 'Settings', icon: IconSettings, hint: 'Business, channel and team' },
];

export function NavRail() {
  return (
    <Stack h="100%" justify="space-between" align="center" py="md" gap={0}>
      <Stack align="center" gap={6}>
        <BrandMark size={34} />
        <Stack component="nav" aria-label="Sections" gap={4} mt="md">
          {SECTIONS.map(({ to, label, icon: SectionIcon, hint }) => (
            <Tooltip key={to} label={hint} position="right">
              <UnstyledButton component={NavLink} to={to} className={classes.link} pos="relative">
                <SectionIcon size={22} stroke={1.6} />
                {to === '/inbox' && <InboxRailBadge />}
                <Text span fz={11} fw={500} lh={1.2}>
                  {label}
                </Text>
              </UnstyledButton>
            </Tooltip>
          ))}
        </Stack>
      </Stack>
      <UserMenu />
    </Stack>
  );
}
