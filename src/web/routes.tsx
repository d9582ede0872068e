import { Button, Center, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, useRouteError } from 'react-router';
import { RequireAuth, RequirePermission } from './auth/session.tsx';
import { AppLayout } from './shell/app-layout.tsx';
import { NotFoundPage, PageLoader } from './components/states.tsx';
import { problemMessage } from './lib/problems.ts';

/** A route failed to load or render (often a new version was deployed): offer a reload. */
function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Center py={64}>
      <Stack align="center" gap="sm" maw={480} ta="center">
        <Text fw={700}>{t('common.errorTitle')}</Text>
        <Text size="sm" c="dimmed">{problemMessage(error)}</Text>
        <Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>
      </Stack>
    </Center>
  );
}

/**
 * Every page is its own chunk, loaded when first visited; the shell (header, navigation,
 * session) is in the entry chunk.
 */
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    HydrateFallback: () => <PageLoader />,
    children: [
      {
        path: '/login',
        lazy: async () => ({ Component: (await import('./auth/login-page.tsx')).LoginPage }),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            errorElement: <RouteError />,
            children: [
              { index: true, element: <Navigate to="/households" replace /> },
              {
                path: 'households',
                lazy: async () => ({ Component: (await import('./households/households-page.tsx')).HouseholdsPage }),
              },
              {
                path: 'households/:id',
                lazy: async () => ({ Component: (await import('./households/household-page.tsx')).HouseholdPage }),
              },
              {
                path: 'households/:id/edit',
                lazy: async () => {
                  const { EditHouseholdPage } = await import('./register/edit-page.tsx');
                  return { Component: () => <RequirePermission permission="households.write"><EditHouseholdPage /></RequirePermission> };
                },
              },
              {
                path: 'register',
                lazy: async () => {
                  const { RegisterPage } = await import('./register/register-page.tsx');
                  return { Component: () => <RequirePermission permission="households.write"><RegisterPage /></RequirePermission> };
                },
              },
              {
                path: 'dedup',
                lazy: async () => {
                  const { QueuePage } = await import('./dedup/queue-page.tsx');
                  return { Component: () => <RequirePermission permission="dedup.review"><QueuePage /></RequirePermission> };
                },
              },
              {
                path: 'admin/organizations',
                lazy: async () => {
                  const { OrganizationsPage } = await import('./admin/organizations-page.tsx');
                  return { Component: () => <RequirePermission permission="organizations.manage"><OrganizationsPage /></RequirePermission> };
                },
              },
              {
                path: 'admin/users',
                lazy: async () => {
                  const { UsersPage } = await import('./admin/users-page.tsx');
                  return { Component: () => <RequirePermission permission="users.manage"><UsersPage /></RequirePermission> };
                },
              },
              {
                path: 'account',
                lazy: async () => ({ Component: (await import('./account/account-page.tsx')).AccountPage }),
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
