import { Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PAIR_STATUSES } from '#domain/dedup/api';
import { useOrganizations } from '#web/api/queries.ts';
import { registryOption } from '#web/lib/labels.ts';
import type { PairFilters, PairStatus } from './queries.ts';

/** Status, registry and page live in the address, so Back and shared links keep them. */
export function useQueueFilters() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: PairFilters = {
    status: PAIR_STATUSES.includes(status as PairStatus) ? (status as PairStatus) : 'open',
    registry: params.get('registry'),
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const update = (changes: Partial<PairFilters>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || (key === 'page' && value === 1) || (key === 'status' && value === 'open')) next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    return next;
  }, { replace: true });
  return { filters, update };
}

/** Which pairs: by status (to review, or decided one way or another) and by registry. */
export function QueueFilters({ filters, update }: ReturnType<typeof useQueueFilters>) {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const registries = (organizations.data ?? []).map(registryOption);
  return (
    <Group gap="sm" align="flex-end">
      <SegmentedControl
        value={filters.status}
        onChange={(status) => update({ status: status as PairStatus })}
        data={PAIR_STATUSES.map((s) => ({ value: s, label: t(`dedup.status.${s}`) }))}
        data-testid="pair-status-filter"
      />
      <Select
        label={t('households.registry')}
        placeholder={t('households.registryPlaceholder')}
        data={registries}
        value={filters.registry}
        onChange={(registry) => update({ registry })}
        clearable
        w={260}
        data-testid="pair-registry-filter"
      />
    </Group>
  );
}
