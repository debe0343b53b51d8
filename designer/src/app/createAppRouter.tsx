import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../components/NotFoundPage';
import { LoginPage } from '../features/auth/LoginPage';
import { LandingRedirect } from '../features/auth/LandingRedirect';
import { RequireAuth } from '../features/auth/RequireAuth';
import { FlowsPage } from '../features/flows/FlowsPage';
import { AppLayout } from './AppLayout';
import { SuspenseRoute } from './SuspenseRoute';

// The editor carries the canvas, layout and validation: load it only when a flow is opened.
const FlowEditorPage = lazy(() => import('../features/flowEditor/FlowEditorPage'));
const InboxPage = lazy(() => import('../features/inbox/InboxPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
// Analytics carries the chart library: load it only when opened.
const AnalyticsPage = lazy(() => import('../features/analytics/AnalyticsPage'));

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      element: <RequireAuth />,
      children: [
        {
          element: <AppLayout />,
          children: [
            { index: true, element: <LandingRedirect /> },
            { path: 'flows', element: <FlowsPage /> },
            { path: 'flows/:flowId', element: <SuspenseRoute><FlowEditorPage /></SuspenseRoute> },
            { path: 'inbox/:conversationId?', element: <SuspenseRoute><InboxPage /></SuspenseRoute> },
            { path: 'analytics', element: <SuspenseRoute><AnalyticsPage /></SuspenseRoute> },
            { path: 'settings', element: <SuspenseRoute><SettingsPage /></SuspenseRoute> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
