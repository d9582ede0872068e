import { Alert, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '#web/components/section.tsx';
import { formatDateTime, formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { problemMessage } from '#web/lib/problems.ts';
import { useItemLabels } from '#web/stock/catalogue.ts';
import { outboxCounts, type OutboxState } from './outbox.ts';
import type { OfflinePoint } from './use-offline-point.ts';

const STATE_COLOR: Record<OutboxState, string> = { pending: 'orange', recorded: 'green', already_recorded: 'green', conflict: 'red', refused: 'red' };

/** The collections recorded on this device and what the server said of each; syncing by hand. */
export function OutboxPanel({ offline }: { offline: OfflinePoint }) {
  const { t } = useTranslation();
  const { line } = useItemLabels();
  const lang = currentLang();
  if (offline.state.status !== 'open') return null;
  const entries = offline.state.entries;
  const counts = outboxCounts(entries);
  const report = offline.report;

  return (
    <Section
      title={t('offline.outboxTitle')}
      testId="outbox"
      action={
        <Button onClick={() => void offline.sync()} loading={offline.syncing} disabled={counts.pending === 0} data-testid="offline-sync">
          {t('offline.syncNow', { n: formatNumber(counts.pending) })}
        </Button>
      }
    >
      <Group gap="xs" mb="sm" data-testid="outbox-counts">
        {(Object.keys(counts) as OutboxState[]).filter((s) => counts[s] > 0).map((s) => (
          <Badge key={s} color={STATE_COLOR[s]} variant="light">{t(`offline.state.${s}`)}: {formatNumber(counts[s])}</Badge>
        ))}
      </Group>
      {report && (
        <Alert color={report.failed ? 'orange' : 'teal'} mb="sm" data-testid="sync-report">
          {report.failed
            ? t('offline.syncFailed', { reason: problemMessage(report.failed) })
            : t('offline.syncDone', { when: formatDateTime(lang, report.at), n: formatNumber(report.changed.length) })}
        </Alert>
      )}
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">{t('offline.outboxEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('offline.when')}</Table.Th>
                <Table.Th>{t('offline.family')}</Table.Th>
                <Table.Th>{t('offline.what')}</Table.Th>
                <Table.Th>{t('offline.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.key} data-testid="outbox-entry" data-state={e.state}>
                  <Table.Td>{formatDateTime(lang, e.redemption.redeemedAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}><bdi>{e.household.headName}</bdi></Text>
                    <Text size="xs" c="dimmed" className="ltr">{e.household.registrationNumber}</Text>
                  </Table.Td>
                  <Table.Td>{e.contents.map(line).join(' · ')}</Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLOR[e.state]} variant="light">{t(`offline.state.${e.state}`)}</Badge>
                    {e.state === 'conflict' && <Text size="xs" c="red.8">{t('offline.conflictHint')}</Text>}
                    {e.error && <Text size="xs" c="red.8">{e.error}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
