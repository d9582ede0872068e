import { useState } from 'react';
import { Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Round } from '#domain/movement/assessments';
import { api } from '#web/api/client.ts';
import { can, useMe } from '#web/auth/session.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { notifyError, notifySuccess } from '#web/lib/problems.ts';
import { ImportModal } from './import-modal.tsx';
import { roundExportUrl } from './queries.ts';

/** Export (CSV or XLSX), import a master list, and close the round: what the actor may do with it. */
export function RoundActions({ round, size = 'sm' }: { round: Round; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const me = useMe();
  const [closing, setClosing] = useState(false);
  const [importing, setImporting] = useState(false);
  const manage = can(me, 'assessments.manage');
  const open = round.status === 'open';
  return (
    <Group gap="xs" wrap="nowrap" onClick={(e) => e.stopPropagation()}>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size={size} variant="default" data-testid="round-export">{t('assessments.export')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component="a" href={roundExportUrl(round.id, 'csv')} download data-testid="round-export-csv">{t('assessments.exportCsv')}</Menu.Item>
          <Menu.Item component="a" href={roundExportUrl(round.id, 'xlsx')} download data-testid="round-export-xlsx">{t('assessments.exportXlsx')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {manage && open && <Button size={size} variant="default" onClick={() => setImporting(true)} data-testid="round-import">{t('assessments.import')}</Button>}
      {manage && open && <Button size={size} color="red" variant="light" onClick={() => setClosing(true)} data-testid="round-close">{t('assessments.close')}</Button>}
      <CloseRoundModal round={round} opened={closing} onClose={() => setClosing(false)} />
      {importing && <ImportModal round={round} onClose={() => setImporting(false)} />}
    </Group>
  );
}

/** Closing locks a round: its assessments no longer change and its figures become the ones shown. */
function CloseRoundModal({ round, opened, onClose }: { round: Round; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [saving, setSaving] = useState(false);
  const close = async () => {
    setSaving(true);
    try {
      await api<Round>(`/api/rounds/${encodeURIComponent(round.id)}/close`, { method: 'POST', body: {} });
      void client.invalidateQueries({ queryKey: ['rounds'] });
      void client.invalidateQueries({ queryKey: ['round', round.id] });
      void client.invalidateQueries({ queryKey: ['figures'] });
      notifySuccess(t('assessments.closed', { number: round.number }));
      onClose();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('assessments.closeTitle', { number: round.number })} data-testid="close-round-modal">
      <Stack gap="sm">
        <Text size="sm">{t('assessments.closeBody', { locations: formatNumber(round.counts.locations) })}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color="red" onClick={close} loading={saving} data-testid="close-round-confirm">{t('assessments.closeConfirm')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
