import { Alert, Anchor, Checkbox, Grid, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { Section } from '#web/components/section.tsx';
import { useTranslation } from 'react-i18next';
import { CONSENT_SCOPES, LEGAL_BASES } from '#domain/registry/household';
import { useReference, useSites } from '#web/api/queries.ts';
import { PcodePicker } from '#web/components/pcode-picker.tsx';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir, codeLabel, siteName } from '#web/lib/labels.ts';
import type { FieldErrors } from '#web/lib/problems.ts';
import { shelterGroups } from '#web/lib/shelter-options.ts';
import type { HouseholdValues } from './form-values.ts';

interface SectionProps {
  values: HouseholdValues;
  errors: FieldErrors;
  update: (change: (v: HouseholdValues) => HouseholdValues, paths: string[]) => void;
}

/** Where the family is now follows its recorded movements: shown, not edited, with the way to change it. */
function FollowsMovements({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" data-testid="current-follows-movements">
      <Text size="sm">
        {t('register.currentFollowsMovements')}{' '}
        <Anchor component={Link} to={`/households/${householdId}?tab=movements`} size="sm" fw={600}>{t('register.recordMovement')}</Anchor>
      </Text>
    </Alert>
  );
}

/** Where the family comes from, when it left, where it lives now and how to reach it. */
export function LocationSection({ values, errors, update, currentLocked }: SectionProps & { currentLocked?: string | null }) {
  const locked = !!currentLocked;
  const { t } = useTranslation();
  const reference = useReference();
  const sites = useSites(values.current.pcode);
  const lang = currentLang();
  const groups = shelterGroups(reference.data?.shelterTypes, lang);
  const shelterData = groups.length ? groups : values.shelter ? [{ value: values.shelter, label: values.shelter }] : [];
  const siteData = (sites.data ?? []).map((s) => ({ value: s.id, label: `${siteName(s)} (${codeLabel('siteKind', s.kind)})` }));
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
        {currentLocked && (
          <Grid.Col span={12}>
            <FollowsMovements householdId={currentLocked} />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: 6 }}>
          <PcodePicker
            label={t('register.current')}
            readOnly={locked}
            variant={locked ? 'filled' : undefined}
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
            disabled={!locked && (!values.current.pcode || siteData.length === 0)}
            readOnly={locked}
            variant={locked ? 'filled' : undefined}
            searchable
            clearable={!locked}
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
            readOnly={locked}
            variant={locked ? 'filled' : undefined}
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
            readOnly={locked}
            variant={locked ? 'filled' : undefined}
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
