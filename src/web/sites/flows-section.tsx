import { useState } from 'react';
import { Badge, Button, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowTotals } from '#domain/movement/flows';
import { can, useMe } from '#web/auth/session.tsx';
import { Section } from '#web/components/section.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { Pager } from '#web/components/pager.tsx';
import { formatNumber, formatPartialDate } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { FlowForm } from './flow-form.tsx';
import { useFlows } from './queries.ts';

const GROUP_LABEL = {
  femaleChildren: ['flows.female', 'flows.children'], femaleAdults: ['flows.female', 'flows.adults'], femaleElderly: ['flows.female', 'flows.elderly'],
  maleChildren: ['flows.male', 'flows.children'], maleAdults: ['flows.male', 'flows.adults'], maleElderly: ['flows.male', 'flows.elderly'],
} as const;
const ORDER = ['femaleChildren', 'femaleAdults', 'femaleElderly', 'maleChildren', 'maleAdults', 'maleElderly'] as const;

/** People counted through a transit point by day and direction, totals in and out, and a form to add a day. */
export function FlowsSection({ pointId }: { pointId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const lang = currentLang();
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState(false);
  const flows = useFlows(pointId, page);
  const canWrite = can(me, 'assessments.write');
  const readable = can(me, 'assessments.read');
  const total = (label: string, totals: FlowTotals, testId: string) => (
    <div>
      <Text size="xs" c="dimmed" fw={600}>{label}</Text>
      <Text fz={22} fw={700} className="ltr" data-testid={testId}>{formatNumber(totals.total)}</Text>
    </div>
  );
  return (
    <Section
      title={t('flows.title')}
      testId="site-flows"
      action={canWrite && <Button size="sm" onClick={() => setRecording(true)} data-testid="flow-record">{t('flows.record')}</Button>}
    >
      {!readable ? (
        <Text size="sm" c="dimmed">{t('flows.noAccess')}</Text>
      ) : flows.isError ? (
        <ErrorState error={flows.error} onRetry={() => flows.refetch()} />
      ) : !flows.data ? (
        <PageLoader />
      ) : flows.data.items.length === 0 ? (
        <EmptyState compact title={t('flows.empty')} />
      ) : (
        <>
          <SimpleGrid cols={3} mb="sm">
            {total(t('flows.incoming'), flows.data.totals.incoming, 'flows-in')}
            {total(t('flows.outgoing'), flows.data.totals.outgoing, 'flows-out')}
            {total(t('flows.all'), flows.data.totals.all, 'flows-all')}
          </SimpleGrid>
          <Table.ScrollContainer minWidth={880}>
            <Table verticalSpacing={6} striped data-testid="flows-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('flows.day')}</Table.Th>
                  <Table.Th>{t('flows.direction')}</Table.Th>
                  {ORDER.map((g) => (
                    <Table.Th key={g} ta="end"><Text size="xs" fw={700}>{t(GROUP_LABEL[g][0])}</Text><Text size="xs" c="dimmed">{t(GROUP_LABEL[g][1])}</Text></Table.Th>
                  ))}
                  <Table.Th ta="end">{t('flows.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {flows.data.items.map((f) => (
                  <Table.Tr key={f.id} data-testid="flow-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPartialDate(lang, f.countedOn)}</Table.Td>
                    <Table.Td><Badge variant="light" color={f.direction === 'incoming' ? 'blue' : 'grape'}>{t(f.direction === 'incoming' ? 'flows.incoming' : 'flows.outgoing')}</Badge></Table.Td>
                    {ORDER.map((g) => <Table.Td key={g} ta="end">{formatNumber(f[g])}</Table.Td>)}
                    <Table.Td ta="end" fw={700}>{formatNumber(f.total)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={flows.data.total} pageSize={flows.data.pageSize} page={page} onChange={setPage} />
        </>
      )}
      {canWrite && <FlowForm pointId={pointId} opened={recording} onClose={() => setRecording(false)} />}
    </Section>
  );
}
