import '#web/i18n/distribution/index.ts';
import { useEffect, useState } from 'react';
import { Badge, Button, Grid, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { STOCK_LOCATION_KINDS } from '#domain/assistance/stock';
import { can, useMe } from '#web/auth/session.tsx';
import { Pager } from '#web/components/pager.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { autoDir, useAreaNames } from '#web/lib/labels.ts';
import { useUrlParams } from '#web/lib/url-params.ts';
import { LOCATIONS_PAGE, usePlacesLevels, useStockLocations, type StockLocation } from './api.ts';
import { AlertsPanel } from './alerts-panel.tsx';
import { locationName } from './labels.ts';
import { LocationForm } from './location-form.tsx';

type Kind = StockLocation['kind'];

/** Warehouses and distribution points, a page at a time, found by code or name, with what they hold and what runs low. */
export function StockPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { params, update } = useUrlParams({ page: 1 });
  const filters = { q: params.get('q') ?? '', kind: (params.get('kind') as Kind | null) ?? undefined, page: Math.max(1, Number(params.get('page')) || 1) };
  const [text, setText] = useState(filters.q);
  const [typed] = useDebouncedValue(text.trim(), 300);
  useEffect(() => { if (typed !== filters.q) update({ q: typed }, { resetPage: true }); }, [typed]);
  const locations = useStockLocations(filters);
  const [adding, setAdding] = useState(false);
  const filtered = !!(filters.q || filters.kind);

  return (
    <Stack gap="md" data-testid="stock-page">
      <Group justify="space-between">
        <Title order={1} size="h2">{t('stock.title')}</Title>
        {can(me, 'stock.manage') && <Button onClick={() => setAdding(true)} data-testid="location-add">{t('stock.addLocation')}</Button>}
      </Group>
      <AlertsPanel />
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 8, md: 5 }}>
          <TextInput label={t('stock.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} type="search" dir={autoDir(text)} data-testid="locations-search" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
          <Select
            label={t('stock.kindLabel')} placeholder={t('stock.anyKind')} clearable data-testid="locations-kind"
            data={STOCK_LOCATION_KINDS.map((k) => ({ value: k, label: t(`stock.kind.${k}`) }))}
            value={filters.kind ?? null} onChange={(kind) => update({ kind }, { resetPage: true })}
          />
        </Grid.Col>
      </Grid>
      {locations.isError ? (
        <ErrorState error={locations.error} onRetry={() => locations.refetch()} />
      ) : !locations.data ? (
        <PageLoader />
      ) : locations.data.items.length === 0 ? (
        filtered ? <EmptyState title={t('stock.noMatch')} /> : <EmptyState title={t('stock.noLocations')} hint={t('stock.noLocationsHint')} />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="locations-total">{t('common.total', { n: formatNumber(locations.data.total) })}</Text>
          <LocationsTable locations={locations.data.items} />
          <Pager total={locations.data.total} pageSize={LOCATIONS_PAGE} page={filters.page} onChange={(page) => update({ page })} testId="locations-pages" />
        </>
      )}
      <LocationForm opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}

/** A page of places: each with the items it holds and how many run low (their levels, asked for the page at once). */
function LocationsTable({ locations }: { locations: StockLocation[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const areaName = useAreaNames();
  const levels = usePlacesLevels(locations.map((l) => l.id));
  const byPlace = new Map<string, { items: number; low: number }>();
  for (const l of levels.data ?? []) {
    const s = byPlace.get(l.location.id) ?? { items: 0, low: 0 };
    s.items += l.quantity > 0 ? 1 : 0;
    s.low += l.low ? 1 : 0;
    byPlace.set(l.location.id, s);
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stock.place')}</Table.Th>
            <Table.Th>{t('stock.kindLabel')}</Table.Th>
            <Table.Th>{t('stock.area')}</Table.Th>
            <Table.Th ta="end">{t('stock.itemsHeld')}</Table.Th>
            <Table.Th>{t('stock.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {locations.map((l) => {
            const s = byPlace.get(l.id);
            return (
              <Table.Tr key={l.id} className="clickable-row" tabIndex={0} onClick={() => navigate(`/stock/${l.id}`)} onKeyDown={(e) => { if (e.key === 'Enter') navigate(`/stock/${l.id}`); }} data-testid="location-row">
                <Table.Td>
                  <Text fw={600} size="sm"><bdi>{locationName(l)}</bdi></Text>
                  <Text size="xs" c="dimmed" className="ltr">{l.code}</Text>
                </Table.Td>
                <Table.Td><Badge variant="light" color={l.kind === 'warehouse' ? 'grape' : 'blue'}>{t(`stock.kind.${l.kind}`)}</Badge></Table.Td>
                <Table.Td>{areaName(l.pcode)}</Table.Td>
                <Table.Td ta="end">{formatNumber(s?.items ?? 0)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {!l.active && <Badge color="gray">{t('stock.closed')}</Badge>}
                    {(s?.low ?? 0) > 0 && <Badge color="red" data-testid="location-low">{t('stock.lowCount', { n: formatNumber(s!.low) })}</Badge>}
                    {l.active && !(s?.low) && <Badge color="teal" variant="light">{t('stock.ok')}</Badge>}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
