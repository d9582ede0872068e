import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asciiDigits } from '#domain/shared/partial-date';
import { api } from '#web/api/client.ts';
import { ME_KEY, fetchMe, useMe } from '#web/auth/session.tsx';
import { notifySuccess, problemMessage, serverFieldErrors } from '#web/lib/problems.ts';
import { Section } from '#web/components/section.tsx';

interface Setup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

function CodeInput({ value, onChange, error, testId }: { value: string; onChange: (v: string) => void; error?: string | null; testId: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('login.code')}
      value={value}
      onChange={(e) => onChange(asciiDigits(e.currentTarget.value).replace(/\D/g, '').slice(0, 8))}
      error={error}
      inputMode="numeric"
      autoComplete="one-time-code"
      dir="ltr"
      w={200}
      styles={{ input: { letterSpacing: '0.3em', fontSize: 18 } }}
      data-testid={testId}
    />
  );
}

/** Turns two-factor authentication on (scan, confirm a code) or off (confirm a code). */
export function MfaSection() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refreshMe = async () => client.setQueryData(ME_KEY, await fetchMe());
  const showError = (e: unknown) => setError(serverFieldErrors(e).code ?? problemMessage(e));

  const start = useMutation({
    mutationFn: () => api<Setup>('/api/auth/mfa/setup', { method: 'POST' }),
    onSuccess: (s) => { setSetup(s); setCode(''); setError(null); },
    onError: showError,
  });
  const enable = useMutation({
    mutationFn: () => api('/api/auth/mfa/enable', { method: 'POST', body: { code } }),
    onSuccess: async () => {
      setSetup(null);
      setCode('');
      notifySuccess(t('account.mfaEnabledOk'));
      await refreshMe();
    },
    onError: showError,
  });
  const disable = useMutation({
    mutationFn: () => api('/api/auth/mfa/disable', { method: 'POST', body: { code } }),
    onSuccess: async () => {
      setCode('');
      notifySuccess(t('account.mfaDisabledOk'));
      await refreshMe();
    },
    onError: showError,
  });

  const changeCode = (v: string) => { setCode(v); setError(null); };

  if (me.mfaEnabled) {
    return (
      <Section title={t('account.mfaSection')} testId="mfa-section">
        <Stack gap="sm">
          <Text size="sm">{t('account.mfaEnabled')}</Text>
          {!me.mfaRequired && (
            <form onSubmit={(e) => { e.preventDefault(); disable.mutate(); }}>
              <Stack gap="xs">
                <Text size="sm" c="dimmed">{t('account.mfaDisableHint')}</Text>
                <Group align="flex-end" gap="sm">
                  <CodeInput value={code} onChange={changeCode} error={error} testId="mfa-disable-code" />
                  <Button type="submit" color="red" variant="light" loading={disable.isPending} disabled={code.length < 6} data-testid="mfa-disable">
                    {t('account.mfaDisable')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Stack>
      </Section>
    );
  }

  return (
    <Section title={t('account.mfaSection')} testId="mfa-section">
      {!setup ? (
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('account.mfaDisabled')}</Text>
          {error && <Alert color="red">{error}</Alert>}
          <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="mfa-start">{t('account.mfaStart')}</Button>
        </Stack>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); enable.mutate(); }}>
          <Stack gap="sm">
            <Text size="sm">{t('account.mfaScan')}</Text>
            <Group align="flex-start" gap="lg">
              <Image src={setup.qrDataUrl} alt={t('account.mfaQrAlt')} w={200} h={200} fit="contain" bg="white" data-testid="mfa-qr" />
              <Stack gap={4}>
                <Text size="xs" c="dimmed" fw={600}>{t('account.mfaSecret')}</Text>
                <Group gap="xs">
                  <Code fz="md" className="ltr" data-testid="mfa-secret" data-secret={setup.secret} style={{ wordBreak: 'break-all' }}>
                    {setup.secret.match(/.{1,4}/g)?.join(' ')}
                  </Code>
                  <CopyButton value={setup.secret}>
                    {({ copied, copy }) => (
                      <Button size="compact-xs" variant="subtle" onClick={copy}>{copied ? t('common.copied') : t('common.copy')}</Button>
                    )}
                  </CopyButton>
                </Group>
              </Stack>
            </Group>
            <Text size="sm">{t('account.mfaConfirm')}</Text>
            <Group align="flex-end" gap="sm">
              <CodeInput value={code} onChange={changeCode} error={error} testId="mfa-code" />
              <Button type="submit" loading={enable.isPending} disabled={code.length < 6} data-testid="mfa-enable">{t('account.mfaEnable')}</Button>
              <Button variant="default" onClick={() => setSetup(null)}>{t('common.cancel')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}
