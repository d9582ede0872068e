import { Button, Center, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, useRouteError } from 'react-router';
import { Home, RequireAuth, RequirePermission } from './auth/session.tsx';
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
            // The card alone on the page, for printing (no header or navigation).
            path: 'households/:id/card',
            lazy: async () => {
              const { CardPrintPage } = await import('./cards/card-print-page.tsx');
              return { Component: () => <RequirePermission permission="cards.print"><CardPrintPage /></RequirePermission> };
            },
          },
          {
            element: <AppLayout />,
            errorElement: <RouteError />,
            children: [
              { index: true, element: <Home /> },
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
                path: 'figures',
                lazy: async () => {
                  const { FiguresPage } = await import('./figures/figures-page.tsx');
                  return { Component: () => <RequirePermission permission="figures.read"><FiguresPage /></RequirePermission> };
                },
              },
              {
                path: 'sites',
                lazy: async () => ({ Component: (await import('./sites/sites-page.tsx')).SitesPage }),
              },
              {
                path: 'sites/:id',
                lazy: async () => ({ Component: (await import('./sites/site-page.tsx')).SitePage }),
              },
              {
                path: 'assessments',
                lazy: async () => {
                  const { RoundsPage } = await import('./assessments/rounds-page.tsx');
                  return { Component: () => <RequirePermission permission="assessments.read"><RoundsPage /></RequirePermission> };
                },
              },
              {
                path: 'assessments/rounds/:id',
                lazy: async () => {
                  const { RoundPage } = await import('./assessments/round-page.tsx');
                  return { Component: () => <RequirePermission permission="assessments.read"><RoundPage /></RequirePermission> };
                },
              },
              {
                path: 'assessments/rounds/:roundId/new',
                lazy: async () => {
                  const { NewAssessmentPage } = await import('./assessments/assessment-page.tsx');
                  return { Component: () => <RequirePermission permission="assessments.write"><NewAssessmentPage /></RequirePermission> };
                },
              },
              {
                path: 'assessments/:id',
                lazy: async () => {
                  const { AssessmentPage } = await import('./assessments/assessment-page.tsx');
                  return { Component: () => <RequirePermission permission="assessments.read"><AssessmentPage /></RequirePermission> };
                },
              },
              {
                path: 'programmes',
                lazy: async () => {
                  const { ProgrammesPage } = await import('./programmes/programmes-page.tsx');
                  return { Component: () => <RequirePermission permission="assistance.read"><ProgrammesPage /></RequirePermission> };
                },
              },
              {
                path: 'programmes/:id',
                lazy: async () => {
                  const { ProgrammePage } = await import('./programmes/programme-page.tsx');
                  return { Component: () => <RequirePermission permission="assistance.read"><ProgrammePage /></RequirePermission> };
                },
              },
              {
                path: 'programmes/rounds/:id',
                lazy: async () => {
                  const { RoundPage } = await import('./programmes/round-page.tsx');
                  return { Component: () => <RequirePermission permission="assistance.read"><RoundPage /></RequirePermission> };
                },
              },
              {
                path: 'programmes/rounds/:id/entitlements',
                lazy: async () => {
                  const { EntitlementsPage } = await import('./programmes/entitlements-page.tsx');
                  return { Component: () => <RequirePermission permission="assistance.read"><EntitlementsPage /></RequirePermission> };
                },
              },
              {
                path: 'assistance/reports',
                lazy: async () => {
                  const { ReportsPage } = await import('./assistance/reports-page.tsx');
                  return { Component: () => <RequirePermission permission="assistance.read"><ReportsPage /></RequirePermission> };
                },
              },
              {
                path: 'assistance/reports/sheet',
                lazy: async () => {
                  const { SheetPage } = await import('./assistance/sheet-page.tsx');
                  return { Component: () => <RequirePermission permission="assistance.read"><SheetPage /></RequirePermission> };
                },
              },
              {
                path: 'assistance/catalogue',
                lazy: async () => {
                  const { CataloguePage } = await import('./assistance/catalogue-page.tsx');
                  return { Component: () => <RequirePermission permission="assistance.configure"><CataloguePage /></RequirePermission> };
                },
              },
              {
                path: 'distribution',
                lazy: async () => {
                  const { DistributionPage } = await import('./distribution/distribution-page.tsx');
                  return { Component: () => <RequirePermission permission="assistance.distribute"><DistributionPage /></RequirePermission> };
                },
              },
              {
                path: 'distribution/conflicts',
                lazy: async () => {
                  const { ConflictsPage } = await import('./distribution/conflicts-page.tsx');
                  return { Component: () => <RequirePermission permission="assistance.distribute"><ConflictsPage /></RequirePermission> };
                },
              },
              {
                path: 'stock',
                lazy: async () => {
                  const { StockPage } = await import('./stock/stock-page.tsx');
                  return { Component: () => <RequirePermission permission="stock.read"><StockPage /></RequirePermission> };
                },
              },
              {
                path: 'stock/:id',
                lazy: async () => {
                  const { LocationPage } = await import('./stock/location-page.tsx');
                  return { Component: () => <RequirePermission permission="stock.read"><LocationPage /></RequirePermission> };
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
