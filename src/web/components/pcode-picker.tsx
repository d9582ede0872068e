import { useMemo, useState } from 'react';
import { Group, MultiSelect, Select, Text, type ComboboxItem, type ComboboxParsedItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useArea, useAreas, useAreaSearch } from '#web/api/queries.ts';
import type { Area } from '#web/api/types.ts';
import { currentLang } from '#web/i18n/index.ts';
import { areaLabel, buildAreaOptions, filterAreaOptions, type AreaOption } from '#web/lib/areas.ts';

/**
 * Area options for pickers: all governorates and districts, loaded once per session, plus any
 * sub-districts found by a server search and the currently selected areas.
 */
function useAreaOptions(search: string, selected: string[]) {
  const lang = currentLang();
  const governorates = useAreas(1);
  const districts = useAreas(2);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const subDistricts = useAreaSearch(3, debounced);
  const single = selected.length === 1 && selected[0].length > 8 ? selected[0] : null;
  const selectedArea = useArea(single);

  const options = useMemo(() => {
    const govs = governorates.data ?? [];
    const extra: Area[] = [...(subDistricts.data ?? [])];
    if (selectedArea.data) extra.push(selectedArea.data);
    const seen = new Set<string>();
    const all = [...govs, ...(districts.data ?? []), ...extra].filter((a) => !seen.has(a.pcode) && seen.add(a.pcode));
    return buildAreaOptions(all, govs, lang);
  }, [governorates.data, districts.data, subDistricts.data, selectedArea.data, lang]);

  // A stored code the lists do not know yet (still loading, or not imported): keep it visible.
  const withUnknown = useMemo(() => {
    const known = new Set(options.map((o) => o.value));
    const unknown = selected.filter((code) => code && !known.has(code)).map((code) => ({ value: code, label: code }));
    return { known: options, unknown };
  }, [options, selected]);

  return {
    ...withUnknown,
    loading: governorates.isLoading || districts.isLoading,
    failed: governorates.isError || districts.isError,
  };
}

function makeFilter(options: AreaOption[], levels: number[]) {
  const byValue = new Map(options.map((o) => [o.value, o]));
  return ({ options: parsed, search }: { options: ComboboxParsedItem[]; search: string }) => {
    const candidates = parsed
      .map((item) => ('value' in item ? byValue.get(item.value) : undefined))
      .filter((o): o is AreaOption => !!o && levels.includes(o.area.level));
    const rank = new Map(filterAreaOptions(candidates, search).map((o, i) => [o.value, i]));
    const items = parsed.filter((item): item is ComboboxItem => 'value' in item && rank.has(item.value));
    return items.sort((a, b) => rank.get(a.value)! - rank.get(b.value)!);
  };
}

function renderAreaOption(byValue: Map<string, AreaOption>) {
  return ({ option }: { option: ComboboxItem }) => {
    const area = byValue.get(option.value);
    if (!area) return <Text size="sm">{option.label}</Text>;
    const lang = currentLang();
    const label = areaLabel(area.area, area.governorate, lang);
    const [name] = label.split(' — ');
    return (
      <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
        <Text size="sm">{name}</Text>
        <Text size="xs" c="dimmed" ff="monospace" dir="ltr">{option.value}</Text>
      </Group>
    );
  };
}

interface CommonProps {
  label: string;
  description?: string;
  error?: React.ReactNode;
  required?: boolean;
  placeholder?: string;
  /** Which levels to offer (1 governorate, 2 district, 3 sub-district). */
  levels?: number[];
  'data-testid'?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  variant?: 'default' | 'filled';
}

export interface PcodePickerProps extends CommonProps {
  value: string | null;
  onChange: (value: string | null) => void;
  clearable?: boolean;
}

/** Picks one area, found by its name in any of the three languages or by its P-code. */
export function PcodePicker({ value, onChange, levels = [1, 2, 3], clearable, ...props }: PcodePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { known, unknown, loading, failed } = useAreaOptions(search, value ? [value] : []);
  const byValue = useMemo(() => new Map(known.map((o) => [o.value, o])), [known]);
  const data = useMemo(() => [...known.map(({ value: v, label }) => ({ value: v, label })), ...unknown], [known, unknown]);
  const filter = useMemo(() => makeFilter(known, levels), [known, levels]);
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={filter}
      clearable={clearable && !props.readOnly}
      placeholder={props.placeholder ?? t('pcode.placeholder')}
      nothingFoundMessage={failed ? t('pcode.loadError') : loading ? t('common.loading') : t('pcode.nothingFound')}
      renderOption={renderAreaOption(byValue)}
      maxDropdownHeight={320}
      comboboxProps={{ keepMounted: false }}
    />
  );
}

export interface PcodeMultiPickerProps extends CommonProps {
  value: string[];
  onChange: (value: string[]) => void;
}

/** Picks several areas (for a user's geographic scope). */
export function PcodeMultiPicker({ value, onChange, levels = [1, 2, 3], ...props }: PcodeMultiPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { known, unknown, loading, failed } = useAreaOptions(search, value);
  const byValue = useMemo(() => new Map(known.map((o) => [o.value, o])), [known]);
  const data = useMemo(() => [...known.map(({ value: v, label }) => ({ value: v, label })), ...unknown], [known, unknown]);
  const filter = useMemo(() => makeFilter(known, levels), [known, levels]);
  return (
    <MultiSelect
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={filter}
      clearable
      placeholder={value.length ? undefined : props.placeholder ?? t('pcode.placeholder')}
      nothingFoundMessage={failed ? t('pcode.loadError') : loading ? t('common.loading') : t('pcode.nothingFound')}
      renderOption={renderAreaOption(byValue)}
      maxDropdownHeight={320}
      hidePickedOptions
    />
  );
}
