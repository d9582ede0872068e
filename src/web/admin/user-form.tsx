import { useState } from 'react';
import { Button, Group, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { translateError } from '#web/i18n/errors.ts';
import { api, ApiError } from '#web/api/client.ts';
import { useOrganizations, useReference } from '#web/api/queries.ts';
import type { User } from '#web/api/types.ts';
import { PcodeMultiPicker } from '#web/components/pcode-picker.tsx';
import { currentLang, LANGS, type Lang } from '#web/i18n/index.ts';
import { autoDir } from '#web/lib/labels.ts';
import { notifyError, notifySuccess, showSaveError, type FieldErrors } from '#web/lib/problems.ts';

const USERNAME = /^[A-Za-z0-9._-]{3,40}$/;

function useRoleOptions() {
  const reference = useReference();
  const lang = currentLang();
  return (reference.data?.roles ?? []).map((r) => ({ value: r.code, label: r.labels[lang] || r.labels.en || r.code }));
}

function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const clear = (...keys: string[]) => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))));
  const fromServer = (error: unknown) => showSaveError(error, setErrors);
  return { errors, setErrors, clear, fromServer };
}

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  organizationId: string | null;
  role: string | null;
  scope: string[];
  locale: Lang;
  mfaRequired: boolean;
}

function LocaleSelect({ value, onChange }: { value: Lang; onChange: (lang: Lang) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('users.locale')}
      data={LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      value={value}
      onChange={(v) => v && onChange(v as Lang)}
      allowDeselect={false}
      data-testid="user-locale"
    />
  );
}

