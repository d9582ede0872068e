import '#web/i18n/movement/index.ts';
import { useState } from 'react';
import { Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useOrganizations } from '#web/api/queries.ts';
import { can, useMe } from '#web/auth/session.tsx';
import { Field, Section } from '#web/components/section.tsx';
import { ErrorState, PageLoader } from '#web/components/states.tsx';
import { AreaPath } from '#web/households/household-details.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { organizationName, siteName, useReferenceLabels } from '#web/lib/labels.ts';
import { BoundariesAttribution } from '#web/map/boundaries-note.tsx';
import { LazyPointMap } from '#web/map/lazy.tsx';
import { useBoundaries } from '#web/map/queries.ts';
import { FlowsSection } from './flows-section.tsx';
import { useSiteDetail, type SiteDetail } from './queries.ts';
import { SiteAssessments } from './site-assessments.tsx';
import { SiteForm } from './site-form.tsx';
import { SiteHouseholds } from './site-households.tsx';
import { ClosedBadge, OccupancyBar, siteKindLabel } from './site-labels.tsx';

/** A site: its facts and place on a map, who the registry has there, what assessments and flow counts say. */
export function SitePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const site = useSiteDetail(id);
  const [editing, setEditing] = useState(false);
  if (site.isPending) return <PageLoader />;
  if (site.isError) return <ErrorState error={site.error} onRetry={() => site.refetch()} />;
  const s = site.data;
  const transit = s.kind === 'transit_point';
  const others = [s.name, s.nameAr, s.nameCkb].filter((n): n is string => !!n && n !== siteName(s));
  return (
    <Stack gap="md" data-testid="site-page">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={1} size="h2" data-testid="site-name-title"><bdi dir="auto">{siteName(s)}</bdi></Title>
            {others.length > 0 && <Text size="sm" c="dimmed"><bdi dir="auto">{others.join(' · ')}</bdi></Text>}
            <Group gap="xs">
              <Badge variant="light" style={{ textTransform: 'none' }} data-testid="site-kind-badge">{siteKindLabel(s)}</Badge>
              <ClosedBadge active={s.active} />
            </Group>
          </Stack>
          {can(me, 'places.manage') && <Button onClick={() => setEditing(true)} data-testid="site-edit">{t('common.edit')}</Button>}
        </Group>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: s.latitude !== null ? 7 : 12 }}>
          <Stack gap="md">
            <SiteFacts site={s} />
            {!transit && <Population site={s} />}
          </Stack>
        </Grid.Col>
        {s.latitude !== null && s.longitude !== null && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <SiteMap latitude={s.latitude} longitude={s.longitude} name={siteName(s)} />
          </Grid.Col>
        )}
      </Grid>
      {transit ? (
        <FlowsSection pointId={s.id} />
      ) : (
        <>
          <SiteAssessments site={s} />
          <SiteHouseholds siteId={s.id} />
        </>
      )}
      {editing && <SiteForm site={s} opened onClose={() => setEditing(false)} />}
    </Stack>
  );
}

function SiteFacts({ site: s }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const organizations = useOrganizations(!!s.managingOrganizationId);
  const manager = organizations.data?.find((o) => o.id === s.managingOrganizationId);
  return (
    <Section title={t('sites.facts')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <Field label={t('sites.area')} testId="site-area"><AreaPath pcode={s.pcode} /></Field>
        {s.kind !== 'transit_point' && <Field label={t('sites.shelter')}>{s.shelter ? labels.shelter(s.shelter) : null}</Field>}
        {s.kind !== 'transit_point' && <Field label={t('sites.capacity')} ltr>{s.capacity === null ? null : formatNumber(s.capacity)}</Field>}
        <Field label={t('sites.managedBy')}>{manager ? organizationName(manager) : null}</Field>
        <Field label={t('sites.coordinates')} ltr>{s.latitude !== null && s.longitude !== null ? `${s.latitude.toFixed(5)}, ${s.longitude.toFixed(5)}` : null}</Field>
      </SimpleGrid>
    </Section>
  );
}

function Population({ site: s }: { site: SiteDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('sites.population')} testId="site-population">
      <SimpleGrid cols={3} spacing="md">
        <div>
          <Text size="xs" c="dimmed" fw={600}>{t('sites.families')}</Text>
          <Text fz={24} fw={700} className="ltr" data-testid="site-families">{formatNumber(s.population.families)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={600}>{t('sites.individuals')}</Text>
          <Text fz={24} fw={700} className="ltr" data-testid="site-individuals">{formatNumber(s.population.individuals)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={600}>{t('sites.occupancy')}</Text>
          <OccupancyBar site={s} />
        </div>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">{t('sites.populationSource')}</Text>
    </Section>
  );
}

function SiteMap({ latitude, longitude, name }: { latitude: number; longitude: number; name: string }) {
  const { t } = useTranslation();
  const boundaries = useBoundaries(2);
  return (
    <Paper withBorder p="xs" radius="md">
      <LazyPointMap latitude={latitude} longitude={longitude} boundaries={boundaries.data} label={t('sites.mapLabel', { name })} height={260} testId="site-map" />
      {!!boundaries.data?.features.length && <BoundariesAttribution />}
    </Paper>
  );
}
