import { useState } from 'react';
import { Alert, Button, Checkbox, Grid, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SITE_KINDS, SiteInput, SiteUpdate, TRANSIT_TYPES } from '#domain/places/schemas';
import { api, ApiError } from '#web/api/client.ts';
import { useOrganizations, useReference } from '#web/api/queries.ts';
import type { Site } from '#web/api/types.ts';
import { PcodePicker } from '#web/components/pcode-picker.tsx';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir, codeLabel, organizationName } from '#web/lib/labels.ts';
import { notifySuccess, showSaveError, zodFieldErrors, type FieldErrors } from '#web/lib/problems.ts';
import { shelterGroups } from '#web/lib/shelter-options.ts';
import { uuidv7 } from '#web/lib/uuid.ts';

interface Values {
  name: string;
  nameAr: string;
  nameCkb: string;
  kind: string | null;
  transitType: string | null;
  shelter: string | null;
  pcode: string | null;
  latitude: number | string;
  longitude: number | string;
  capacity: number | string;
  managingOrganizationId: string | null;
  active: boolean;
}

const num = (v: number | string) => (v === '' || v === null ? null : Number(v));

function valuesOf(site: Site | null): Values {
  return {
    name: site?.name ?? '', nameAr: site?.nameAr ?? '', nameCkb: site?.nameCkb ?? '', kind: site?.kind ?? null,
    transitType: site?.transitType ?? null, shelter: site?.shelter ?? null, pcode: site?.pcode ?? null,
    latitude: site?.latitude ?? '', longitude: site?.longitude ?? '', capacity: site?.capacity ?? '',
    managingOrganizationId: site?.managingOrganizationId ?? null, active: site?.active ?? true,
  };
}

function body(v: Values) {
  const transit = v.kind === 'transit_point';
  return {
    name: v.name, nameAr: v.nameAr || null, nameCkb: v.nameCkb || null, kind: v.kind, pcode: v.pcode ?? '',
    transitType: transit ? v.transitType : null, shelter: transit ? null : v.shelter,
    latitude: num(v.latitude), longitude: num(v.longitude), capacity: transit ? null : num(v.capacity),
    managingOrganizationId: v.managingOrganizationId,
  };
}

/**
 * Adds a site (its id made here, so a repeated submission adds it once) or edits one at the
 * version read; when someone saved in between, the form says so and reloads the site.
 */
export function SiteForm({ site, opened, onClose }: { site: Site | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const navigate = useNavigate();
  const reference = useReference();
  const organizations = useOrganizations(opened);
  const [values, setValues] = useState(() => valuesOf(site));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [id] = useState(uuidv7);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const set = (changes: Partial<Values>) => {
    setValues((v) => ({ ...v, ...changes }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => !(p in changes))));
  };
  const transit = values.kind === 'transit_point';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = site
      ? SiteUpdate.safeParse({ ...body(values), version: site.version, active: values.active })
      : SiteInput.safeParse({ ...body(values), id });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setSaving(true);
    try {
      const saved = site
        ? await api<Site>(`/api/sites/${site.id}`, { method: 'PATCH', body: parsed.data })
        : await api<Site>('/api/sites', { method: 'POST', body: parsed.data });
      void client.invalidateQueries({ queryKey: ['sites'] });
      void client.invalidateQueries({ queryKey: ['site', saved.id] });
      notifySuccess(t(site ? 'sites.saved' : 'sites.created', { name: saved.name }));
      onClose();
      if (!site) navigate(`/sites/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setStale(true);
        void client.invalidateQueries({ queryKey: ['site', site?.id] });
      } else showSaveError(error, setErrors);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={site ? t('sites.editTitle') : t('sites.addTitle')} size="xl" data-testid="site-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {stale && <Alert color="orange"><Text size="sm">{t('sites.stale')}</Text></Alert>}
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('sites.nameEn')} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} required dir={autoDir(values.name)} data-testid="site-name" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('sites.nameAr')} value={values.nameAr} onChange={(e) => set({ nameAr: e.currentTarget.value })} error={errors.nameAr} dir="rtl" lang="ar" data-testid="site-name-ar" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('sites.nameCkb')} value={values.nameCkb} onChange={(e) => set({ nameCkb: e.currentTarget.value })} error={errors.nameCkb} dir="rtl" lang="ckb" data-testid="site-name-ckb" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('sites.kind')}
                data={SITE_KINDS.map((k) => ({ value: k, label: codeLabel('siteKind', k) }))}
                value={values.kind}
                onChange={(kind) => set({ kind, transitType: kind === 'transit_point' ? values.transitType ?? 'checkpoint' : null })}
                error={errors.kind}
                required
                allowDeselect={false}
                data-testid="site-kind"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {transit ? (
                <Select
                  label={t('sites.transitType')}
                  data={TRANSIT_TYPES.map((k) => ({ value: k, label: codeLabel('transitType', k) }))}
                  value={values.transitType}
                  onChange={(transitType) => set({ transitType })}
                  error={errors.transitType}
                  required
                  allowDeselect={false}
                  data-testid="site-transit-type"
                />
              ) : (
                <Select
                  label={t('sites.shelter')}
                  description={t('sites.shelterHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  data={shelterGroups(reference.data?.shelterTypes, lang)}
                  value={values.shelter}
                  onChange={(shelter) => set({ shelter })}
                  error={errors.shelter}
                  clearable
                  searchable
                  data-testid="site-shelter"
                />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <PcodePicker label={t('sites.area')} value={values.pcode} onChange={(pcode) => set({ pcode })} error={errors.pcode} required data-testid="site-pcode" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('sites.managedBy')}
                data={(organizations.data ?? []).map((o) => ({ value: o.id, label: `${o.code} — ${organizationName(o)}` }))}
                value={values.managingOrganizationId}
                onChange={(managingOrganizationId) => set({ managingOrganizationId })}
                error={errors.managingOrganizationId}
                clearable
                searchable
                data-testid="site-organization"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <NumberInput label={t('sites.latitude')} value={values.latitude} onChange={(latitude) => set({ latitude })} error={errors.latitude} decimalScale={6} min={-90} max={90} dir="ltr" data-testid="site-latitude" />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <NumberInput label={t('sites.longitude')} value={values.longitude} onChange={(longitude) => set({ longitude })} error={errors.longitude} decimalScale={6} min={-180} max={180} dir="ltr" data-testid="site-longitude" />
            </Grid.Col>
            {!transit && (
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <NumberInput label={t('sites.capacity')} description={t('sites.capacityHint')} inputWrapperOrder={['label', 'input', 'description', 'error']} value={values.capacity} onChange={(capacity) => set({ capacity })} error={errors.capacity} min={0} allowDecimal={false} thousandSeparator="," dir="ltr" data-testid="site-capacity" />
              </Grid.Col>
            )}
          </Grid>
          {site && (
            <Checkbox label={t('sites.open')} description={t('sites.openHint')} checked={values.active} onChange={(e) => set({ active: e.currentTarget.checked })} data-testid="site-active" />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={saving} data-testid="site-submit">{site ? t('common.save') : t('sites.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
