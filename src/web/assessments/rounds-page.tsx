import '#web/i18n/movement/index.ts';
import { useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Round } from '#domain/movement/assessments';
import { can, useMe } from '#web/auth/session.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { Pager } from '#web/components/pager.tsx';
import { EstimatedMark } from '#web/figures/key-figures.tsx';
import { formatNumber, formatPartialDate } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { useUrlParams } from '#web/lib/url-params.ts';
import { useRounds } from './queries.ts';
import { RoundActions } from './round-actions.tsx';
import { RoundForm } from './round-form.tsx';
import { RoundStatusBadge } from './round-status.tsx';

/** Rounds of DTM location assessments: open one, import or export its master list, close it. */
export function RoundsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { params, update } = useUrlParams({ page: 1 });
  const status = params.get('status');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const rounds = useRounds(status, page);
  const [creating, setCreating] = useState(false);
  const lang = currentLang();
  const nextNumber = Math.max(0, ...(rounds.data?.items.map((r) => r.number) ?? [])) + 1;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">{t('assessments.title')}</Title>
        {can(me, 'assessments.manage') && <Button onClick={() => setCreating(true)} data-testid="round-new">{t('assessments.newRound')}</Button>}
      </Group>
      <Text size="sm" c="dimmed">{t('assessments.intro')}</Text>
      <SegmentedControl
        w="fit-content"
        value={status ?? 'all'}
        onChange={(v) => update({ status: v === 'all' ? null : v }, { resetPage: true })}
        data={[
          { value: 'all', label: t('assessments.allRounds') },
          { value: 'open', label: t('assessments.statusOpen') },
          { value: 'closed', label: t('assessments.statusClosed') },
        ]}
        data-testid="rounds-status"
      />
      {rounds.isError ? (
        <ErrorState error={rounds.error} onRetry={() => rounds.refetch()} />
      ) : !rounds.data ? (
        <PageLoader />
      ) : rounds.data.items.length === 0 ? (
        <EmptyState title={t('assessments.noRounds')} hint={t('assessments.noRoundsHint')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={1000}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="rounds-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assessments.round')}</Table.Th>
                  <Table.Th>{t('assessments.period')}</Table.Th>
                  <Table.Th>{t('assessments.reportedOn')}</Table.Th>
                  <Table.Th>{t('assessments.status')}</Table.Th>
                  <Table.Th ta="end">{t('assessments.locations')}</Table.Th>
                  <Table.Th ta="end">{t('figures.idpFamilies')}</Table.Th>
                  <Table.Th ta="end">{t('figures.idpIndividuals')}</Table.Th>
                  <Table.Th ta="end">{t('figures.returnees')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rounds.data.items.map((r: Round) => (
                  <Table.Tr key={r.id} className="clickable-row" onClick={() => navigate(`/assessments/rounds/${r.id}`)} data-testid="round-row">
                    <Table.Td>
                      <Link to={`/assessments/rounds/${r.id}`} onClick={(e) => e.stopPropagation()}>
                        <Text fw={700} size="sm">{t('figures.roundShort', { number: r.number })}</Text>
                      </Link>
                      {r.name && <Text size="xs" c="dimmed"><bdi dir="auto">{r.name}</bdi></Text>}
                      <Text size="xs" c="dimmed" className="ltr" span>{r.organization.code}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPartialDate(lang, r.startsOn)} – {formatPartialDate(lang, r.endsOn)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPartialDate(lang, r.reportedOn)}</Table.Td>
                    <Table.Td><RoundStatusBadge status={r.status} /></Table.Td>
                    <Table.Td ta="end">{formatNumber(r.counts.locations)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(r.counts.idpFamilies)}</Table.Td>
                    <Table.Td ta="end"><EstimatedMark estimated={r.counts.estimated} /> {formatNumber(r.counts.idpIndividuals)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(r.counts.returnees)}</Table.Td>
                    <Table.Td><RoundActions round={r} size="xs" /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={rounds.data.total} pageSize={rounds.data.pageSize} page={page} onChange={(p) => update({ page: p })} />
        </>
      )}
      {creating && <RoundForm opened onClose={() => setCreating(false)} nextNumber={nextNumber} />}
    </Stack>
  );
}
