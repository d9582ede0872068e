import { useState } from 'react';
import { Button, Grid, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Programme } from '#domain/assistance/programmes';
import { RoundInput, type DistributionRound } from '#domain/assistance/rounds';
import { api } from '#web/api/client.ts';
import { autoDir } from '#web/lib/labels.ts';
import { notifySuccess, showSaveError, zodFieldErrors, type FieldErrors } from '#web/lib/problems.ts';
import { uuidv7 } from '#web/lib/uuid.ts';

/** Opens a draft round of a programme (its number, name and days); its rules and formula are then built on its page. */
export function NewRoundForm({ programme, nextNumber, onClose }: { programme: Programme; nextNumber: number; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState({ number: nextNumber as number | string, name: '', startsOn: '', endsOn: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [id] = useState(uuidv7);
  const [saving, setSaving] = useState(false);
  const set = (changes: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...changes }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => !(p in changes))));
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = RoundInput.safeParse({ id, number: values.number === '' ? undefined : Number(values.number), name: values.name || null, startsOn: values.startsOn, endsOn: values.endsOn });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setSaving(true);
    try {
      const round = await api<DistributionRound>(`/api/programmes/${programme.id}/rounds`, { method: 'POST', body: parsed.data, headers: { 'Idempotency-Key': id } });
      void client.invalidateQueries({ queryKey: ['distribution-rounds'] });
      void client.invalidateQueries({ queryKey: ['programme', programme.id] });
      notifySuccess(t('distRound.created', { number: round.number }));
      onClose();
      navigate(`/programmes/rounds/${round.id}`);
    } catch (error) {
      showSaveError(error, setErrors);
    } finally {
      setSaving(false);
    }
  };
  const day = (key: 'startsOn' | 'endsOn', label: string) => (
    <TextInput label={label} value={values[key]} onChange={(e) => set({ [key]: e.currentTarget.value })} error={errors[key]} placeholder="2024-06-01" dir="ltr" required data-testid={`dist-round-${key}`} />
  );
  return (
    <Modal opened onClose={onClose} title={t('distRound.newTitle')} size="lg" data-testid="dist-round-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('distRound.newHint')}</Text>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput label={t('distRound.number')} value={values.number} onChange={(number) => set({ number })} error={errors.number} min={1} allowDecimal={false} dir="ltr" data-testid="dist-round-number" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t('distRound.name')} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} dir={autoDir(values.name)} data-testid="dist-round-name" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>{day('startsOn', t('distRound.startsOn'))}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>{day('endsOn', t('distRound.endsOn'))}</Grid.Col>
          </Grid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={saving} data-testid="dist-round-submit">{t('common.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
