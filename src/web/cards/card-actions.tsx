import '#web/i18n/distribution/index.ts';
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir } from '#web/lib/labels.ts';
import { notifyError } from '#web/lib/problems.ts';
import { ltrText } from '#web/distribution/ltr-text.ts';
import { currentCardKey, printNewCard, useCards } from './api.ts';

/**
 * The household's card on its page: print it (the first time, or the valid card again), or issue
 * a new one, which stops the old card from working (lost, damaged, taken): the reason is asked.
 */
export function CardActions({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const cards = useCards(householdId);
  const client = useQueryClient();
  const navigate = useNavigate();
  const [reissuing, setReissuing] = useState(false);
  const [busy, setBusy] = useState(false);
  const valid = cards.data?.find((c) => !c.revokedAt);
  const printView = `/households/${householdId}/card`;

  const issue = async (reason: string | null) => {
    setBusy(true);
    try {
      const printable = await printNewCard(householdId, reason);
      client.setQueryData(currentCardKey(householdId), printable);
      void client.invalidateQueries({ queryKey: ['cards', householdId] });
      navigate(printView);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  if (cards.isPending || cards.isError) return null;
  return (
    <Stack gap={4} align="flex-end" data-testid="card-actions">
      <Group gap="xs">
        {valid ? (
          <>
            <Button variant="light" onClick={() => navigate(printView)} data-testid="card-print-again">{t('card.printAgain')}</Button>
            <Button variant="default" onClick={() => setReissuing(true)} data-testid="card-reissue">{t('card.reissue')}</Button>
          </>
        ) : (
          <Button variant="light" onClick={() => void issue(null)} loading={busy} data-testid="card-issue">{t('card.issue')}</Button>
        )}
      </Group>
      {valid && (
        <Text size="xs" c="dimmed" data-testid="card-current">
          {t('card.current', { serial: valid.serial, issued: formatDateTime(currentLang(), valid.issuedAt), expires: ltrText(valid.expiresOn) })}
        </Text>
      )}
      {valid && (
        <ReissueModal
          opened={reissuing}
          serial={valid.serial}
          busy={busy}
          onClose={() => setReissuing(false)}
          onConfirm={(reason) => void issue(reason)}
        />
      )}
    </Stack>
  );
}

function ReissueModal({ opened, serial, busy, onClose, onConfirm }: { opened: boolean; serial: number; busy: boolean; onClose: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError(t('card.reasonRequired'));
    onConfirm(reason.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('card.reissueTitle')} data-testid="card-reissue-modal">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Alert color="orange">{t('card.reissueWarning', { serial })}</Alert>
          <Textarea label={t('card.reason')} placeholder={t('card.reasonPlaceholder')} value={reason} onChange={(e) => { setReason(e.currentTarget.value); setError(''); }} error={error || undefined} dir={autoDir(reason)} autosize minRows={2} data-autofocus data-testid="card-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" color="orange" loading={busy} data-testid="card-reissue-submit">{t('card.reissueConfirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
