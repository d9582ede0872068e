import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DistributionRound } from '#domain/assistance/rounds';
import { api, ApiError } from '#web/api/client.ts';
import { can, useMe } from '#web/auth/session.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { notifyError, notifySuccess } from '#web/lib/problems.ts';
import { roundPath, useRoundSaved } from './queries.ts';
import { currentLang } from '#web/i18n/index.ts';
import { approvalBlock, makers, nameList } from './round-steps.ts';

type Step = 'submit' | 'approve' | 'reject' | 'issue' | 'close';

interface Props {
  round: DistributionRound;
  /** Saves what is still unsaved of a draft (before submitting it): the saved round, or null when it could not be saved. */
  saveFirst: (() => Promise<DistributionRound | null>) | null;
}

/** The next step of the round: submit (maker), approve or send back (checker), issue, close. */
export function RoundWorkflow({ round, saveFirst }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const saved = useRoundSaved();
  const [busy, setBusy] = useState<Step | null>(null);
  const [confirm, setConfirm] = useState<'issue' | 'close' | 'reject' | null>(null);
  const manage = can(me, 'assistance.manage');
  const block = approvalBlock(round, me);

  const step = async (s: Step, extra: Record<string, unknown> = {}) => {
    setBusy(s);
    try {
      let current = round;
      if (s === 'submit' && saveFirst) {
        const after = await saveFirst();
        if (!after) {
          notifyError(new Error(t('distRound.saveBeforeSubmit')));
          return;
        }
        current = after;
      }
      const answer = await api<DistributionRound | { round: DistributionRound; created: number }>(roundPath(round.id, s), { method: 'POST', body: { version: current.version, ...extra } });
      const next = 'round' in answer ? answer.round : answer;
      saved(next);
      notifySuccess('created' in answer ? t('distRound.done.issue', { n: formatNumber(answer.created) }) : t(`distRound.done.${s}`));
      setConfirm(null);
    } catch (error) {
      // A stale version: someone moved the round meanwhile; show it as it is now.
      if (error instanceof ApiError && error.status === 409 && error.problem.current) saved(error.problem.current as DistributionRound);
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs" data-testid="round-workflow">
      {round.status === 'draft' && manage && (
        <Button onClick={() => step('submit')} loading={busy === 'submit'} data-testid="round-submit">{t('distRound.submit')}</Button>
      )}
      {round.status === 'submitted' && (
        <>
          <Group gap="xs">
            <Button color="teal" onClick={() => step('approve')} loading={busy === 'approve'} disabled={block !== null} data-testid="round-approve">{t('distRound.approve')}</Button>
            <Button color="red" variant="light" onClick={() => setConfirm('reject')} disabled={block !== null} data-testid="round-reject">{t('distRound.reject')}</Button>
          </Group>
          {block && <Alert color="gray" data-testid="approve-blocked" data-reason={block}><Text size="sm">{t(`distRound.cannotApprove.${block}`)}</Text></Alert>}
          <Text size="xs" c="dimmed" data-testid="approver-rule">{t('distRound.approverRule', { names: nameList(currentLang(), makers(round)) })}</Text>
        </>
      )}
      {round.status === 'approved' && manage && (
        <Button onClick={() => setConfirm('issue')} data-testid="round-issue">{t('distRound.issue')}</Button>
      )}
      {round.status === 'issued' && manage && (
        <Button variant="default" onClick={() => setConfirm('close')} data-testid="round-close">{t('distRound.close')}</Button>
      )}
      <ConfirmStep round={round} step={confirm} busy={busy !== null} onCancel={() => setConfirm(null)} onConfirm={(extra) => confirm && step(confirm, extra)} />
    </Stack>
  );
}

function ConfirmStep({ round, step, busy, onCancel, onConfirm }: {
  round: DistributionRound; step: 'issue' | 'close' | 'reject' | null; busy: boolean; onCancel: () => void; onConfirm: (extra?: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!step) return null;
  const go = () => {
    if (step === 'reject' && !reason.trim()) {
      setError(t('distRound.reasonRequired'));
      return;
    }
    onConfirm(step === 'reject' ? { reason: reason.trim() } : {});
  };
  return (
    <Modal opened onClose={onCancel} title={t(`distRound.confirm.${step}Title`, { number: round.number })} data-testid="round-confirm">
      <Stack gap="sm">
        <Text size="sm">{t(`distRound.confirm.${step}Body`)}</Text>
        {step === 'reject' && (
          <Textarea label={t('distRound.reason')} value={reason} onChange={(e) => { setReason(e.currentTarget.value); setError(null); }} error={error} autosize minRows={2} required dir={reason ? 'auto' : undefined} data-testid="round-reject-reason" />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button color={step === 'reject' ? 'red' : undefined} onClick={go} loading={busy} data-testid="round-confirm-go">{t(`distRound.confirm.${step}`)}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
