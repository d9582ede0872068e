import { useState } from 'react';
import { Alert, Button, Grid, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MOVEMENT_TYPES, MovementInput, type MovementType, type MovementView } from '#domain/movement/schemas';
import type { Household } from '#domain/registry/household';
import { api } from '#web/api/client.ts';
import { useReference, useSites } from '#web/api/queries.ts';
import { PcodePicker } from '#web/components/pcode-picker.tsx';
import { formatPartialDate, todayIso } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir, siteName } from '#web/lib/labels.ts';
import { notifySuccess, showSaveError, zodFieldErrors, type FieldErrors } from '#web/lib/problems.ts';
import { shelterGroups } from '#web/lib/shelter-options.ts';
import { uuidv7 } from '#web/lib/uuid.ts';
import { timelineKey } from './queries.ts';
import { beforeRegistration } from './timing.ts';

interface Values {
  type: MovementType | null;
  pcode: string | null;
  siteId: string | null;
  place: string;
  shelter: string | null;
  date: string;
  note: string;
}

const EMPTY: Values = { type: null, pcode: null, siteId: null, place: '', shelter: null, date: '', note: '' };
/** After a return or a departure abroad the family has no shelter type; abroad it has no site. */
const hasShelter = (type: MovementType | null) => type !== 'return' && type !== 'departure_abroad';

function toInput(id: string, v: Values) {
  const abroad = v.type === 'departure_abroad';
  return {
    id,
    type: v.type,
    to: { pcode: v.pcode, siteId: abroad ? null : v.siteId, place: v.place.trim() || null },
    shelter: hasShelter(v.type) ? v.shelter : null,
    date: v.date.trim(),
    note: v.note.trim() || null,
  };
}

/**
 * Records where a family moved. One submission is one movement: its id doubles as the
 * Idempotency-Key, kept until the server has it, so a retry after a lost answer records nothing twice.
 */
export function MovementForm({ household, opened, onClose }: { household: Household; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const reference = useReference();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [key, setKey] = useState(uuidv7);
  const [saving, setSaving] = useState(false);
  const sites = useSites(values.type === 'departure_abroad' ? null : values.pcode);
  const abroad = values.type === 'departure_abroad';

  const change = (changes: Partial<Values>, paths: string[]) => {
    setValues((v) => ({ ...v, ...changes }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => !paths.includes(p))));
  };
  const changeType = (type: MovementType | null) => {
    // A return is to the place of origin unless the clerk says otherwise.
    const pcode = type === 'return' && !values.pcode ? household.origin.pcode : values.pcode;
    change({ type, pcode, shelter: hasShelter(type) ? values.shelter : null }, ['type', 'to.pcode', 'shelter']);
  };
  const close = () => {
    setErrors({});
    onClose();
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const input = toInput(key, values);
    const parsed = MovementInput.safeParse(input);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setSaving(true);
    try {
      const saved = await api<{ movement: MovementView; household: Household }>(`/api/households/${encodeURIComponent(household.id)}/movements`, {
        method: 'POST',
        body: parsed.data,
        headers: { 'Idempotency-Key': key },
      });
      client.setQueryData(['household', household.id], saved.household);
      void client.invalidateQueries({ queryKey: timelineKey(household.id) });
      void client.invalidateQueries({ queryKey: ['households'] });
      void client.invalidateQueries({ queryKey: ['figures'] });
      notifySuccess(t('movements.recorded'));
      setValues(EMPTY);
      setKey(uuidv7());
      close();
    } catch (error) {
      showSaveError(error, setErrors);
    } finally {
      setSaving(false);
    }
  };

  const siteData = (sites.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: siteName(s) }));
  const fieldError = (path: string) => errors[path];
  return (
    <Modal opened={opened} onClose={close} title={t('movements.recordTitle')} size="lg" data-testid="movement-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t('movements.type')}
            data={MOVEMENT_TYPES.map((type) => ({ value: type, label: t(`movementType.${type}`) }))}
            value={values.type}
            onChange={(type) => changeType(type as MovementType | null)}
            error={fieldError('type')}
            required
            data-testid="movement-type"
          />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <PcodePicker
                label={abroad ? t('movements.lastArea') : t('movements.destination')}
                value={values.pcode}
                onChange={(pcode) => change({ pcode, siteId: null }, ['to.pcode', 'to.siteId'])}
                error={fieldError('to.pcode')}
                required={!abroad}
                clearable
                data-testid="movement-pcode"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {!abroad && (
                <Select
                  label={t('movements.site')}
                  placeholder={values.pcode && !sites.isPending && siteData.length === 0 ? t('movements.noSites') : t('movements.noSite')}
                  data={siteData}
                  value={values.siteId}
                  onChange={(siteId) => change({ siteId }, ['to.siteId'])}
                  error={fieldError('to.siteId')}
                  disabled={!values.pcode || siteData.length === 0}
                  searchable
                  clearable
                  data-testid="movement-site"
                />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={abroad ? t('movements.country') : t('movements.place')}
                value={values.place}
                onChange={(e) => change({ place: e.currentTarget.value }, ['to.place'])}
                error={fieldError('to.place')}
                required={abroad && !values.pcode}
                dir={autoDir(values.place)}
                data-testid="movement-place"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {hasShelter(values.type) && (
                <Select
                  label={t('movements.shelter')}
                  description={t('movements.shelterHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  data={shelterGroups(reference.data?.shelterTypes, lang)}
                  value={values.shelter}
                  onChange={(shelter) => change({ shelter }, ['shelter'])}
                  error={fieldError('shelter')}
                  searchable
                  clearable
                  data-testid="movement-shelter"
                />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('movements.date')}
                description={t('movements.dateHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                placeholder={todayIso()}
                value={values.date}
                onChange={(e) => change({ date: e.currentTarget.value }, ['date'])}
                error={fieldError('date')}
                required
                dir="ltr"
                data-testid="movement-date"
              />
            </Grid.Col>
          </Grid>
          {beforeRegistration(values.date, household.registeredOn) && (
            <Alert color="yellow" variant="light" data-testid="movement-before-registration">
              <Text size="sm">{t('movements.beforeRegistration', { date: formatPartialDate(lang, household.registeredOn) })}</Text>
            </Alert>
          )}
          <Textarea
            label={t('movements.note')}
            value={values.note}
            onChange={(e) => change({ note: e.currentTarget.value }, ['note'])}
            error={fieldError('note')}
            autosize
            minRows={2}
            dir={autoDir(values.note)}
            data-testid="movement-note"
          />
          {Object.keys(errors).some((p) => !['type', 'to.pcode', 'to.siteId', 'to.place', 'shelter', 'date', 'note'].includes(p)) && (
            <Alert color="red"><Text size="sm">{Object.values(errors).join(' ')}</Text></Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button type="submit" loading={saving} data-testid="movement-submit">{t('movements.record')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
