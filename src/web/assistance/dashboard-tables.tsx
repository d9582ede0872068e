import { Grid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '#domain/assistance/reports';
import { Section } from '#web/components/section.tsx';
import { EmptyState } from '#web/components/states.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { useReferenceLabels } from '#web/lib/labels.ts';
import { programmeName } from '#web/programmes/labels.ts';
import { ratePercent } from './report-shape.ts';

/** Targeted, reached and the redemption rate per programme and per sector. */
export function DashboardTables({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const n = formatNumber;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Section title={t('aidReports.byProgramme')} testId="reports-programmes">
          {dashboard.programmes.length === 0 ? <EmptyState compact title={t('aidReports.noProgrammes')} /> : (
            <Table.ScrollContainer minWidth={540}>
              <Table verticalSpacing={6} fz="sm" data-testid="reports-programmes-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('programmes.programme')}</Table.Th>
                    <Table.Th ta="end">{t('aidReports.roundsIssued')}</Table.Th>
                    <Table.Th ta="end">{t('aidReports.targetedHouseholds')}</Table.Th>
                    <Table.Th ta="end">{t('aidReports.reachedHouseholds')}</Table.Th>
                    <Table.Th ta="end">{t('aidReports.redemptionRate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {dashboard.programmes.map((p) => (
                    <Table.Tr key={p.id} data-testid="reports-programme-row" data-code={p.code}>
                      <Table.Td>
                        <Link to={`/programmes/${p.id}`}><Text size="sm" fw={600}><bdi dir="auto">{programmeName(p)}</bdi></Text></Link>
                        <Text size="xs" c="dimmed"><span className="ltr">{p.code}</span> · {labels.sector(p.sector)}</Text>
                      </Table.Td>
                      <Table.Td ta="end">{n(p.roundsIssued)} / {n(p.rounds)}</Table.Td>
                      <Table.Td ta="end" data-testid="programme-targeted">{n(p.targeted.households)}</Table.Td>
                      <Table.Td ta="end" data-testid="programme-reached">{n(p.reached.households)}</Table.Td>
                      <Table.Td ta="end">{ratePercent(p.redemptionRate)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Section title={t('aidReports.bySector')} testId="reports-sectors">
          {dashboard.sectors.length === 0 ? <EmptyState compact title={t('aidReports.noProgrammes')} /> : (
            <Table verticalSpacing={6} fz="sm" data-testid="reports-sectors-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('programmes.sector')}</Table.Th>
                  <Table.Th ta="end">{t('aidReports.targetedHouseholds')}</Table.Th>
                  <Table.Th ta="end">{t('aidReports.reachedHouseholds')}</Table.Th>
                  <Table.Th ta="end">{t('aidReports.redemptionRate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dashboard.sectors.map((s) => (
                  <Table.Tr key={s.sector} data-testid="reports-sector-row">
                    <Table.Td>{labels.sector(s.sector)}<Text size="xs" c="dimmed">{t('aidReports.programmesCount', { n: n(s.programmes) })}</Text></Table.Td>
                    <Table.Td ta="end">{n(s.targeted.households)}</Table.Td>
                    <Table.Td ta="end">{n(s.reached.households)}</Table.Td>
                    <Table.Td ta="end">{ratePercent(s.redemptionRate)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      </Grid.Col>
    </Grid>
  );
}
