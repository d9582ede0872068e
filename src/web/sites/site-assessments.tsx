import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, useMe } from '#web/auth/session.tsx';
import { Section } from '#web/components/section.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber, formatPartialDate } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { EstimatedMark } from '#web/figures/key-figures.tsx';
import { useLocationAssessments, useSiteLocations, type SiteDetail } from './queries.ts';

/** What key informants reported of this site's DTM location(s), round after round (newest first). */
export function SiteAssessments({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const lang = currentLang();
  const readable = can(me, 'assessments.read');
  const found = useSiteLocations(site.id, readable);
  const locations = found.data ?? [];
  const assessments = useLocationAssessments(locations.map((l) => l.id), readable);
  if (!readable) return null;
  const body = () => {
    if (found.isError) return <ErrorState error={found.error} onRetry={() => found.refetch()} />;
    if (!found.data) return <PageLoader />;
    if (locations.length === 0) return <EmptyState compact title={t('sites.noLocation')} hint={t('sites.noLocationHint')} />;
    if (assessments.isError) return <ErrorState error={assessments.error} onRetry={() => assessments.refetch()} />;
    if (!assessments.data) return <PageLoader />;
    if (assessments.data.length === 0) return <EmptyState compact title={t('sites.noAssessments')} />;
    const rows = [...assessments.data].sort((a, b) => b.round.number - a.round.number || a.location.code.localeCompare(b.location.code));
    return (
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} data-testid="site-assessments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assessments.round')}</Table.Th>
              {locations.length > 1 && <Table.Th>{t('assessments.location')}</Table.Th>}
              <Table.Th>{t('assessments.assessedOn')}</Table.Th>
              <Table.Th ta="end">{t('figures.idpFamilies')}</Table.Th>
              <Table.Th ta="end">{t('figures.idpIndividuals')}</Table.Th>
              <Table.Th ta="end">{t('figures.returnees')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.id} data-testid="site-assessment">
                <Table.Td><Anchor component={Link} to={`/assessments/${a.id}`} size="sm">{t('figures.roundShort', { number: a.round.number })}</Anchor></Table.Td>
                {locations.length > 1 && <Table.Td><Text size="sm" className="ltr" span>{a.location.code}</Text></Table.Td>}
                <Table.Td>{formatPartialDate(lang, a.assessedOn)}</Table.Td>
                <Table.Td ta="end">{formatNumber(a.idpFamilies)}</Table.Td>
                <Table.Td ta="end"><EstimatedMark estimated={a.idpIndividualsEstimated} /> {formatNumber(a.idpIndividuals)}</Table.Td>
                <Table.Td ta="end">{formatNumber(a.returneeIndividuals)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };
  return <Section title={t('sites.assessments')} testId="site-assessments">{body()}</Section>;
}
