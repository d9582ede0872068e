import '#web/i18n/distribution/index.ts';
import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can, useMe } from '#web/auth/session.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { useAreaNames } from '#web/lib/labels.ts';
import { useLevels, useStockLocations } from './api.ts';
import { AlertsPanel } from './alerts-panel.tsx';
import { locationName } from './labels.ts';
import { LocationForm } from './location-form.tsx';

/** Warehouses and distribution points with what they hold and what runs low. */
export function StockPage() {
  const { t } = useTranslation();
  const me = useMe();
  const locations = useStockLocations();
  const levels = useLevels();
  const areaName = useAreaNames();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);

  if (locations.isPending) return <PageLoader />;
  if (locations.isError) return <ErrorState error={locations.error} onRetry={() => locations.refetch()} />;
  const byPlace = new Map<string, { items: number; low: number; units: number }>();
  for (const l of levels.data ?? []) {
    const s = byPlace.get(l.location.id) ?? { items: 0, low: 0, units: 0 };
    s.items += l.quantity > 0 ? 1 : 0;
    s.units += l.quantity;
    s.low += l.low ? 1 : 0;
    byPlace.set(l.location.id, s);
  }

  return (
    <Stack gap="md" data-testid="stock-page">
      <Group justify="space-between">
        <Title order={1} size="h2">{t('stock.title')}</Title>
        {can(me, 'stock.manage') && <Button onClick={() => setAdding(true)} data-testid="location-add">{t('stock.addLocation')}</Button>}
      </Group>
      <AlertsPanel />
      {locations.data.length === 0 ? <EmptyState title={t('stock.noLocations')} hint={t('stock.noLocationsHint')} /> : (
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
              {locations.data.map((l) => {
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
      )}
      <LocationForm opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
