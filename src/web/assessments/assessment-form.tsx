import { useState } from 'react';
import { Alert, Anchor, Button, Grid, Group, MultiSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AssessmentInput, AssessmentUpdate, MAX_PRIORITY_NEEDS, type Assessment, type Location, type Round } from '#domain/movement/assessments';
import { api, ApiError } from '#web/api/client.ts';
import { useAreas, useReference } from '#web/api/queries.ts';
import { can, useMe } from '#web/auth/session.tsx';
import { Section } from '#web/components/section.tsx';
import { formatNumber, todayIso } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { areaName } from '#web/lib/areas.ts';
import { autoDir, useAreaNames, useReferenceLabels } from '#web/lib/labels.ts';
import { notifySuccess, showSaveError, zodFieldErrors, type FieldErrors } from '#web/lib/problems.ts';
import { shelterGroups } from '#web/lib/shelter-options.ts';
import { uuidv7 } from '#web/lib/uuid.ts';
import { assessmentBody, assessmentValues, emptyAssessment, estimateOf, type AssessmentValues } from './assessment-values.ts';
import { BreakdownEditor } from './breakdown-editor.tsx';
import { LocationPicker, locationName } from './location-picker.tsx';
import { RoundStatusBadge } from './round-status.tsx';

interface Props {
  round: Round;
  assessment: Assessment | null;
  onDone: (id?: string) => void;
}

/**
 * What key informants say about a location in a round: families and people (individuals left
 * blank are estimated at 6 per family), breakdowns that share out all the families, up to three
 * priority needs, and the key informant, seen and edited only with `assessments.informants`.
 */