/** A new account: username, name, first password, organisation, role, scope, two-factor. */
export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const organizations = useOrganizations();
  const roles = useRoleOptions();
  const { errors, setErrors, clear, fromServer } = useFieldErrors();
  const [v, setV] = useState<CreateValues>({
    username: '', displayName: '', password: '', organizationId: null, role: null, scope: [], locale: currentLang(), mfaRequired: false,
  });
  const set = (changes: Partial<CreateValues>) => {
    setV((old) => ({ ...old, ...changes }));
    clear(...Object.keys(changes));
  };
  const create = useMutation({
    mutationFn: (body: object) => api<User>('/api/users', { method: 'POST', body }),
    onSuccess: (user) => {
      void client.invalidateQueries({ queryKey: ['users'] });
      notifySuccess(t('users.created_ok', { username: user.username }));
      onDone();
    },
    onError: fromServer,
  });
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const lang = currentLang();
    const found: FieldErrors = {};
    if (!USERNAME.test(v.username.trim())) found.username = translateError(lang, 'username.invalid');
    if (!v.displayName.trim()) found.displayName = translateError(lang, 'required');
    if (v.password.length < 10) found.password = translateError(lang, 'password.weak');
    if (!v.organizationId) found.organizationId = translateError(lang, 'required');
    if (!v.role) found.role = translateError(lang, 'required');
    setErrors(found);
    if (Object.keys(found).length) return;
    create.mutate({ ...v, username: v.username.trim(), displayName: v.displayName.trim() });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('users.username')} value={v.username} onChange={(e) => set({ username: e.currentTarget.value })} error={errors.username} dir="ltr" autoCapitalize="none" autoComplete="off" required data-autofocus data-testid="user-username" />
        <TextInput label={t('users.displayName')} value={v.displayName} onChange={(e) => set({ displayName: e.currentTarget.value })} error={errors.displayName} dir={autoDir(v.displayName)} required data-testid="user-display-name" />
        <PasswordInput label={t('users.password')} description={t('users.passwordHint')} value={v.password} onChange={(e) => set({ password: e.currentTarget.value })} error={errors.password} dir="ltr" autoComplete="new-password" required data-testid="user-password" />
        <Select
          label={t('users.organization')}
          data={(organizations.data ?? []).map((o) => ({ value: o.id, label: `${o.code} — ${o.name}` }))}
          value={v.organizationId}
          onChange={(organizationId) => set({ organizationId })}
          error={errors.organizationId}
          searchable
          required
          data-testid="user-organization"
        />
        <Select label={t('users.role')} data={roles} value={v.role} onChange={(role) => set({ role })} error={errors.role} required data-testid="user-role" />
        <PcodeMultiPicker label={t('users.scope')} description={t('users.scopeHint')} value={v.scope} onChange={(scope) => set({ scope })} error={errors.scope} data-testid="user-scope" />
        <LocaleSelect value={v.locale} onChange={(locale) => set({ locale })} />
        <Switch label={t('users.mfaRequired')} checked={v.mfaRequired} onChange={(e) => set({ mfaRequired: e.currentTarget.checked })} data-testid="user-mfa-required" />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending} data-testid="user-submit">{t('common.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Changes role, scope, status, two-factor requirement or password, at the version read. */
export function EditUserForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const roles = useRoleOptions();
  const { errors, setErrors, clear, fromServer } = useFieldErrors();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<string | null>(user.role);
  const [scope, setScope] = useState(user.scope);
  const [active, setActive] = useState(user.active);
  const [mfaRequired, setMfaRequired] = useState(user.mfaRequired);
  const [locale, setLocale] = useState<Lang>(user.locale ?? 'en');
  const [unlock, setUnlock] = useState(false);
  const [password, setPassword] = useState('');
  const locked = !!user.lockedUntil && new Date(user.lockedUntil) > new Date();
  const save = useMutation({
    mutationFn: (body: object) => api<User>(`/api/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['users'] });
      notifySuccess(t('users.updated_ok', { username: saved?.username ?? user.username }));
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        notifyError(new Error(t('users.stale')));
        void client.invalidateQueries({ queryKey: ['users'] });
        onDone();
        return;
      }
      fromServer(error);
    },
  });
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const lang = currentLang();
    const found: FieldErrors = {};
    if (!displayName.trim()) found.displayName = translateError(lang, 'required');
    if (password && password.length < 10) found.password = translateError(lang, 'password.weak');
    setErrors(found);
    if (Object.keys(found).length) return;
    const body: Record<string, unknown> = { version: user.version };
    if (displayName.trim() !== user.displayName) body.displayName = displayName.trim();
    if (role && role !== user.role) body.role = role;
    if (JSON.stringify(scope) !== JSON.stringify(user.scope)) body.scope = scope;
    if (active !== user.active) body.active = active;
    if (mfaRequired !== user.mfaRequired) body.mfaRequired = mfaRequired;
    if (locale !== user.locale) body.locale = locale;
    if (unlock) body.unlock = true;
    if (password) body.password = password;
    save.mutate(body);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('users.displayName')} value={displayName} onChange={(e) => { setDisplayName(e.currentTarget.value); clear('displayName'); }} error={errors.displayName} dir={autoDir(displayName)} required data-autofocus data-testid="user-display-name" />
        <Select label={t('users.role')} data={roles} value={role} onChange={(r) => { setRole(r); clear('role'); }} error={errors.role} allowDeselect={false} data-testid="user-role" />
        <PcodeMultiPicker label={t('users.scope')} description={t('users.scopeHint')} value={scope} onChange={(s) => { setScope(s); clear('scope'); }} error={errors.scope} data-testid="user-scope" />
        <LocaleSelect value={locale} onChange={setLocale} />
        <Switch label={t('users.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} data-testid="user-active" />
        <Switch label={t('users.mfaRequired')} checked={mfaRequired} onChange={(e) => setMfaRequired(e.currentTarget.checked)} data-testid="user-mfa-required" />
        {locked && <Switch label={t('users.unlock')} checked={unlock} onChange={(e) => setUnlock(e.currentTarget.checked)} color="orange" data-testid="user-unlock" />}
        <PasswordInput
          label={t('users.resetPassword')}
          description={t('users.resetPasswordHint')}
          value={password}
          onChange={(e) => { setPassword(e.currentTarget.value); clear('password'); }}
          error={errors.password}
          dir="ltr"
          autoComplete="new-password"
          data-testid="user-password"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="user-save">{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
