import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Round } from '#domain/movement/assessments';
import type { ImportSummary } from '#domain/movement/master-list';
import { api, ApiError, query } from '#web/api/client.ts';
import { formatNumber } from '#web/i18n/format.ts';
import { problemMessage } from '#web/lib/problems.ts';
import { importOutcome, reportCsv, type RowProblem } from './import-report.ts';

/**
 * Imports a DTM master list (CSV or XLSX, HXL-tagged) into an open round: every row or none.
 * A file with broken rows imports nothing and its report lists each row and column to fix.
 */
export function ImportModal({ round, onClose }: { round: Round; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<ImportSummary | null>(null);
  const [rows, setRows] = useState<RowProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const downloadReport = () => {
    const csv = reportCsv(rows, [t('assessments.row'), t('assessments.column'), t('assessments.problem')]);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `import-report-round-${round.number}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const submit = async () => {
    if (!file) return;
    setSaving(true);
    setRows([]);
    setFailure(null);
    // The file is the request body itself (CSV or XLSX, told apart by the server from its bytes).
    const type = file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    try {
      const result = await api<ImportSummary>(`/api/rounds/${encodeURIComponent(round.id)}/import${query({ file: file.name })}`, {
        method: 'POST',
        raw: file,
        headers: { 'Content-Type': type },
      });
      setDone(result);
      void client.invalidateQueries({ queryKey: ['round', round.id] });
      void client.invalidateQueries({ queryKey: ['rounds'] });
      void client.invalidateQueries({ queryKey: ['assessments'] });
    } catch (error) {
      const outcome = error instanceof ApiError ? importOutcome(error.problem) : [];
      setRows(outcome);
      setFailure(problemMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('assessments.importTitle', { number: round.number })} size="xl" data-testid="import-modal">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('assessments.importHint')}</Text>
        <FileInput
          label={t('assessments.importFile')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => { setFile(f); setDone(null); setRows([]); setFailure(null); }}
          clearable
          data-testid="import-file"
        />
        {done && (
          <Alert color="teal" title={t('assessments.importDone')} data-testid="import-done">
            <Text size="sm">
              {t('assessments.importSummary', {
                rows: formatNumber(done.rows),
                created: formatNumber(done.locationsCreated),
                updated: formatNumber(done.locationsUpdated),
                assessments: formatNumber(done.assessmentsCreated + done.assessmentsUpdated),
              })}
            </Text>
          </Alert>
        )}
        {failure && (
          <Alert color="red" title={t('assessments.importFailed')} data-testid="import-failed">
            <Text size="sm">{failure}</Text>
            {rows.length > 0 && (
              <Group justify="space-between" mt={4}>
                <Text size="sm">{t('assessments.importRows', { n: formatNumber(new Set(rows.map((r) => r.row)).size) })}</Text>
                <Button size="compact-sm" variant="white" color="red" onClick={downloadReport} data-testid="import-report-download">{t('assessments.downloadReport')}</Button>
              </Group>
            )}
          </Alert>
        )}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={560} mah={360}>
            <Table stickyHeader striped verticalSpacing={4} fz="sm" data-testid="import-report">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assessments.row')}</Table.Th>
                  <Table.Th>{t('assessments.column')}</Table.Th>
                  <Table.Th>{t('assessments.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={i} data-testid="import-row-error">
                    <Table.Td className="ltr">{r.row ?? '—'}</Table.Td>
                    <Table.Td><Text span size="sm" ff="monospace" className="ltr">{r.column ?? '—'}</Text></Table.Td>
                    <Table.Td>{r.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common.close')}</Button>
          <Button onClick={submit} loading={saving} disabled={!file || !!done} data-testid="import-submit">{t('assessments.importSubmit')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
