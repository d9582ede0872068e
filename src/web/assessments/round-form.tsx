import { useState } from 'react';
import { Button, Grid, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RoundInput, type Round } from '#domain/movement/assessments';
import { api } from '#web/api/client.ts';
import { autoDir } from '#web/lib/labels.ts';
import { notifySuccess, showSaveError, zodFieldErrors, type FieldErrors } from '#web/lib/problems.ts';
import { uuidv7 } from '#web/lib/uuid.ts';

/** Opens a new round (number, name, the days it runs and the day it reports on). */
export function RoundForm({ opened, onClose, nextNumber }: { opened: boolean; onClose: () => void; nextNumber: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState({ number: nextNumber as number | string, name: '', startsOn: '', endsOn: '', reportedOn: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [id] = useState(uuidv7);
  const [saving, setSaving] = useState(false);
  const set = (changes: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...changes }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => !(p in changes))));
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = RoundInput.safeParse({ ...values, id, number: values.number === '' ? undefined : Number(values.number), name: values.name || null });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setSaving(true);
    try {
      const round = await api<Round>('/api/rounds', { method: 'POST', body: parsed.data, headers: { 'Idempotency-Key': id } });
      void client.invalidateQueries({ queryKey: ['rounds'] });
      notifySuccess(t('assessments.roundCreated', { number: round.number }));
      onClose();
      navigate(`/assessments/rounds/${round.id}`);
    } catch (error) {
      showSaveError(error, setErrors);
    } finally {
      setSaving(false);
    }
  };
  const day = (key: 'startsOn' | 'endsOn' | 'reportedOn', label: string) => (
    <TextInput label={label} value={values[key]} onChange={(e) => set({ [key]: e.currentTarget.value })} error={errors[key]} placeholder="2014-08-31" dir="ltr" required data-testid={`round-${key}`} />
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('assessments.newRound')} size="lg" data-testid="round-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput label={t('assessments.roundNumber')} value={values.number} onChange={(number) => set({ number })} error={errors.number} min={1} allowDecimal={false} required dir="ltr" data-testid="round-number" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t('assessments.roundName')} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} dir={autoDir(values.name)} data-testid="round-name" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>{day('startsOn', t('assessments.startsOn'))}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>{day('endsOn', t('assessments.endsOn'))}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>{day('reportedOn', t('assessments.reportedOn'))}</Grid.Col>
          </Grid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={saving} data-testid="round-submit">{t('common.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
