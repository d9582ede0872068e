import { useCallback, useState } from 'react';
import { Alert, Button, Grid, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, ApiError } from '#web/api/client.ts';
import { notifySuccess, problemMessage, serverFieldErrors, zodFieldErrors, type FieldErrors } from '#web/lib/problems.ts';
import { uuidv7 } from '#web/lib/uuid.ts';
import { CATALOGUE_KEY } from '#web/stock/catalogue.ts';

/** What the configuration screen shares: names in three languages, one modal form, and what a save makes stale. */

/** A badge's words in full in a table: its column widens rather than cutting them. */
export const WHOLE_BADGE = { label: { overflow: 'visible' } };

export interface LabelValues { en: string; ar: string; ckb: string }
export const noLabels: LabelValues = { en: '', ar: '', ckb: '' };

/**
 * Everything that reads the catalogue, the weights or the reasons: the formula editor and the
 * rule builder, round previews, stock forms and the ledger, the point's screens.
 */
export function useConfigSaved() {
  const client = useQueryClient();
  return useCallback(() => {
    for (const queryKey of [CATALOGUE_KEY, ['assistance-weights'], ['stock-reasons'], ['round-preview']]) void client.invalidateQueries({ queryKey });
  }, [client]);
}

interface Submit<S extends z.ZodType> {
  schema: S;
  body: unknown;
  url: string;
  method: 'POST' | 'PATCH';
  done: (saved: z.output<S> & Record<string, unknown>) => string;
  onDone: () => void;
}

/**
 * Sends a configuration form once: checked with its schema first, a creation with an
 * idempotency key; refused fields (a code taken, a kit in use...) are shown beside them, a stale
 * version as such (the lists are reloaded), any other refusal in words above the buttons.
 */
export function useConfigSubmit() {
  const saved = useConfigSaved();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);
  const [key, setKey] = useState(uuidv7);

  const submit = async <S extends z.ZodType>({ schema, body, url, method, done, onDone }: Submit<S>) => {
    setFailure(null);
    const parsed = schema.safeParse(body);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSaving(true);
    try {
      const result = await api<z.output<S> & Record<string, unknown>>(url, { method, body: parsed.data, headers: method === 'POST' ? { 'Idempotency-Key': key } : undefined });
      saved();
      notifySuccess(done(result));
      setKey(uuidv7());
      onDone();
    } catch (error) {
      const fields = serverFieldErrors(error);
      if (error instanceof ApiError && error.status === 409 && error.problem.type?.endsWith('/conflict-version')) {
        setStale(true);
        saved();
      } else if (Object.keys(fields).length) setErrors(fields);
      else setFailure(problemMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return { submit, errors, setErrors, failure, stale, saving };
}

/** A configuration form in a modal: its fields, what went wrong, cancel and save. */
export function ConfigModal({ title, opened, onClose, onSubmit, form, children, testId }: {
  title: string; opened: boolean; onClose: () => void; onSubmit: () => void; form: ReturnType<typeof useConfigSubmit>;
  children: React.ReactNode; testId: string;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" fullScreen={!!phone} data-testid={testId}>
      <form onSubmit={(e) => { e.preventDefault(); onSubmit(); }} noValidate>
        <Stack gap="sm">
          {form.stale && <Alert color="orange" data-testid="config-stale"><Text size="sm">{t('configure.stale')}</Text></Alert>}
          {children}
          {form.failure && <Alert color="red" data-testid="config-failure"><Text size="sm">{form.failure}</Text></Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={form.saving} data-testid={`${testId}-submit`}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The name in English, Arabic and Kurdish, each required. */
export function LabelsFields({ value, onChange, errors, testId }: {
  value: LabelValues; onChange: (value: LabelValues) => void; errors: FieldErrors; testId: string;
}) {
  const { t } = useTranslation();
  const field = (lang: keyof LabelValues, label: string) => (
    <Grid.Col span={{ base: 12, sm: 4 }}>
      <TextInput
        label={label}
        value={value[lang]}
        onChange={(e) => onChange({ ...value, [lang]: e.currentTarget.value })}
        error={errors[`labels.${lang}`]}
        dir={lang === 'en' ? 'ltr' : 'rtl'}
        lang={lang}
        required
        data-testid={`${testId}-name-${lang}`}
      />
    </Grid.Col>
  );
  return (
    <Grid gap="sm">
      {field('en', t('configure.nameEn'))}
      {field('ar', t('configure.nameAr'))}
      {field('ckb', t('configure.nameCkb'))}
    </Grid>
  );
}
