import '#web/i18n/distribution/index.ts';
import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Dispatch } from '#domain/assistance/stock-views';
import { can, useMe } from '#web/auth/session.tsx';
import { Section } from '#web/components/section.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatDateTime, formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { useAreaNames } from '#web/lib/labels.ts';
import { useDispatches, useLevels, useStockLocation } from './api.ts';
import { AlertsPanel } from './alerts-panel.tsx';
import { useItemLabels } from './catalogue.ts';
import { CountForm, ReceiveForm, ThresholdsForm } from './check-forms.tsx';
import { AdjustmentForm, DispatchForm, ReceiptForm } from './document-forms.tsx';
import { locationName } from './labels.ts';
import { LedgerTable } from './ledger-table.tsx';

type Open = 'receipt' | 'dispatch' | 'count' | 'adjustment' | 'thresholds' | null;

/** One warehouse or point: its levels, the documents a keeper records, dispatches on the way, the ledger. */
export function LocationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const location = useStockLocation(id!);
  const levels = useLevels(id!);
  const areaName = useAreaNames();
  const [open, setOpen] = useState<Open>(null);
  const manage = can(me, 'stock.manage');

  if (location.isPending) return <PageLoader />;
  if (location.isError) return <ErrorState error={location.error} onRetry={() => location.refetch()} />;
  const l = location.data;
  const rows = levels.data ?? [];
  const formProps = { location: l, levels: rows, onClose: () => setOpen(null) };
  const action = (name: Exclude<Open, null>, label: string) => (
    <Button variant={name === 'receipt' || name === 'dispatch' ? 'filled' : 'default'} onClick={() => setOpen(name)} disabled={!l.active} data-testid={`stock-${name}`}>{label}</Button>
  );

  return (
    <Stack gap="md" data-testid="location-page">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm"><Link to="/stock">{t('stock.title')}</Link></Text>
          <Title order={1} size="h2"><bdi>{locationName(l)}</bdi></Title>
          <Group gap="xs" mt={4}>
            <Badge variant="light" color={l.kind === 'warehouse' ? 'grape' : 'blue'}>{t(`stock.kind.${l.kind}`)}</Badge>
            <Badge variant="outline" color="gray" className="ltr">{l.code}</Badge>
            <Text size="sm" c="dimmed">{areaName(l.pcode)}</Text>
            {!l.active && <Badge color="gray">{t('stock.closed')}</Badge>}
          </Group>
        </div>
        {manage && (
          <Group gap="xs">
            {action('receipt', t('stock.receipt'))}
            {action('dispatch', t('stock.dispatch'))}
            {action('count', t('stock.count'))}
            {action('adjustment', t('stock.adjustment'))}
            {action('thresholds', t('stock.thresholds'))}
          </Group>
        )}
      </Group>
      <AlertsPanel location={l.id} />
      <Section title={t('stock.levels')} testId="stock-levels">
        {rows.length === 0 ? <EmptyState compact title={t('stock.noLevels')} /> : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('stock.item')}</Table.Th>
                  <Table.Th ta="end">{t('stock.quantity')}</Table.Th>
                  <Table.Th ta="end">{t('stock.lowLevel')}</Table.Th>
                  <Table.Th>{t('stock.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.item.code} data-testid="level-row" data-item={r.item.code}>
                    <Table.Td>{locationName(r.item)}</Table.Td>
                    <Table.Td ta="end" fw={700} data-testid="level-quantity">{formatNumber(r.quantity)}</Table.Td>
                    <Table.Td ta="end">{r.lowLevel === null ? '—' : formatNumber(r.lowLevel)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {r.low ? <Badge color="red" data-testid="level-low">{t('stock.low')}</Badge> : <Badge color="teal" variant="light">{t('stock.ok')}</Badge>}
                        {r.shortfall > 0 && <Badge color="orange">{t('stock.shortfall', { n: formatNumber(r.shortfall) })}</Badge>}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
      <DispatchesSection locationId={l.id} canReceive={manage} />
      <LedgerTable locationId={l.id} />
      {manage && (
        <>
          <ReceiptForm {...formProps} opened={open === 'receipt'} />
          <DispatchForm {...formProps} opened={open === 'dispatch'} />
          <CountForm {...formProps} opened={open === 'count'} />
          <AdjustmentForm {...formProps} opened={open === 'adjustment'} />
          <ThresholdsForm {...formProps} opened={open === 'thresholds'} />
        </>
      )}
    </Stack>
  );
}

/** Dispatches from and to this place; those arriving here wait to be received. */
function DispatchesSection({ locationId, canReceive }: { locationId: string; canReceive: boolean }) {
  const { t } = useTranslation();
  const { line } = useItemLabels();
  const dispatches = useDispatches(locationId);
  const [receiving, setReceiving] = useState<Dispatch | null>(null);
  const lang = currentLang();
  const items = dispatches.data ?? [];
  if (!items.length) return null;
  return (
    <Section title={t('stock.dispatches')} testId="stock-dispatches">
      <Stack gap="xs">
        {items.map((d) => {
          const incoming = d.to.id === locationId;
          return (
            <Paper key={d.id} withBorder p="sm" radius="md" data-testid="dispatch-row" data-status={d.status} data-direction={incoming ? 'in' : 'out'}>
              <Group justify="space-between" gap="xs" align="flex-start">
                <div>
                  <Text size="sm" fw={600}>
                    {incoming ? t('stock.fromPlace', { place: locationName(d.from) }) : t('stock.toPlace', { place: locationName(d.to) })}
                    {' · '}{d.lines.map((l) => line({ code: l.item, quantity: l.quantity })).join(' · ')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('stock.sentAt', { when: formatDateTime(lang, d.sentAt) })}{d.waybill ? ` · ${t('stock.waybill')}: ${d.waybill}` : ''}
                    {d.receivedAt ? ` · ${t('stock.receivedAt', { when: formatDateTime(lang, d.receivedAt) })}` : ''}
                  </Text>
                  {d.receivedLines?.filter((r) => r.difference !== 0).map((r) => (
                    <Text key={r.item} size="xs" c="orange.8">{t('stock.receivedDifference', { item: line({ code: r.item, quantity: r.sent }), n: formatNumber(r.received) })}</Text>
                  ))}
                </div>
                <Group gap="xs">
                  <Badge color={d.status === 'received' ? 'teal' : 'orange'} variant="light">{t(`stock.dispatchStatus.${d.status}`)}</Badge>
                  {incoming && d.status === 'in_transit' && canReceive && (
                    <Button size="xs" onClick={() => setReceiving(d)} data-testid="dispatch-receive">{t('stock.receive')}</Button>
                  )}
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {receiving && <ReceiveForm dispatch={receiving} opened onClose={() => setReceiving(null)} />}
    </Section>
  );
}
