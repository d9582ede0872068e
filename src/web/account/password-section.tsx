import { useState } from 'react';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { translateError } from '#web/i18n/errors.ts';
import { api } from '#web/api/client.ts';
import { currentLang } from '#web/i18n/index.ts';
import { notifySuccess, showSaveError, type FieldErrors } from '#web/lib/problems.ts';
import { Section } from '#web/components/section.tsx';

/** Current password, new password twice. */
export function PasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = useMutation({
    mutationFn: () => api('/api/auth/password', { method: 'POST', body: { currentPassword: current, newPassword: next } }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
      notifySuccess(t('account.passwordChanged'));
    },
    onError: (error) => showSaveError(error, setErrors),
  });
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const lang = currentLang();
    const found: FieldErrors = {};
    if (!current) found.currentPassword = translateError(lang, 'required');
    if (next.length < 10) found.newPassword = translateError(lang, 'password.weak');
    else if (next !== repeat) found.repeat = t('account.passwordMismatch');
    setErrors(found);
    if (!Object.keys(found).length) change.mutate();
  };
  return (
    <Section title={t('account.passwordSection')} testId="password-section">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm" maw={420}>
          <PasswordInput label={t('account.currentPassword')} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={errors.currentPassword} autoComplete="current-password" dir="ltr" required data-testid="password-current" />
          <PasswordInput label={t('account.newPassword')} description={t('account.newPasswordHint')} value={next} onChange={(e) => setNext(e.currentTarget.value)} error={errors.newPassword} autoComplete="new-password" dir="ltr" required data-testid="password-new" />
          <PasswordInput label={t('account.confirmPassword')} value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={errors.repeat} autoComplete="new-password" dir="ltr" required data-testid="password-repeat" />
          <div><Button type="submit" loading={change.isPending} data-testid="password-submit">{t('account.changePassword')}</Button></div>
        </Stack>
      </form>
    </Section>
  );
}
