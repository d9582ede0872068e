import { useState } from 'react';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '#web/components/section.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { Pager } from '#web/components/pager.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { codeLabel, statusColor, useReferenceLabels } from '#web/lib/labels.ts';
import { useSiteHouseholds } from './queries.ts';

/** Families the registry has at this site now, each a link to its household page. */
export function SiteHouseholds({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const [page, setPage] = useState(1);
  const list = useSiteHouseholds(siteId, page);
  return (
    <Section title={t('sites.households')} testId="site-households">
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <EmptyState compact title={t('sites.noHouseholds')} />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs">{t('common.total', { n: formatNumber(list.data.total) })}</Text>
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing={6} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('households.registrationNumber')}</Table.Th>
                  <Table.Th>{t('households.head')}</Table.Th>
                  <Table.Th ta="center">{t('households.size')}</Table.Th>
                  <Table.Th>{t('households.shelter')}</Table.Th>
                  <Table.Th>{t('households.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((h) => (
                  <Table.Tr key={h.id} data-testid="site-household">
                    <Table.Td><Link to={`/households/${h.id}`}><Text span ff="monospace" size="sm" className="ltr">{h.registrationNumber}</Text></Link></Table.Td>
                    <Table.Td><bdi dir="auto">{h.headName}</bdi></Table.Td>
                    <Table.Td ta="center">{h.size}</Table.Td>
                    <Table.Td>{labels.shelter(h.shelter)}</Table.Td>
                    <Table.Td><Badge variant="light" color={statusColor(h.status)}>{codeLabel('householdStatus', h.status)}</Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={list.data.total} pageSize={list.data.pageSize} page={page} onChange={setPage} />
        </>
      )}
    </Section>
  );
}
