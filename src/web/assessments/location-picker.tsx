import { useMemo, useState } from 'react';
import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Location } from '#domain/movement/assessments';
import { currentLang } from '#web/i18n/index.ts';
import { useAreaNames } from '#web/lib/labels.ts';
import { useLocationSearch } from './queries.ts';

/** A location's name in the interface language (Kurdish falls back to Arabic, then to the name). */
export function locationName(l: Pick<Location, 'name' | 'nameAr' | 'nameCkb'>): string {
  const lang = currentLang();
  if (lang === 'ar') return l.nameAr || l.name;
  if (lang === 'ckb') return l.nameCkb || l.nameAr || l.name;
  return l.name;
}

/** Picks a DTM location found by its code or name; each option shows its area and code. */
export function LocationPicker({ value, onChange, error, readOnly }: { value: string | null; onChange: (location: Location | null) => void; error?: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const areaNames = useAreaNames();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<Location | null>(null);
  const found = useLocationSearch(debounced);
  const byId = useMemo(() => {
    const map = new Map((found.data ?? []).map((l) => [l.id, l]));
    if (picked) map.set(picked.id, picked);
    return map;
  }, [found.data, picked]);
  const data = [...byId.values()].map((l) => ({ value: l.id, label: `${locationName(l)} — ${l.code}` }));
  return (
    <Select
      label={t('assessments.location')}
      placeholder={t('assessments.locationPlaceholder')}
      data={data}
      value={value}
      onChange={(id) => {
        const location = id ? byId.get(id) ?? null : null;
        setPicked(location);
        onChange(location);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('assessments.noLocationFound')}
      error={error}
      required
      readOnly={readOnly}
      renderOption={({ option }) => {
        const l = byId.get(option.value);
        return (
          <Group gap="xs" justify="space-between" wrap="nowrap" w="100%">
            <div>
              <Text size="sm"><bdi dir="auto">{l ? locationName(l) : option.label}</bdi></Text>
              {l && <Text size="xs" c="dimmed">{areaNames(l.pcode)}</Text>}
            </div>
            <Text size="xs" c="dimmed" ff="monospace" dir="ltr">{l?.code}</Text>
          </Group>
        );
      }}
      data-testid="assessment-location"
    />
  );
}
