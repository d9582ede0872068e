import { useEffect, useState } from 'react';
import {
  Badge, Button, Card, Grid, Group, Pagination, Select, Stack, Table, Text, TextInput, Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useNavigation } from 'react-router';
import type { HouseholdSummary } from '#domain/registry/household';
import { api, query } from '#web/api/client.ts';
import { useOrganizations } from '#web/api/queries.ts';
import type { Page } from '#web/api/types.ts';
import { can, useMe } from '#web/auth/session.tsx';
import { PcodePicker } from '#web/components/pcode-picker.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatDateTime, formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir, codeLabel, registryOption, statusColor, useAreaNames, useReferenceLabels } from '#web/lib/labels.ts';
import { useUrlParams } from '#web/lib/url-params.ts';

const PAGE_SIZE = 25;

function SearchIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <circle cx="11" cy="11" r="7" /><path d="m20 20-3.5-3.5" />
    </svg>
  );
}

/** Search and filters live in the address, so Back and shared links keep them. */
function useFilters() {
  const { params, update: set } = useUrlParams({ page: 1 });
  const filters = {
    q: params.get('q') ?? '',
    area: params.get('area'),
    registry: params.get('registry'),
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const update = (changes: Partial<typeof filters>) => set(changes, { resetPage: true });
  return { filters, update };
}

export function HouseholdsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { filters, update } = useFilters();
  const [text, setText] = useState(filters.q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const organizations = useOrganizations();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const phone = useMediaQuery('(max-width: 48em)');
  const canRegister = can(me, 'households.write');

  // Back/forward changes the address: show its search text.
  useEffect(() => {
    if (filters.q !== debounced) setText(filters.q);
  }, [filters.q]);

  useEffect(() => {
    // A row opened while the search was settling: the pending navigation must win.
    if (navigation.state !== 'idle') return;
    if (debounced !== filters.q) update({ q: debounced });
    // Only the typed text drives this; the other filters are read fresh.
  }, [debounced]);

  const list = useQuery({
    queryKey: ['households', filters],
    queryFn: ({ signal }) =>
      api<Page<HouseholdSummary>>(
        `/api/households${query({ q: filters.q, area: filters.area, registry: filters.registry, page: filters.page, pageSize: PAGE_SIZE })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });

  const registries = organizations.data?.map(registryOption) ?? [registryOption(me.organization)];
  const filtered = !!(filters.q || filters.area || filters.registry);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const open = (id: string) => navigate(`/households/${id}`);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">{t('households.title')}</Title>
        {canRegister && (
          <Button component={Link} to="/register" data-testid="households-register">{t('households.registerNew')}</Button>
        )}
      </Group>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            label={t('households.search')}
            placeholder={t('households.searchPlaceholder')}
            description={t('households.searchHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            leftSection={<SearchIcon />}
            type="search"
            dir={autoDir(text)}
            autoFocus
            inputWrapperOrder={['label', 'input', 'description']}
            data-testid="household-search"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <PcodePicker
            label={t('households.area')}
            placeholder={t('households.areaPlaceholder')}
            value={filters.area}
            onChange={(area) => update({ area })}
            clearable
            data-testid="filter-area"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <Select
            label={t('households.registry')}
            placeholder={t('households.registryPlaceholder')}
            data={registries}
            value={filters.registry}
            onChange={(registry) => update({ registry })}
            clearable
            searchable
            data-testid="filter-registry"
          />
        </Grid.Col>
      </Grid>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? t('households.empty') : t('households.emptyNone')}
          hint={filtered ? t('households.emptyHint') : undefined}
          action={
            <Group gap="xs">
              {filtered && (
                <Button variant="default" onClick={() => { setText(''); update({ q: '', area: null, registry: null }); }}>
                  {t('households.clearFilters')}
                </Button>
              )}
              {canRegister && <Button component={Link} to="/register">{t('households.registerNew')}</Button>}
            </Group>
          }
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="households-total">
            {t('common.total', { n: formatNumber(list.data.total) })}
          </Text>
          {phone ? <HouseholdCards items={list.data.items} onOpen={open} /> : <HouseholdTable items={list.data.items} onOpen={open} />}
          {pages > 1 && (
            <Group justify="center">
              <Pagination
                total={pages}
                value={filters.page}
                onChange={(page) => update({ page })}
                siblings={phone ? 0 : 1}
                data-testid="households-pagination"
                getControlProps={(control) => ({ 'aria-label': control })}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

interface ListProps {
  items: HouseholdSummary[];
  onOpen: (id: string) => void;
}

function HouseholdTable({ items, onOpen }: ListProps) {
  const { t } = useTranslation();
  const areaNames = useAreaNames();
  const labels = useReferenceLabels();
  const lang = currentLang();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="households-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('households.registrationNumber')}</Table.Th>
            <Table.Th>{t('households.head')}</Table.Th>
            <Table.Th ta="center">{t('households.size')}</Table.Th>
            <Table.Th>{t('households.currentArea')}</Table.Th>
            <Table.Th>{t('households.shelter')}</Table.Th>
            <Table.Th>{t('households.status')}</Table.Th>
            <Table.Th>{t('households.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((h) => (
            <Table.Tr
              key={h.id}
              className="clickable-row"
              onClick={() => onOpen(h.id)}
              onKeyDown={(e) => { if (e.key === 'Enter') onOpen(h.id); }}
              tabIndex={0}
              data-testid="household-row"
            >
              <Table.Td>
                <Link to={`/households/${h.id}`} onClick={(e) => e.stopPropagation()} tabIndex={-1}>
                  <Text span ff="monospace" size="sm" className="ltr">{h.registrationNumber}</Text>
                </Link>
              </Table.Td>
              <Table.Td><Text fw={600}><bdi dir="auto" data-testid="household-head">{h.headName}</bdi></Text></Table.Td>
              <Table.Td ta="center">{h.size}</Table.Td>
              <Table.Td>{areaNames(h.currentPcode)}</Table.Td>
              <Table.Td>{labels.shelter(h.shelter)}</Table.Td>
              <Table.Td><Badge variant="light" color={statusColor(h.status)}>{codeLabel('householdStatus', h.status)}</Badge></Table.Td>
              <Table.Td><Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(lang, h.updatedAt)}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function HouseholdCards({ items, onOpen }: ListProps) {
  const { t } = useTranslation();
  const areaNames = useAreaNames();
  const labels = useReferenceLabels();
  const lang = currentLang();
  return (
    <Stack gap="sm" data-testid="households-cards">
      {items.map((h) => (
        <Card
          key={h.id}
          withBorder
          padding="sm"
          component={Link}
          to={`/households/${h.id}`}
          data-testid="household-card"
          onClick={(e: React.MouseEvent) => { e.preventDefault(); onOpen(h.id); }}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={700} lineClamp={1}><bdi dir="auto" data-testid="household-head">{h.headName}</bdi></Text>
            <Badge variant="light" color={statusColor(h.status)}>{codeLabel('householdStatus', h.status)}</Badge>
          </Group>
          <Text size="sm" ff="monospace" c="dimmed" className="ltr">{h.registrationNumber}</Text>
          <Text size="sm" mt={4}>
            {t('households.members', { n: h.size })} · {areaNames(h.currentPcode)}
          </Text>
          <Text size="xs" c="dimmed">{labels.shelter(h.shelter)} · {formatDateTime(lang, h.updatedAt)}</Text>
        </Card>
      ))}
    </Stack>
  );
}
