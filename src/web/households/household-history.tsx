import { Badge, Group, Paper, Table, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '#web/api/client.ts';
import type { HistoryEntry, Items } from '#web/api/types.ts';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatDateTime, formatPhone } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { describePath, describeValue, type MemberIndex } from '#web/lib/history-text.ts';
import { useAreaNames } from '#web/lib/labels.ts';

/** A value isolated from the surrounding text; numbers, dates and phones read left to right. */
function Value({ text }: { text: string }) {
  return <bdi dir={/\p{L}/u.test(text) ? 'auto' : 'ltr'}>{text}</bdi>;
}

/** Every version of the household: who changed what, when, from what to what. */
export function HouseholdHistory({ id, version, members }: { id: string; version: number; members: MemberIndex }) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: ['household', id, 'history', version],
    queryFn: () => api<Items<HistoryEntry>>(`/api/households/${encodeURIComponent(id)}/history`).then((r) => r.items),
  });
  const lang = currentLang();
  const areaNames = useAreaNames();
  const show = (path: string, value: unknown) => {
    if (path.endsWith('pcode') && typeof value === 'string') return `${areaNames(value)} (${value})`;
    if (path === 'phone' && typeof value === 'string') return formatPhone(value);
    return describeValue(value);
  };
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  if (history.data.length === 0) return <EmptyState title={t('history.empty')} />;
  const entries = [...history.data].sort((a, b) => b.version - a.version);
  return (
    <Timeline bulletSize={22} lineWidth={2} active={entries.length} data-testid="household-history">
      {entries.map((entry) => (
        <Timeline.Item
          key={entry.version}
          title={
            <Group gap="xs">
              <Text fw={700}>{t('history.version', { version: entry.version })}</Text>
              <Badge variant="light" color={entry.action === 'update' ? 'blue' : 'teal'}>
                {t(`history.${entry.action === 'create' || entry.action === 'import' ? entry.action : 'update'}`)}
              </Badge>
            </Group>
          }
          data-testid="history-entry"
        >
          <Text size="sm" c="dimmed">
            {formatDateTime(lang, entry.at)} · {t('history.by', { user: entry.actor?.username ?? '—' })}
          </Text>
          {entry.action === 'import' && (
            <Text size="sm" data-testid="history-import">
              {t('history.importedFrom', {
                file: importValue(entry.changes, 'import.file') ?? '—',
                ref: importValue(entry.changes, 'import.ref') ?? '—',
                rows: importValue(entry.changes, 'import.rows') ?? '—',
              })}
            </Text>
          )}
          {entry.action === 'update' && entry.changes.length > 0 && (
            <Paper withBorder mt="xs" radius="sm">
              <Table.ScrollContainer minWidth={480}>
                <Table verticalSpacing={4} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('history.field')}</Table.Th>
                      <Table.Th>{t('history.from')}</Table.Th>
                      <Table.Th>{t('history.to')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {entry.changes.map((c) => (
                      <Table.Tr key={c.path}>
                        <Table.Td>{describePath(c.path, members)}</Table.Td>
                        <Table.Td>
                          <Text span size="sm" c={c.from == null ? 'dimmed' : 'red.8'} td={c.from == null ? undefined : 'line-through'}>
                            <Value text={show(c.path, c.from)} />
                          </Text>
                        </Table.Td>
                        <Table.Td><Text span size="sm" c="teal.8"><Value text={show(c.path, c.to)} /></Text></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** A value the import recorded about where a household came from (file, its reference, rows). */
function importValue(changes: { path: string; to: unknown }[], path: string): string | null {
  const value = changes.find((c) => c.path === path)?.to;
  return value === null || value === undefined ? null : String(value);
}