export function AssessmentForm({ round, assessment, onDone }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const me = useMe();
  const client = useQueryClient();
  const reference = useReference();
  const labels = useReferenceLabels();
  const governorates = useAreas(1);
  const areaNames = useAreaNames();
  const [values, setValues] = useState<AssessmentValues>(() => (assessment ? assessmentValues(assessment) : emptyAssessment(todayIso())));
  const [location, setLocation] = useState<Location | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [id] = useState(uuidv7);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const informants = can(me, 'assessments.informants');
  const readOnly = round.status === 'closed' || !can(me, 'assessments.write');
  const set = (changes: Partial<AssessmentValues>) => {
    setValues((v) => ({ ...v, ...changes }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => !Object.keys(changes).some((k) => p === k || p.startsWith(`${k}.`)))));
  };
  const families = Number(values.idpFamilies) || 0;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = assessmentBody(values, informants);
    const parsed = assessment
      ? AssessmentUpdate.safeParse({ ...body, version: assessment.version })
      : AssessmentInput.safeParse({ ...body, id, roundId: round.id, locationId: location?.id });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setSaving(true);
    try {
      const saved = assessment
        ? await api<Assessment>(`/api/assessments/${assessment.id}`, { method: 'PATCH', body: parsed.data })
        : await api<Assessment>('/api/assessments', { method: 'POST', body: parsed.data, headers: { 'Idempotency-Key': id } });
      client.setQueryData(['assessment', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['assessments'] });
      void client.invalidateQueries({ queryKey: ['round', round.id] });
      notifySuccess(t('assessments.saved'));
      onDone(saved.id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && assessment) {
        setStale(true);
        void client.invalidateQueries({ queryKey: ['assessment', assessment.id] });
      } else showSaveError(error, setErrors);
    } finally {
      setSaving(false);
    }
  };

  const origins = (governorates.data ?? []).map((g) => ({ value: g.pcode, label: areaName(g, lang) }));
  const waves = (reference.data?.waves ?? []).map((w) => ({ value: w.code, label: labels.wave(w.code) }));
  const shelters = shelterGroups(reference.data?.shelterTypes, lang).flatMap((g) => g.items);
  const sectors = reference.data?.sectors ?? [];
  const needGroups = sectors
    .map((s) => ({ group: `${s.number}. ${labels.sector(s.code)}`, items: (reference.data?.priorityNeeds ?? []).filter((n) => n.sector === s.code).map((n) => ({ value: n.code, label: labels.priorityNeed(n.code) })) }))
    .filter((g) => g.items.length > 0);
  const estimateHint = (families: number | string) => (Number(families) > 0
    ? t('assessments.estimateHint', { n: formatNumber(estimateOf(families)) })
    : t('assessments.estimateHintNone'));
  const number = (key: 'idpFamilies' | 'idpIndividuals' | 'returneeFamilies' | 'returneeIndividuals', label: string, extra: Record<string, unknown> = {}) => (
    <NumberInput label={label} value={values[key]} onChange={(v) => set({ [key]: v })} error={errors[key]} min={0} allowDecimal={false} allowNegative={false} thousandSeparator="," readOnly={readOnly} dir="ltr" data-testid={`assessment-${key}`} {...extra} />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="assessment-form">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={1} size="h2">{assessment ? <bdi dir="auto">{locationName(assessment.location)}</bdi> : t('assessments.newAssessment')}</Title>
            <Group gap="xs" mt={4}>
              <Anchor component={Link} to={`/assessments/rounds/${round.id}`} size="sm">{t('figures.roundShort', { number: round.number })}</Anchor>
              <RoundStatusBadge status={round.status} />
              {assessment && <Text size="sm" c="dimmed"><span className="ltr">{assessment.location.code}</span> · {areaNames(assessment.location.pcode)}</Text>}
            </Group>
          </div>
        </Group>
        {round.status === 'closed' && <Alert color="gray">{t('assessments.closedReadOnly')}</Alert>}
        {stale && <Alert color="orange">{t('assessments.stale')}</Alert>}
        <Section title={t('assessments.where')}>
          <Grid gap="sm">
            {!assessment && (
              <Grid.Col span={{ base: 12, md: 8 }}>
                <LocationPicker value={location?.id ?? null} onChange={(l) => { setLocation(l); setErrors((x) => ({ ...x, locationId: '' })); }} error={errors.locationId || undefined} />
                {location && <Text size="xs" c="dimmed" mt={4}>{areaNames(location.pcode)}</Text>}
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput label={t('assessments.assessedOn')} value={values.assessedOn} onChange={(e) => set({ assessedOn: e.currentTarget.value })} error={errors.assessedOn} required readOnly={readOnly} dir="ltr" placeholder="2016-03-10" data-testid="assessment-assessedOn" />
            </Grid.Col>
          </Grid>
        </Section>
        <Section title={t('assessments.people')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            {number('idpFamilies', t('figures.idpFamilies'), { required: true })}
            {number('idpIndividuals', t('figures.idpIndividuals'), {
              description: estimateHint(values.idpFamilies),
              inputWrapperOrder: ['label', 'input', 'description', 'error'],
              placeholder: formatNumber(estimateOf(values.idpFamilies)),
            })}
            {number('returneeFamilies', t('figures.returneeFamilies'))}
            {number('returneeIndividuals', t('figures.returnees'), {
              description: estimateHint(values.returneeFamilies),
              inputWrapperOrder: ['label', 'input', 'description', 'error'],
              placeholder: formatNumber(estimateOf(values.returneeFamilies)),
            })}
          </SimpleGrid>
        </Section>
        <Section title={t('assessments.breakdowns')}>
          <Text size="sm" c="dimmed" mb="sm">{t('assessments.breakdownsHint', { n: formatNumber(families) })}</Text>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
            <BreakdownEditor label={t('assessments.byOrigin')} shares={values.byOrigin} onChange={(byOrigin) => set({ byOrigin })} options={origins} total={families} error={errors.byOrigin} readOnly={readOnly} testId="breakdown-origin" />
            <BreakdownEditor label={t('assessments.byWave')} shares={values.byWave} onChange={(byWave) => set({ byWave })} options={waves} total={families} error={errors.byWave} readOnly={readOnly} testId="breakdown-wave" />
            <BreakdownEditor label={t('assessments.byShelter')} shares={values.byShelter} onChange={(byShelter) => set({ byShelter })} options={shelters} total={families} error={errors.byShelter} readOnly={readOnly} testId="breakdown-shelter" />
          </SimpleGrid>
        </Section>
        <Section title={t('assessments.priorityNeeds')}>
          <MultiSelect
            label={t('assessments.priorityNeedsLabel', { n: MAX_PRIORITY_NEEDS })}
            description={t('assessments.priorityNeedsHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data={needGroups}
            value={values.priorityNeeds}
            onChange={(priorityNeeds) => set({ priorityNeeds })}
            maxValues={MAX_PRIORITY_NEEDS}
            error={errors.priorityNeeds}
            searchable
            readOnly={readOnly}
            data-testid="assessment-needs"
          />
        </Section>
        <KeyInformant values={values} set={set} errors={errors} informants={informants} recorded={assessment?.keyInformantRecorded ?? false} readOnly={readOnly} />
        <Section title={t('assessments.notes')}>
          <Textarea aria-label={t('assessments.notes')} value={values.notes} onChange={(e) => set({ notes: e.currentTarget.value })} error={errors.notes} autosize minRows={2} readOnly={readOnly} dir={autoDir(values.notes)} />
        </Section>
        {Object.keys(errors).length > 0 && Object.values(errors).some(Boolean) && <Alert color="red" data-testid="assessment-errors">{t('common.fixErrors')}</Alert>}
        {!readOnly && (
          <Paper withBorder p="sm" radius="md" shadow="sm" pos="sticky" bottom={8} style={{ zIndex: 5 }}>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => onDone()}>{t('common.cancel')}</Button>
              <Button type="submit" loading={saving} data-testid="assessment-submit">{t('common.save')}</Button>
            </Group>
          </Paper>
        )}
      </Stack>
    </form>
  );
}

interface InformantProps {
  values: AssessmentValues;
  set: (changes: Partial<AssessmentValues>) => void;
  errors: FieldErrors;
  informants: boolean;
  recorded: boolean;
  readOnly: boolean;
}

/** Personal data: only holders of `assessments.informants` see and edit it; others learn only whether one is on record. */
function KeyInformant({ values, set, errors, informants, recorded, readOnly }: InformantProps) {
  const { t } = useTranslation();
  if (!informants) {
    return (
      <Section title={t('assessments.keyInformant')} testId="assessment-informant-withheld">
        <Text size="sm" c="dimmed">{recorded ? t('assessments.informantWithheld') : t('assessments.informantNone')}</Text>
      </Section>
    );
  }
  const field = (key: 'name' | 'role' | 'phone', label: string) => (
    <TextInput
      label={label}
      value={values.informant[key]}
      onChange={(e) => set({ informant: { ...values.informant, [key]: e.currentTarget.value } })}
      error={errors[`keyInformant.${key}`]}
      readOnly={readOnly}
      dir={key === 'phone' ? 'ltr' : autoDir(values.informant[key])}
      type={key === 'phone' ? 'tel' : undefined}
      data-testid={`informant-${key}`}
    />
  );
  return (
    <Section title={t('assessments.keyInformant')} testId="assessment-informant">
      <Text size="xs" c="dimmed" mb="xs">{t('assessments.informantHint')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {field('name', t('assessments.informantName'))}
        {field('role', t('assessments.informantRole'))}
        {field('phone', t('assessments.informantPhone'))}
      </SimpleGrid>
    </Section>
  );
}
