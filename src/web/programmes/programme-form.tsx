import { useState } from 'react';
import { Alert, Button, Checkbox, Grid, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProgrammeInput, ProgrammeUpdate, type Programme } from '#domain/assistance/programmes';
import { api, ApiError } from '#web/api/client.ts';
import { useReference } from '#web/api/queries.ts';
import { PcodeMultiPicker } from '#web/components/pcode-picker.tsx';
import { autoDir, useReferenceLabels } from '#web/lib/labels.ts';
import { notifySuccess, showSaveError, zodFieldErrors, type FieldErrors } from '#web/lib/problems.ts';
import { uuidv7 } from '#web/lib/uuid.ts';
import { programmeName } from './labels.ts';
import { programmeBody, valuesOf, type ProgrammeValues as Values } from './programme-body.ts';

/**
 * Opens a programme (its id made here, so a repeated submission opens it once) or edits one at
 * the version read; when someone saved in between, the form says so and reloads it.
 */
export function ProgrammeForm({ programme, onClose }: { programme: Programme | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const reference = useReference();
  const labels = useReferenceLabels();
  const [values, setValues] = useState(() => valuesOf(programme));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [id] = useState(uuidv7);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const set = (changes: Partial<Values>) => {
    setValues((v) => ({ ...v, ...changes }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => !Object.keys(changes).some((k) => p === k || p.startsWith(`${k}.`)))));
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = programmeBody(values, programme);
    const parsed = programme ? ProgrammeUpdate.safeParse(body) : ProgrammeInput.safeParse({ ...body, id });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setSaving(true);
    try {
      const saved = programme
        ? await api<Programme>(`/api/programmes/${programme.id}`, { method: 'PATCH', body: parsed.data })
        : await api<Programme>('/api/programmes', { method: 'POST', body: parsed.data, headers: { 'Idempotency-Key': id } });
      void client.invalidateQueries({ queryKey: ['programmes'] });
      client.setQueryData(['programme', saved.id], saved);
      notifySuccess(t(programme ? 'programmes.saved' : 'programmes.created', { name: programmeName(saved) }));
      onClose();
      if (!programme) navigate(`/programmes/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && programme) {
        setStale(true);
        void client.invalidateQueries({ queryKey: ['programme', programme.id] });
      } else showSaveError(error, setErrors);
    } finally {
      setSaving(false);
    }
  };

  const day = (key: 'startsOn' | 'endsOn', label: string, required = false) => (
    <TextInput label={label} value={values[key]} onChange={(e) => set({ [key]: e.currentTarget.value })} error={errors[key]} placeholder="2024-06-01" dir="ltr" required={required} data-testid={`programme-${key}`} />
  );
  return (
    <Modal opened onClose={onClose} title={programme ? t('programmes.editTitle') : t('programmes.newTitle')} size="xl" data-testid="programme-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {stale && <Alert color="orange"><Text size="sm">{t('programmes.stale')}</Text></Alert>}
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('programmes.code')}
                description={t('programmes.codeHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={values.code}
                onChange={(e) => set({ code: e.currentTarget.value.toUpperCase() })}
                error={errors.code}
                required
                readOnly={!!programme}
                dir="ltr"
                data-testid="programme-code"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <Select
                label={t('programmes.sector')}
                data={(reference.data?.sectors ?? []).map((s) => ({ value: s.code, label: `${s.number}. ${labels.sector(s.code)}` }))}
                value={values.sector}
                onChange={(sector) => set({ sector })}
                error={errors.sector}
                required
                readOnly={!!programme}
                searchable
                allowDeselect={false}
                data-testid="programme-sector"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('programmes.nameEn')} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} required dir={autoDir(values.name)} data-testid="programme-name" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('programmes.nameAr')} value={values.nameAr} onChange={(e) => set({ nameAr: e.currentTarget.value })} error={errors.nameAr} dir="rtl" lang="ar" data-testid="programme-name-ar" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('programmes.nameCkb')} value={values.nameCkb} onChange={(e) => set({ nameCkb: e.currentTarget.value })} error={errors.nameCkb} dir="rtl" lang="ckb" data-testid="programme-name-ckb" />
            </Grid.Col>
            <Grid.Col span={12}>
              <PcodeMultiPicker
                label={t('programmes.areas')}
                description={t('programmes.areasHint')}
                placeholder={t('programmes.wholeCountry')}
                value={values.areas}
                onChange={(areas) => set({ areas })}
                error={errors.areas ?? Object.entries(errors).find(([p]) => p.startsWith('areas.'))?.[1]}
                data-testid="programme-areas"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>{day('startsOn', t('programmes.startsOn'), true)}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>{day('endsOn', t('programmes.endsOn'))}</Grid.Col>
          </Grid>
          {programme && (
            <Checkbox label={t('programmes.closedLabel')} description={t('programmes.closedHint')} checked={values.closed} onChange={(e) => set({ closed: e.currentTarget.checked })} data-testid="programme-closed" />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={saving} data-testid="programme-submit">{programme ? t('common.save') : t('programmes.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
