import '#web/i18n/movement/index.ts';
import { Fragment } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Assessment, Round } from '#domain/movement/assessments';
import { can, useMe } from '#web/auth/session.tsx';
import { PcodePicker } from '#web/components/pcode-picker.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { Pager } from '#web/components/pager.tsx';
import { EstimatedMark } from '#web/figures/key-figures.tsx';
import { formatNumber, formatPartialDate } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { useAreaNames, useReferenceLabels } from '#web/lib/labels.ts';
import { useUrlParams } from '#web/lib/url-params.ts';
import { locationName } from './location-picker.tsx';
import { useRound, useRoundAssessments } from './queries.ts';
import { RoundActions } from './round-actions.tsx';
import { RoundStatusBadge } from './round-status.tsx';

/** One round: its totals, and its assessments by governorate and district. */
export function RoundPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const lang = currentLang();
  const round = useRound(id);
  if (round.isPending) return <PageLoader />;
  if (round.isError) return <ErrorState error={round.error} onRetry={() => round.refetch()} />;
  const r = round.data;
  const canAdd = can(me, 'assessments.write') && r.status === 'open';
  return (
    <Stack gap="md" data-testid="round-page">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={1} size="h2">{t('figures.roundShort', { number: r.number })}</Title>
              <RoundStatusBadge status={r.status} />
            </Group>
            {r.name && <Text><bdi dir="auto">{r.name}</bdi></Text>}
            <Text size="sm" c="dimmed">
              {t('assessments.periodText', { from: formatPartialDate(lang, r.startsOn), to: formatPartialDate(lang, r.endsOn), reported: formatPartialDate(lang, r.reportedOn) })} · <span className="ltr">{r.organization.code}</span>
            </Text>
          </Stack>
          <Group gap="xs">
            {canAdd && <Button component={Link} to={`/assessments/rounds/${r.id}/new`} data-testid="assessment-add">{t('assessments.add')}</Button>}
            <RoundActions round={r} />
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} mt="md">
          <Total label={t('assessments.locations')} value={r.counts.locations} />
          <Total label={t('figures.idpFamilies')} value={r.counts.idpFamilies} />
          <Total label={t('figures.idpIndividuals')} value={r.counts.idpIndividuals} estimated={r.counts.estimated} />
          <Total label={t('figures.returnees')} value={r.counts.returnees} />
        </SimpleGrid>
      </Paper>
      <RoundAssessments round={r} />
    </Stack>
  );
}

function Total({ label, value, estimated = false }: { label: string; value: number; estimated?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>{label}</Text>
      <Group gap={6}><Text fz={22} fw={700} className="ltr">{formatNumber(value)}</Text><EstimatedMark estimated={estimated} /></Group>
    </div>
  );
}

/** The assessments grouped under their governorate, in P-code order. */
function RoundAssessments({ round }: { round: Round }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const areaNames = useAreaNames();
  const labels = useReferenceLabels();
  const { params, update } = useUrlParams({ page: 1 });
  const area = params.get('area');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useRoundAssessments(round.id, area, page);
  const open = (a: Assessment) => navigate(`/assessments/${a.id}`);
  const groups = new Map<string, Assessment[]>();
  for (const a of [...(list.data?.items ?? [])].sort((x, y) => x.location.pcode.localeCompare(y.location.pcode) || x.location.code.localeCompare(y.location.code))) {
    const gov = a.location.pcode.slice(0, 5);
    groups.set(gov, [...(groups.get(gov) ?? []), a]);
  }
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4">{t('assessments.byArea')}</Title>
        <PcodePicker label={t('figures.area')} placeholder={t('figures.wholeCountry')} levels={[1, 2]} value={area} onChange={(a) => update({ area: a }, { resetPage: true })} clearable data-testid="round-area" />
      </Group>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('assessments.noAssessments')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={6} highlightOnHover data-testid="round-assessments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assessments.location')}</Table.Th>
                  <Table.Th>{t('assessments.district')}</Table.Th>
                  <Table.Th>{t('assessments.assessedOn')}</Table.Th>
                  <Table.Th ta="end">{t('figures.idpFamilies')}</Table.Th>
                  <Table.Th ta="end">{t('figures.idpIndividuals')}</Table.Th>
                  <Table.Th ta="end">{t('figures.returnees')}</Table.Th>
                  <Table.Th>{t('assessments.priorityNeeds')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...groups].map(([gov, items]) => (
                  <Fragment key={gov}>
                    <Table.Tr bg="var(--mantine-color-gray-0)">
                      <Table.Td colSpan={7}>
                        <Text fw={700} size="sm">{areaNames(gov)} <Text span size="xs" c="dimmed" className="ltr">{gov}</Text> · {t('assessments.locationsCount', { n: items.length })}</Text>
                      </Table.Td>
                    </Table.Tr>
                    {items.map((a) => (
                      <Table.Tr key={a.id} className="clickable-row" onClick={() => open(a)} onKeyDown={(e) => { if (e.key === 'Enter') open(a); }} tabIndex={0} data-testid="assessment-row">
                        <Table.Td>
                          <Text size="sm" fw={600}><bdi dir="auto">{locationName(a.location)}</bdi></Text>
                          <Text size="xs" c="dimmed" ff="monospace" className="ltr" span>{a.location.code}</Text>
                        </Table.Td>
                        <Table.Td>{areaNames(a.location.pcode)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPartialDate(currentLang(), a.assessedOn)}</Table.Td>
                        <Table.Td ta="end">{formatNumber(a.idpFamilies)}</Table.Td>
                        <Table.Td ta="end"><EstimatedMark estimated={a.idpIndividualsEstimated} /> {formatNumber(a.idpIndividuals)}</Table.Td>
                        <Table.Td ta="end">{formatNumber(a.returneeIndividuals)}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>{a.priorityNeeds.map((n, i) => <Badge key={n} size="sm" variant="outline" style={{ textTransform: 'none' }}>{i + 1}. {labels.priorityNeed(n)}</Badge>)}</Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={list.data.total} pageSize={list.data.pageSize} page={page} onChange={(p) => update({ page: p })} />
        </>
      )}
    </Paper>
  );
}
