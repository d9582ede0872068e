import { useState } from 'react';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Pager } from '#web/components/pager.tsx';
import { Section } from '#web/components/section.tsx';
import { EmptyState } from '#web/components/states.tsx';
import { formatDateTime, formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { useLedger, useReasons } from './api.ts';
import { useItemLabels } from './catalogue.ts';
import { reasonName } from './labels.ts';

/** Every change of stock at this place: what, how many, the balance after, why, who and when. */
export function LedgerTable({ locationId }: { locationId: string }) {
  const { t } = useTranslation();
  const { name } = useItemLabels();
  const reasons = useReasons();
  const [page, setPage] = useState(1);
  const ledger = useLedger(locationId, page);
  const lang = currentLang();
  const reason = (code: string | null) => {
    const r = code ? reasons.data?.find((x) => x.code === code) : undefined;
    return r ? reasonName(r) : code;
  };
  return (
    <Section title={t('stock.ledger')} testId="stock-ledger">
      {!ledger.data?.items.length ? <EmptyState compact title={t('stock.ledgerEmpty')} /> : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('stock.when')}</Table.Th>
                  <Table.Th>{t('stock.item')}</Table.Th>
                  <Table.Th>{t('stock.what')}</Table.Th>
                  <Table.Th ta="end">{t('stock.change')}</Table.Th>
                  <Table.Th ta="end">{t('stock.balance')}</Table.Th>
                  <Table.Th>{t('stock.why')}</Table.Th>
                  <Table.Th>{t('stock.who')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ledger.data.items.map((e) => (
                  <Table.Tr key={e.id} data-testid="ledger-row" data-kind={e.kind}>
                    <Table.Td>{formatDateTime(lang, e.recordedAt)}</Table.Td>
                    <Table.Td>{name(e.item)}</Table.Td>
                    <Table.Td><Badge variant="light" color="gray">{t(`stock.ledgerKind.${e.kind}`)}</Badge></Table.Td>
                    <Table.Td ta="end" className="ltr" c={e.change < 0 ? 'red.8' : 'teal.8'} fw={600}>{e.change > 0 ? `+${formatNumber(e.change)}` : formatNumber(e.change)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(e.balance)}</Table.Td>
                    <Table.Td>
                      {reason(e.reason)}
                      {e.missing ? <Text size="xs" c="orange.8">{t('stock.missing', { n: formatNumber(e.missing) })}</Text> : null}
                      {e.note && <Text size="xs" c="dimmed"><bdi>{e.note}</bdi></Text>}
                    </Table.Td>
                    <Table.Td><bdi>{e.recordedBy ?? '—'}</bdi></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={ledger.data.total} pageSize={ledger.data.pageSize} page={page} onChange={setPage} />
        </>
      )}
    </Section>
  );
}
