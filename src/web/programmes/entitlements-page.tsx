import '#web/i18n/assistance/index.ts';
import { Badge, Grid, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ENTITLEMENT_STATUSES, type DistributionRound, type IssuedEntitlement } from '#domain/assistance/rounds';
import { PcodePicker } from '#web/components/pcode-picker.tsx';
import { Pager } from '#web/components/pager.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatDateTime, formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { useAreaNames } from '#web/lib/labels.ts';
import { useUrlParams } from '#web/lib/url-params.ts';
import { useCatalogue } from '#web/stock/catalogue.ts';
import { lineText } from './item-text.ts';
import { locationLabel } from '#web/stock/location-picker.tsx';
import { locationName } from '#web/stock/labels.ts';
import { programmeName } from './labels.ts';
import { ENTITLEMENTS_PAGE, useEntitlements, useRound } from './queries.ts';
import { RoundStatusBadge } from './round-status.tsx';

const STATUS_COLOUR = { issued: 'blue', redeemed: 'teal', cancelled: 'gray' } as const;

/** The households a round's entitlements were issued to, by area, point and status. */
export function EntitlementsPage() {
  const { id } = useParams();
  const round = useRound(id);
  if (round.isPending) return <PageLoader />;
  if (round.isError) return <ErrorState error={round.error} onRetry={() => round.refetch()} />;
  return <Entitlements round={round.data} />;
}

function Entitlements({ round }: { round: DistributionRound }) {
  const { t } = useTranslation();
  const { params, update } = useUrlParams({ page: 1 });
  const filters = { area: params.get('area'), point: params.get('point'), status: params.get('status'), page: Math.max(1, Number(params.get('page')) || 1) };
  const list = useEntitlements(round.id, filters);
  return (
    <Stack gap="md" data-testid="entitlements-page">
      <Stack gap={4}>
        <Text size="sm"><Link to={`/programmes/rounds/${round.id}`}><bdi dir="auto">{programmeName(round.programme)}</bdi> · {t('distRound.title', { number: round.number })}</Link></Text>
        <Group gap="xs">
          <Title order={1} size="h2">{t('roundEntitlements.title')}</Title>
          <RoundStatusBadge status={round.status} />
        </Group>
      </Stack>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <PcodePicker label={t('roundEntitlements.area')} placeholder={t('roundEntitlements.anyArea')} value={filters.area} onChange={(area) => update({ area }, { resetPage: true })} clearable data-testid="entitlements-area" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Select
            label={t('roundEntitlements.point')}
            placeholder={t('roundEntitlements.anyPoint')}
            data={[...round.points.map((p) => ({ value: p.id, label: locationLabel(p) })), { value: 'none', label: t('roundEntitlements.noPoint') }]}
            value={filters.point}
            onChange={(point) => update({ point }, { resetPage: true })}
            clearable
            data-testid="entitlements-point"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SegmentedControl
            fullWidth
            value={filters.status ?? 'all'}
            onChange={(v) => update({ status: v === 'all' ? null : v }, { resetPage: true })}
            data={[{ value: 'all', label: t('roundEntitlements.all') }, ...ENTITLEMENT_STATUSES.map((s) => ({ value: s, label: t(`roundEntitlements.status.${s}`) }))]}
            data-testid="entitlements-status"
          />
        </Grid.Col>
      </Grid>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('roundEntitlements.empty')} hint={round.status === 'issued' || round.status === 'closed' ? undefined : t('roundEntitlements.notIssued')} />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="entitlements-total">{t('common.total', { n: formatNumber(list.data.total) })}</Text>
          <EntitlementsTable items={list.data.items} />
          <Pager total={list.data.total} pageSize={ENTITLEMENTS_PAGE} page={filters.page} onChange={(page) => update({ page })} />
        </>
      )}
    </Stack>
  );
}

function EntitlementsTable({ items }: { items: IssuedEntitlement[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const areaNames = useAreaNames();
  const catalogue = useCatalogue();
  const item = (code: string) => catalogue.data?.items.find((i) => i.code === code);
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="sm" data-testid="entitlements-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('roundEntitlements.household')}</Table.Th>
            <Table.Th ta="end">{t('roundEntitlements.people')}</Table.Th>
            <Table.Th>{t('roundEntitlements.area')}</Table.Th>
            <Table.Th>{t('roundEntitlements.point')}</Table.Th>
            <Table.Th>{t('roundEntitlements.contents')}</Table.Th>
            <Table.Th ta="end">{t('roundEntitlements.score')}</Table.Th>
            <Table.Th>{t('roundEntitlements.statusLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id} data-testid="entitlement-row" data-household={e.household.id}>
              <Table.Td>
                <Link to={`/households/${e.household.id}`} data-testid="entitlement-household"><Text size="sm" fw={600} className="ltr" span>{e.household.registrationNumber}</Text></Link>
                <Text size="sm"><bdi dir="auto">{e.household.headName}</bdi></Text>
              </Table.Td>
              <Table.Td ta="end">{formatNumber(e.people)}</Table.Td>
              <Table.Td>{areaNames(e.pcode)}</Table.Td>
              <Table.Td>{e.point ? <><span className="ltr">{e.point.code}</span> · <bdi dir="auto">{locationName(e.point)}</bdi></> : <Text size="sm" c="dimmed" span>{t('roundEntitlements.anyPointShort')}</Text>}</Table.Td>
              <Table.Td>{e.contents.map((l) => <Text key={l.code} size="sm">{lineText(l, item(l.code))}</Text>)}</Table.Td>
              <Table.Td ta="end">{formatNumber(e.score)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOUR[e.status]} data-testid="entitlement-status">{t(`roundEntitlements.status.${e.status}`)}</Badge>
                {e.redeemedAt && <Text size="xs" c="dimmed">{formatDateTime(lang, e.redeemedAt)}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
