import { Grid, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '#web/components/section.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { labelIn } from '#web/programmes/labels.ts';
import { useReferenceLabels } from '#web/lib/labels.ts';
import { BarList } from './bar-list.tsx';
import { LazyBars } from './lazy-bars.tsx';
import { useReach, type ReachBy, type ReportFilters } from './queries.ts';
import { reachChartRows, reachRows, sexAgeRows, type ReachRowView } from './report-shape.ts';

/** Reached against targeted by governorate, programme or sector, and people by sex and age. */
export function ReachSection({ filters, by, onBy }: { filters: ReportFilters; by: ReachBy; onBy: (by: ReachBy) => void }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const reach = useReach(by, filters);
  const name = (r: ReachRowView) => (by === 'sector' ? labels.sector(r.key) : labelIn(r.label));
  const rows = reach.data ? reachRows(reach.data) : [];
  const n = formatNumber;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Section
          title={t('aidReports.reachTitle')}
          testId="reports-reach"
          action={(
            <SegmentedControl size="xs" value={by} onChange={(v) => onBy(v as ReachBy)} data-testid="reports-by"
              data={(['area', 'programme', 'sector'] as const).map((b) => ({ value: b, label: t(`aidReports.by.${b}`) }))} />
          )}
        >
          {reach.isError ? <ErrorState error={reach.error} onRetry={() => reach.refetch()} /> : !reach.data ? <PageLoader /> : rows.length === 0 ? (
            <EmptyState compact title={t('aidReports.noReach')} />
          ) : (
            <>
              <BarList
                rows={reachChartRows(rows, name).map((r) => ({ name: r.name, values: { targeted: r.targeted, reached: r.reached } }))}
                series={[
                  { key: 'targeted', label: t('aidReports.targetedHouseholds'), color: 'var(--mantine-color-blue-3)' },
                  { key: 'reached', label: t('aidReports.reachedHouseholds'), color: 'var(--mantine-color-teal-7)' },
                ]}
                testId="reports-reach-chart"
              />
              <Table verticalSpacing={4} fz="sm" mt="sm" data-testid="reports-reach-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t(`aidReports.column.${by}`)}</Table.Th>
                    <Table.Th ta="end">{t('aidReports.targetedHouseholds')}</Table.Th>
                    <Table.Th ta="end">{t('aidReports.targetedPeople')}</Table.Th>
                    <Table.Th ta="end">{t('aidReports.reachedHouseholds')}</Table.Th>
                    <Table.Th ta="end">{t('aidReports.reachedPeople')}</Table.Th>
                    <Table.Th ta="end">{t('aidReports.share')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.key} data-testid="reach-row" data-key={r.key}>
                      <Table.Td>{name(r)}{by === 'area' && <Text span size="xs" c="dimmed" className="ltr"> {r.key}</Text>}</Table.Td>
                      <Table.Td ta="end" data-testid="reach-targeted">{n(r.targeted.households)}</Table.Td>
                      <Table.Td ta="end">{n(r.targeted.people)}</Table.Td>
                      <Table.Td ta="end" data-testid="reach-reached">{n(r.reached.households)}</Table.Td>
                      <Table.Td ta="end">{n(r.reached.people)}</Table.Td>
                      <Table.Td ta="end">{r.percent === null ? '—' : `${r.percent}%`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th>{t('aidReports.total')}</Table.Th>
                    <Table.Th ta="end" data-testid="reach-total-targeted">{n(reach.data.totals.targeted.households)}</Table.Th>
                    <Table.Th ta="end">{n(reach.data.totals.targeted.people)}</Table.Th>
                    <Table.Th ta="end" data-testid="reach-total-reached">{n(reach.data.totals.reached.households)}</Table.Th>
                    <Table.Th ta="end">{n(reach.data.totals.reached.people)}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </>
          )}
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Section title={t('aidReports.sexAgeTitle')} testId="reports-sex-age">
          {!reach.data ? <PageLoader /> : reach.data.totals.targeted.people === 0 ? <EmptyState compact title={t('aidReports.noReach')} /> : (
            <>
              <LazyBars
                height={280}
                data={sexAgeRows(reach.data.totals.targeted, reach.data.totals.reached).map((r) => ({ ...r, group: t(`aidReports.age.${r.group}`) }))}
                dataKey="group"
                series={[
                  { name: 'femaleTargeted', label: t('aidReports.femaleTargeted'), color: 'grape.3' },
                  { name: 'femaleReached', label: t('aidReports.femaleReached'), color: 'grape.7' },
                  { name: 'maleTargeted', label: t('aidReports.maleTargeted'), color: 'cyan.3' },
                  { name: 'maleReached', label: t('aidReports.maleReached'), color: 'cyan.8' },
                ]}
                testId="reports-sex-age-chart"
              />
              {reach.data.totals.targeted.ageUnknown > 0 && (
                <Group mt="xs"><Text size="xs" c="dimmed">{t('aidReports.ageUnknown', { n: n(reach.data.totals.targeted.ageUnknown) })}</Text></Group>
              )}
            </>
          )}
        </Section>
      </Grid.Col>
    </Grid>
  );
}
