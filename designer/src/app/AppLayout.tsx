import { AppShell } from '@mantine/core';
import { Outlet } from 'react-router';
import { NavRail } from './NavRail';

/** The signed-in frame: a narrow rail on the left, the page filling the rest. */
export function AppLayout() {
  return (
    <AppShell navbar={{ width: 76, breakpoint: 0 }} padding={0}>
      <AppShell.Navbar>
        <NavRail />
      </AppShell.Navbar>
      <AppShell.Main h="100vh" style={{ display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
