import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MovementView } from '#domain/movement/schemas';
import type { Household } from '#domain/registry/household';
import { api } from '#web/api/client.ts';
import { formatPartialDate } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir } from '#web/lib/labels.ts';
import { notifySuccess, showSaveError, type FieldErrors } from '#web/lib/problems.ts';
import { timelineKey } from './queries.ts';

/** Withdraws a movement recorded in error: it stays on the timeline, struck through, with the reason. */
export function WithdrawModal({ householdId, movement, onClose }: { householdId: string; movement: MovementView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const close = () => {
    setReason('');
    setErrors({});
    onClose();
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!movement) return;
    if (!reason.trim()) {
      setErrors({ reason: t('movements.reasonRequired') });
      return;
    }
    setSaving(true);
    try {
      const household = await api<Household>(`/api/households/${encodeURIComponent(householdId)}/movements/${encodeURIComponent(movement.id)}/withdraw`, {
        method: 'POST',
        body: { reason: reason.trim() },
      });
      client.setQueryData(['household', householdId], household);
      void client.invalidateQueries({ queryKey: timelineKey(householdId) });
      void client.invalidateQueries({ queryKey: ['figures'] });
      notifySuccess(t('movements.withdrawn'));
      close();
    } catch (error) {
      showSaveError(error, setErrors);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened={!!movement} onClose={close} title={t('movements.withdrawTitle')} data-testid="withdraw-modal">
      {movement && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">
              {t('movements.withdrawBody', { type: t(`movementType.${movement.type}`), date: formatPartialDate(currentLang(), movement.date) })}
            </Text>
            <Textarea
              label={t('movements.reason')}
              value={reason}
              onChange={(e) => { setReason(e.currentTarget.value); setErrors({}); }}
              error={errors.reason}
              required
              autosize
              minRows={2}
              dir={autoDir(reason)}
              data-autofocus
              data-testid="withdraw-reason"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              <Button type="submit" color="red" loading={saving} data-testid="withdraw-submit">{t('movements.withdraw')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
