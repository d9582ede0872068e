import '#web/i18n/assistance/index.ts';
import { useEffect, useState } from 'react';
import { Badge, Button, Grid, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Programme } from '#domain/assistance/programmes';
import { useReference } from '#web/api/queries.ts';
import { can, useMe } from '#web/auth/session.tsx';
import { Pager } from '#web/components/pager.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber, formatPartialDate } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir, useAreaNames, useReferenceLabels } from '#web/lib/labels.ts';
import { useUrlParams } from '#web/lib/url-params.ts';
import { programmeName } from './labels.ts';
import { ProgrammeForm } from './programme-form.tsx';
import { PROGRAMMES_PAGE, useProgrammes } from './queries.ts';

/** Assistance programmes by sector and status; a programme manager opens a new one here. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const reference = useReference();
  const labels = useReferenceLabels();
  const { params, update } = useUrlParams({ page: 1 });
  const filters = { sector: params.get('sector'), status: params.get('status'), q: params.get('q') ?? '', page: Math.max(1, Number(params.get('page')) || 1) };
  const [text, setText] = useState(filters.q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  useEffect(() => { if (debounced !== filters.q) update({ q: debounced }, { resetPage: true }); }, [debounced]);
  const programmes = useProgrammes(filters);
  const [creating, setCreating] = useState(false);
  const filtered = !!(filters.sector || filters.status || filters.q);

  return (
    <Stack gap="md" data-testid="programmes-page">
      <Group justify="space-between">
        <Title order={1} size="h2">{t('programmes.title')}</Title>
        {can(me, 'assistance.manage') && <Button onClick={() => setCreating(true)} data-testid="programme-new">{t('programmes.new')}</Button>}
      </Group>
      <Text size="sm" c="dimmed">{t('programmes.intro')}</Text>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TextInput label={t('programmes.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} type="search" dir={autoDir(text)} data-testid="programmes-search" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Select
            label={t('programmes.sector')}
            placeholder={t('programmes.anySector')}
            data={(reference.data?.sectors ?? []).map((s) => ({ value: s.code, label: `${s.number}. ${labels.sector(s.code)}` }))}
            value={filters.sector}
            onChange={(sector) => update({ sector }, { resetPage: true })}
            clearable
            searchable
            data-testid="programmes-sector"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <SegmentedControl
            fullWidth
            value={filters.status ?? 'all'}
            onChange={(v) => update({ status: v === 'all' ? null : v }, { resetPage: true })}
            data={[
              { value: 'all', label: t('programmes.all') },
              { value: 'active', label: t('programmes.status.active') },
              { value: 'closed', label: t('programmes.status.closed') },
            ]}
            data-testid="programmes-status"
          />
        </Grid.Col>
      </Grid>
      {programmes.isError ? (
        <ErrorState error={programmes.error} onRetry={() => programmes.refetch()} />
      ) : !programmes.data ? (
        <PageLoader />
      ) : programmes.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? t('programmes.empty') : t('programmes.emptyNone')}
          hint={filtered ? undefined : t('programmes.emptyHint')}
          action={filtered ? <Button variant="default" onClick={() => { setText(''); update({ sector: null, status: null, q: null }, { resetPage: true }); }}>{t('households.clearFilters')}</Button> : undefined}
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">{t('common.total', { n: formatNumber(programmes.data.total) })}</Text>
          <ProgrammesTable items={programmes.data.items} onOpen={(id) => navigate(`/programmes/${id}`)} />
          <Pager total={programmes.data.total} pageSize={PROGRAMMES_PAGE} page={filters.page} onChange={(page) => update({ page })} />
        </>
      )}
      {creating && <ProgrammeForm programme={null} onClose={() => setCreating(false)} />}
    </Stack>
  );
}

/** Where a programme works: its areas by name, or the whole country. */
export function AreasText({ areas }: { areas: string[] }) {
  const { t } = useTranslation();
  const areaNames = useAreaNames();
  if (areas.length === 0) return <>{t('programmes.wholeCountry')}</>;
  return <>{areas.map(areaNames).join(currentLang() === 'en' ? ', ' : '، ')}</>;
}

export function ProgrammeStatusBadge({ status }: { status: Programme['status'] }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={status === 'active' ? 'teal' : 'gray'} data-testid="programme-status">{t(`programmes.status.${status}`)}</Badge>;
}

function ProgrammesTable({ items, onOpen }: { items: Programme[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const lang = currentLang();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="programmes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programmes.programme')}</Table.Th>
            <Table.Th>{t('programmes.sector')}</Table.Th>
            <Table.Th>{t('programmes.areas')}</Table.Th>
            <Table.Th>{t('programmes.period')}</Table.Th>
            <Table.Th ta="end">{t('programmes.rounds')}</Table.Th>
            <Table.Th>{t('programmes.statusLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} className="clickable-row" onClick={() => onOpen(p.id)} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(p.id); }} tabIndex={0} data-testid="programme-row">
              <Table.Td>
                <Link to={`/programmes/${p.id}`} onClick={(e) => e.stopPropagation()} tabIndex={-1}><Text fw={600} size="sm"><bdi dir="auto">{programmeName(p)}</bdi></Text></Link>
                <Text size="xs" c="dimmed" className="ltr" span>{p.code} · {p.organization.code}</Text>
              </Table.Td>
              <Table.Td>{labels.sector(p.sector)}</Table.Td>
              <Table.Td><Text size="sm" lineClamp={2}><AreasText areas={p.areas} /></Text></Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodText(lang, p.startsOn, p.endsOn)}</Table.Td>
              <Table.Td ta="end">{formatNumber(p.rounds)}</Table.Td>
              <Table.Td><ProgrammeStatusBadge status={p.status} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "1 June 2024 – 31 December 2024", or "from 1 June 2024" with no end. */
export function periodText(lang: ReturnType<typeof currentLang>, from: string, to: string | null): string {
  return to ? `${formatPartialDate(lang, from)} – ${formatPartialDate(lang, to)}` : `${formatPartialDate(lang, from)} –`;
}
