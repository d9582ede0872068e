import '#web/i18n/movement/index.ts';
import { useEffect, useState } from 'react';
import { Button, Checkbox, Grid, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SITE_KINDS } from '#domain/places/schemas';
import type { Site } from '#web/api/types.ts';
import { can, useMe } from '#web/auth/session.tsx';
import { PcodePicker } from '#web/components/pcode-picker.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir, codeLabel, siteName, useAreaNames, useReferenceLabels } from '#web/lib/labels.ts';
import { useUrlParams } from '#web/lib/url-params.ts';
import { useSiteList } from './queries.ts';
import { SiteForm } from './site-form.tsx';
import { ClosedBadge, OccupancyBar, siteKindLabel } from './site-labels.tsx';

/** Camps, settlements, collective centres, host communities and transit points, with who lives there now. */
export function SitesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { params, update } = useUrlParams();
  const filters = { kind: params.get('kind'), area: params.get('area'), q: params.get('q') ?? '', all: params.get('all') === 'true' };
  const [text, setText] = useState(filters.q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const [adding, setAdding] = useState(false);
  useEffect(() => { if (debounced !== filters.q) update({ q: debounced }); }, [debounced]);
  const sites = useSiteList(filters);
  const canManage = can(me, 'places.manage');
  const filtered = !!(filters.kind || filters.area || filters.q);
  const lang = currentLang();

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">{t('sites.title')}</Title>
        {canManage && <Button onClick={() => setAdding(true)} data-testid="site-add">{t('sites.add')}</Button>}
      </Group>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TextInput label={t('sites.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} type="search" dir={autoDir(text)} data-testid="sites-search" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <Select
            label={t('sites.kind')}
            placeholder={t('sites.anyKind')}
            data={SITE_KINDS.map((k) => ({ value: k, label: codeLabel('siteKind', k) }))}
            value={filters.kind}
            onChange={(kind) => update({ kind })}
            clearable
            data-testid="sites-kind"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <PcodePicker label={t('sites.area')} placeholder={t('figures.wholeCountry')} value={filters.area} onChange={(area) => update({ area })} clearable data-testid="sites-area" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 2 }}>
          <Checkbox label={t('sites.showClosed')} checked={filters.all} onChange={(e) => update({ all: e.currentTarget.checked ? 'true' : null })} mb={8} data-testid="sites-all" />
        </Grid.Col>
      </Grid>
      {sites.isError ? (
        <ErrorState error={sites.error} onRetry={() => sites.refetch()} />
      ) : !sites.data ? (
        <PageLoader />
      ) : sites.data.length === 0 ? (
        <EmptyState
          title={filtered ? t('sites.empty') : t('sites.emptyNone')}
          action={filtered ? <Button variant="default" onClick={() => { setText(''); update({ kind: null, area: null, q: null }); }}>{t('households.clearFilters')}</Button> : undefined}
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">{t('common.total', { n: formatNumber(sites.data.length) })}</Text>
          <SitesTable sites={[...sites.data].sort((a, b) => siteName(a).localeCompare(siteName(b), lang))} onOpen={(id) => navigate(`/sites/${id}`)} />
        </>
      )}
      {canManage && <SiteForm opened={adding} onClose={() => setAdding(false)} site={null} />}
    </Stack>
  );
}

function SitesTable({ sites, onOpen }: { sites: Site[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const areaNames = useAreaNames();
  const labels = useReferenceLabels();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="sites-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sites.name')}</Table.Th>
            <Table.Th>{t('sites.kind')}</Table.Th>
            <Table.Th>{t('sites.area')}</Table.Th>
            <Table.Th>{t('sites.shelter')}</Table.Th>
            <Table.Th ta="end">{t('sites.families')}</Table.Th>
            <Table.Th ta="end">{t('sites.individuals')}</Table.Th>
            <Table.Th ta="end">{t('sites.capacity')}</Table.Th>
            <Table.Th>{t('sites.occupancy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sites.map((s) => (
            <Table.Tr key={s.id} className="clickable-row" onClick={() => onOpen(s.id)} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(s.id); }} tabIndex={0} data-testid="site-row">
              <Table.Td>
                <Group gap={6}>
                  <Link to={`/sites/${s.id}`} onClick={(e) => e.stopPropagation()} tabIndex={-1}><Text fw={600} size="sm"><bdi dir="auto">{siteName(s)}</bdi></Text></Link>
                  <ClosedBadge active={s.active} />
                </Group>
              </Table.Td>
              <Table.Td>{siteKindLabel(s)}</Table.Td>
              <Table.Td>{areaNames(s.pcode)}</Table.Td>
              <Table.Td>{s.shelter ? labels.shelter(s.shelter) : '—'}</Table.Td>
              {/* No one lives at a transit point: people are counted passing, on its page. */}
              <Table.Td ta="end">{s.kind === 'transit_point' ? '—' : formatNumber(s.population.families)}</Table.Td>
              <Table.Td ta="end">{s.kind === 'transit_point' ? '—' : formatNumber(s.population.individuals)}</Table.Td>
              <Table.Td ta="end">{s.capacity === null ? '—' : formatNumber(s.capacity)}</Table.Td>
              <Table.Td><OccupancyBar site={s} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
