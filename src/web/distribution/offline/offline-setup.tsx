import { useState } from 'react';
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { problemMessage } from '#web/lib/problems.ts';
import { MIN_PASSPHRASE, WrongPassphrase } from './crypto.ts';
import type { OfflinePoint } from './use-offline-point.ts';

/** No list on this device yet: download it, sealed under a passphrase the officer sets now. */
export function DownloadPanel({ offline, pointName }: { offline: OfflinePoint; pointName: string }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirm?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (passphrase.length < MIN_PASSPHRASE) return setErrors({ passphrase: t('offline.passphraseShort', { n: MIN_PASSPHRASE }) });
    if (passphrase !== confirm) return setErrors({ confirm: t('offline.passphraseMismatch') });
    setBusy(true);
    setErrors({});
    try {
      await offline.download(passphrase);
    } catch (error) {
      setErrors({ form: problemMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} maw={560} data-testid="offline-download-form">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('offline.downloadTitle', { point: pointName })}</Title>
        <Text size="sm">{t('offline.downloadIntro')}</Text>
        <PasswordInput label={t('offline.passphrase')} description={t('offline.passphraseHint')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} error={errors.passphrase} autoComplete="new-password" data-testid="offline-passphrase" />
        <PasswordInput label={t('offline.passphraseConfirm')} value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} error={errors.confirm} autoComplete="new-password" data-testid="offline-passphrase-confirm" />
        {errors.form && <Alert color="red">{errors.form}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="offline-download">{t('offline.download')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A list is on this device, sealed: the passphrase opens it (asked again after every reload). */
export function UnlockPanel({ offline }: { offline: OfflinePoint }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (offline.state.status !== 'locked') return null;
  const { info, pending } = offline.state;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await offline.unlock(passphrase);
    } catch (err) {
      setError(err instanceof WrongPassphrase ? t('offline.wrongPassphrase') : problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} maw={560} data-testid="offline-unlock-form">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('offline.unlockTitle')}</Title>
        <Text size="sm">{t('offline.listOnDevice', { point: info.pointName, when: formatDateTime(currentLang(), info.generatedAt) })}</Text>
        {pending > 0 && <Alert color="orange" data-testid="offline-locked-pending">{t('offline.pendingLocked', { n: formatNumber(pending) })}</Alert>}
        <PasswordInput label={t('offline.passphrase')} value={passphrase} onChange={(e) => { setPassphrase(e.currentTarget.value); setError(''); }} error={error || undefined} autoFocus autoComplete="current-password" data-testid="offline-unlock-passphrase" />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="offline-unlock">{t('offline.unlock')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
