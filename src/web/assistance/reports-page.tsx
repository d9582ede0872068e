import '#web/i18n/assistance/index.ts';
import { Button, Grid, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReference } from '#web/api/queries.ts';
import { Section } from '#web/components/section.tsx';
import { ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { useReferenceLabels } from '#web/lib/labels.ts';
import { useUrlParams } from '#web/lib/url-params.ts';
import { DashboardTables } from './dashboard-tables.tsx';
import { useDashboard, threeWCsvUrl, type ReportFilters } from './queries.ts';
import { ratePercent } from './report-shape.ts';
import { ReachSection } from './reach-section.tsx';
import { SheetPicker } from './sheet-picker.tsx';

/**
 * Assistance at a glance for coordinators: targeted against reached per programme, sector and
 * governorate, people by sex and age, the redemption rate, the distribution sheet of a point and
 * a day to print, and the 3W/4W table for partners (HXL).
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const reference = useReference();
  const labels = useReferenceLabels();
  const { params, update } = useUrlParams();
  const typed = { from: params.get('from'), to: params.get('to') };
  // A day counts once it is written whole (while typing "2024-0" the page keeps its figures).
  const filters: ReportFilters = { from: wholeDay(typed.from), to: wholeDay(typed.to), sector: params.get('sector') };
  const dashboard = useDashboard(filters);
  return (
    <Stack gap="md" data-testid="reports-page">
      <Title order={1} size="h2">{t('aidReports.title')}</Title>
      <Text size="sm" c="dimmed">{t('aidReports.intro')}</Text>
      <Paper withBorder p="md" radius="md" data-testid="reports-filters">
        <Text size="sm" c="dimmed" mb="xs">{t('aidReports.filtersHint')}</Text>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput label={t('aidReports.from')} value={typed.from ?? ''} onChange={(e) => update({ from: e.currentTarget.value })} placeholder="2024-01-01" dir="ltr" data-testid="reports-from" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput label={t('aidReports.to')} value={typed.to ?? ''} onChange={(e) => update({ to: e.currentTarget.value })} placeholder="2024-12-31" dir="ltr" data-testid="reports-to" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              label={t('programmes.sector')}
              placeholder={t('programmes.anySector')}
              data={(reference.data?.sectors ?? []).map((s) => ({ value: s.code, label: `${s.number}. ${labels.sector(s.code)}` }))}
              value={filters.sector}
              onChange={(sector) => update({ sector })}
              clearable
              searchable
              data-testid="reports-sector"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Button component="a" href={threeWCsvUrl(filters)} download variant="default" fullWidth data-testid="reports-3w">{t('aidReports.download3w')}</Button>
          </Grid.Col>
        </Grid>
      </Paper>
      {dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => dashboard.refetch()} />
      ) : !dashboard.data ? (
        <PageLoader />
      ) : (
        <div style={{ opacity: dashboard.isPlaceholderData ? 0.55 : 1 }} data-testid="reports-dashboard" data-state={dashboard.isPlaceholderData ? 'updating' : 'current'}>
          <Stack gap="md">
            <KeyFigures totals={dashboard.data.totals} />
            <DashboardTables dashboard={dashboard.data} />
          </Stack>
        </div>
      )}
      <ReachSection filters={filters} by={(params.get('by') as 'area' | 'programme' | 'sector' | null) ?? 'area'} onBy={(by) => update({ by: by === 'area' ? null : by })} />
      <Section title={t('aidReports.sheetTitle')} testId="reports-sheet">
        <SheetPicker />
      </Section>
    </Stack>
  );
}

const wholeDay = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

type Totals = NonNullable<ReturnType<typeof useDashboard>['data']>['totals'];

function KeyFigures({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  const stat = (label: string, value: string, testId: string) => (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" fw={600}>{label}</Text>
      <Text fz={26} fw={700} className="ltr" data-testid={testId}>{value}</Text>
    </Paper>
  );
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} data-testid="reports-key-figures">
      {stat(t('aidReports.targetedHouseholds'), formatNumber(totals.targeted.households), 'key-targeted-households')}
      {stat(t('aidReports.targetedPeople'), formatNumber(totals.targeted.people), 'key-targeted-people')}
      {stat(t('aidReports.reachedHouseholds'), formatNumber(totals.reached.households), 'key-reached-households')}
      {stat(t('aidReports.reachedPeople'), formatNumber(totals.reached.people), 'key-reached-people')}
      {stat(t('aidReports.redemptionRate'), ratePercent(totals.redemptionRate), 'key-redemption-rate')}
    </SimpleGrid>
  );
}
