import { useState } from 'react';
import { Button, Grid, Group, Modal, NumberInput, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FLOW_GROUPS, FlowInput, type FlowDirection, type FlowGroup } from '#domain/movement/flows';
import { api } from '#web/api/client.ts';
import { formatNumber, todayIso } from '#web/i18n/format.ts';
import { autoDir } from '#web/lib/labels.ts';
import { notifySuccess, showSaveError, zodFieldErrors, type FieldErrors } from '#web/lib/problems.ts';
import { uuidv7 } from '#web/lib/uuid.ts';

type Counts = Record<FlowGroup, number | string>;
const ZERO = Object.fromEntries(FLOW_GROUPS.map((g) => [g, 0])) as Counts;
const FEMALE: FlowGroup[] = ['femaleChildren', 'femaleAdults', 'femaleElderly'];
const MALE: FlowGroup[] = ['maleChildren', 'maleAdults', 'maleElderly'];
const AGE = ['flows.children', 'flows.adults', 'flows.elderly'] as const;

/** Records one day's count in one direction at a transit point, by sex and age group. */
export function FlowForm({ pointId, opened, onClose }: { pointId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [countedOn, setCountedOn] = useState(todayIso());
  const [direction, setDirection] = useState<FlowDirection>('incoming');
  const [counts, setCounts] = useState<Counts>(ZERO);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [id, setId] = useState(uuidv7);
  const [saving, setSaving] = useState(false);
  const total = FLOW_GROUPS.reduce((n, g) => n + (Number(counts[g]) || 0), 0);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const numbers = Object.fromEntries(FLOW_GROUPS.map((g) => [g, counts[g] === '' ? 0 : Number(counts[g])]));
    const parsed = FlowInput.safeParse({ id, pointId, countedOn, direction, ...numbers, note: note.trim() || null });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setSaving(true);
    try {
      await api('/api/flows', { method: 'POST', body: parsed.data, headers: { 'Idempotency-Key': id } });
      void client.invalidateQueries({ queryKey: ['flows', pointId] });
      notifySuccess(t('flows.recorded'));
      setCounts(ZERO);
      setNote('');
      setId(uuidv7());
      onClose();
    } catch (error) {
      showSaveError(error, setErrors);
    } finally {
      setSaving(false);
    }
  };

  const count = (group: FlowGroup, label: string) => (
    <NumberInput
      label={label}
      value={counts[group]}
      onChange={(v) => { setCounts((c) => ({ ...c, [group]: v })); setErrors((x) => ({ ...x, [group]: '' })); }}
      error={errors[group] || undefined}
      min={0}
      allowDecimal={false}
      allowNegative={false}
      dir="ltr"
      data-testid={`flow-${group}`}
    />
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('flows.recordTitle')} size="lg" data-testid="flow-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-end">
            <TextInput label={t('flows.day')} value={countedOn} onChange={(e) => setCountedOn(e.currentTarget.value)} error={errors.countedOn} placeholder="2014-08-15" dir="ltr" required data-testid="flow-day" />
            <div>
              <Text size="sm" fw={500} mb={4}>{t('flows.direction')}</Text>
              <SegmentedControl
                fullWidth
                value={direction}
                onChange={(v) => setDirection(v as FlowDirection)}
                data={[{ value: 'incoming', label: t('flows.incoming') }, { value: 'outgoing', label: t('flows.outgoing') }]}
                data-testid="flow-direction"
              />
            </div>
          </Group>
          <Grid gap="sm">
            {AGE.map((age, i) => (
              <Grid.Col key={age} span={{ base: 12, sm: 4 }}>
                <Stack gap={6}>
                  {count(FEMALE[i], `${t('flows.female')} · ${t(age)}`)}
                  {count(MALE[i], `${t('flows.male')} · ${t(age)}`)}
                </Stack>
              </Grid.Col>
            ))}
          </Grid>
          <Text size="sm" fw={600} data-testid="flow-total">{t('flows.totalPeople', { n: formatNumber(total) })}</Text>
          <Textarea label={t('flows.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} autosize minRows={2} dir={autoDir(note)} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={saving} data-testid="flow-submit">{t('flows.record')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
