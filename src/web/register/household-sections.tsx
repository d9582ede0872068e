import { Checkbox, Grid, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { Section } from '#web/components/section.tsx';
import { useTranslation } from 'react-i18next';
import { CONSENT_SCOPES, LEGAL_BASES } from '#domain/registry/household';
import { useReference, useSites } from '#web/api/queries.ts';
import { PcodePicker } from '#web/components/pcode-picker.tsx';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir, codeLabel } from '#web/lib/labels.ts';
import type { FieldErrors } from '#web/lib/problems.ts';
import type { HouseholdValues } from './form-values.ts';

interface SectionProps {
  values: HouseholdValues;
  errors: FieldErrors;
  update: (change: (v: HouseholdValues) => HouseholdValues, paths: string[]) => void;
}

/** Where the family comes from, when it left, where it lives now and how to reach it. */
export function LocationSection({ values, errors, update }: SectionProps) {
  const { t } = useTranslation();
  const reference = useReference();
  const sites = useSites(values.current.pcode);
  const lang = currentLang();
  const categories = [...new Set((reference.data?.shelterTypes ?? []).map((s) => s.category))];
  const shelterGroups = categories.map((category) => ({
    group: codeLabel('shelterCategory', category),
    items: reference.data!.shelterTypes
      .filter((s) => s.category === category)
      .map((s) => ({ value: s.code, label: s.labels[lang] || s.labels.en })),
  }));
  const shelterData = shelterGroups.length ? shelterGroups : values.shelter ? [{ value: values.shelter, label: values.shelter }] : [];
  const siteData = (sites.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${codeLabel('siteKind', s.kind)})` }));
  const text = (path: 'origin.place' | 'displacedOn' | 'current.address' | 'phone', get: (v: HouseholdValues) => string, set: (v: HouseholdValues, text: string) => HouseholdValues) => ({
    value: get(values),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const text = e.currentTarget.value;
      update((v) => set(v, text), [path]);
    },
    error: errors[path],
    'data-enter': '',
    'data-testid': `field-${path.replace('.', '-')}`,
  });

  return (
    <Section title={t('register.locationSection')} testId="section-location">
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <PcodePicker
            label={t('register.origin')}
            value={values.origin.pcode}
            onChange={(pcode) => update((v) => ({ ...v, origin: { ...v.origin, pcode } }), ['origin.pcode'])}
            error={errors['origin.pcode']}
            required
            data-testid="field-origin-pcode"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            label={t('register.originPlace')}
            dir={autoDir(values.origin.place)}
            {...text('origin.place', (v) => v.origin.place, (v, place) => ({ ...v, origin: { ...v.origin, place } }))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            label={t('register.displacedOn')}
            description={t('register.dateHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            placeholder="2014-06"
            dir="ltr"
            {...text('displacedOn', (v) => v.displacedOn, (v, displacedOn) => ({ ...v, displacedOn }))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            label={t('register.phone')}
            description={t('register.phoneHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            type="tel"
            dir="ltr"
            autoComplete="off"
            {...text('phone', (v) => v.phone, (v, phone) => ({ ...v, phone }))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <PcodePicker
            label={t('register.current')}
            value={values.current.pcode}
            onChange={(pcode) => update((v) => ({ ...v, current: { ...v.current, pcode, siteId: null } }), ['current.pcode', 'current.siteId'])}
            error={errors['current.pcode']}
            required
            data-testid="field-current-pcode"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Select
            label={t('register.site')}
            placeholder={values.current.pcode && !sites.isPending && siteData.length === 0 ? t('register.noSites') : t('register.sitePlaceholder')}
            data={siteData}
            value={values.current.siteId}
            onChange={(siteId) => update((v) => ({ ...v, current: { ...v.current, siteId } }), ['current.siteId'])}
            error={errors['current.siteId']}
            disabled={!values.current.pcode || siteData.length === 0}
            searchable
            clearable
            data-testid="field-current-site"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Select
            label={t('register.shelter')}
            data={shelterData}
            value={values.shelter}
            onChange={(shelter) => update((v) => ({ ...v, shelter }), ['shelter'])}
            error={errors.shelter}
            allowDeselect={false}
            searchable
            required
            data-testid="field-shelter"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            label={t('register.address')}
            dir={autoDir(values.current.address)}
            {...text('current.address', (v) => v.current.address, (v, address) => ({ ...v, current: { ...v.current, address } }))}
          />
        </Grid.Col>
      </Grid>
    </Section>
  );
}

/** Legal basis, consent (given, date, scope) and free-text notes. */
export function ProtectionSection({ values, errors, update }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('register.protectionSection')} testId="section-protection">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Select
            label={t('register.legalBasis')}
            description={t('register.legalBasisHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data={LEGAL_BASES.map((b) => ({ value: b, label: t(`legalBasis.${b}`) }))}
            value={values.legalBasis}
            onChange={(legalBasis) => update((v) => ({ ...v, legalBasis }), ['legalBasis', 'consent.given'])}
            error={errors.legalBasis}
            allowDeselect={false}
            required
            data-testid="field-legal-basis"
          />
          <TextInput
            label={t('register.consentDate')}
            description={t('register.dateHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={values.consent.date}
            onChange={(e) => {
              const date = e.currentTarget.value;
              update((v) => ({ ...v, consent: { ...v.consent, date } }), ['consent.date']);
            }}
            error={errors['consent.date']}
            disabled={!values.consent.given}
            dir="ltr"
            data-enter=""
            data-testid="field-consent-date"
          />
        </SimpleGrid>
        <Checkbox
          label={t('register.consentGiven')}
          checked={values.consent.given}
          onChange={(e) => {
            const given = e.currentTarget.checked;
            update((v) => ({ ...v, consent: { ...v.consent, given } }), ['consent.given']);
          }}
          error={errors['consent.given']}
          data-testid="field-consent-given"
        />
        <Checkbox.Group
          label={t('register.consentScope')}
          value={values.consent.scope}
          onChange={(scope) => update((v) => ({ ...v, consent: { ...v.consent, scope } }), ['consent.scope'])}
          error={errors['consent.scope']}
          data-testid="field-consent-scope"
        >
          <Group gap="md" mt={6}>
            {CONSENT_SCOPES.map((s) => (
              <Checkbox key={s} value={s} label={t(`consentScope.${s}`)} disabled={!values.consent.given} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          label={t('register.notes')}
          value={values.notes}
          onChange={(e) => {
            const notes = e.currentTarget.value;
            update((v) => ({ ...v, notes }), ['notes']);
          }}
          error={errors.notes}
          autosize
          minRows={2}
          maxRows={6}
          dir={autoDir(values.notes)}
          data-testid="field-notes"
        />
      </Stack>
    </Section>
  );
}
