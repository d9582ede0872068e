import { useMemo, useState } from 'react';
import { MultiSelect, Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { LocationRef } from '#domain/assistance/stock-views';
import { formatNumber } from '#web/i18n/format.ts';
import { DESTINATIONS_LIMIT, useDestinations, useStockLocations, type StockLocation } from './api.ts';
import { locationName } from './labels.ts';

/**
 * Pickers of warehouses and distribution points for organisations with hundreds of them: the
 * server finds the places as the person types (code or name, in any of the three languages), a
 * page at a time, and the list says how many more there are to find by typing.
 */

type Named = Pick<StockLocation, 'id' | 'code' | 'name' | 'nameAr' | 'nameCkb'>;

/** A place as an option: its code and its name in the interface language. */
export const locationLabel = (l: Pick<Named, 'code' | 'name' | 'nameAr' | 'nameCkb'>) => `${l.code} — ${locationName(l)}`;

const SEARCH_DELAY_MS = 250;
const MORE = '__more';

/** What the server found for the typed text: a page of places, and how many more match (`true`: some, uncounted). */
interface Found<T> { items: T[]; more: number | boolean; loading: boolean }

/** The options: those already `chosen` (their labels stay whatever is searched), what was found, then how many more there are. */
function useOptions<T extends Named>(found: Found<T>, chosen: readonly T[], label: (l: T) => string, searching: boolean) {
  const { t } = useTranslation();
  const data = useMemo(() => {
    const options = new Map<string, ComboboxItem>(chosen.map((l) => [l.id, { value: l.id, label: label(l) }]));
    for (const l of found.items) options.set(l.id, { value: l.id, label: label(l) });
    // Said at the end of the list, where the person looks for the missing place.
    if (found.more) {
      const n = typeof found.more === 'number' ? formatNumber(found.more) : '+';
      options.set(MORE, { value: MORE, label: t('common.moreToFind', { n }), disabled: true });
    }
    return [...options.values()];
  }, [found, chosen, label, t]);
  return { data, nothing: found.loading || searching ? t('common.loading') : t('common.noneFound') };
}

/** The open places of the person's organisation of a kind whose code or name holds the typed text. */
function useOwnPlaces(kind: StockLocation['kind'] | undefined, typed: string) {
  const [q] = useDebouncedValue(typed.trim(), SEARCH_DELAY_MS);
  const found = useStockLocations({ kind, q, active: true });
  const items = found.data?.items ?? [];
  return { found: { items, more: Math.max(0, (found.data?.total ?? 0) - items.length), loading: found.isFetching }, searching: q !== typed.trim() };
}

/** Open places of every organisation but `from` a dispatch may go to, whose code or name holds the typed text. */
function useDestinationPlaces(from: string, typed: string, enabled: boolean) {
  const [q] = useDebouncedValue(typed.trim(), SEARCH_DELAY_MS);
  const places = useDestinations(q, enabled);
  const items = (places.data?.items ?? []).filter((l) => l.id !== from);
  return { found: { items, more: (places.data?.items.length ?? 0) >= DESTINATIONS_LIMIT, loading: places.isFetching }, searching: q !== typed.trim() };
}

/**
 * What one select of places holds: the text typed, and the place of `value` (`chosen` when the
 * page knows it, else the one picked here). `query` is what to search: nothing while the box
 * shows the chosen place's label.
 */
function useOnePlace<T extends Named>(value: string | null, chosen: T | null | undefined, label: (l: T) => string) {
  const [typed, setTyped] = useState('');
  const [picked, setPicked] = useState<T | null>(null);
  const current = chosen ?? (picked && picked.id === value ? picked : null);
  const shown = useMemo(() => (current ? [current] : []), [current]);
  return { typed, setTyped, setPicked, current, shown, query: current && typed === label(current) ? '' : typed };
}

interface PickerProps {
  label: string;
  description?: string;
  placeholder?: string;
  error?: string;
  readOnly?: boolean;
  required?: boolean;
  w?: number;
  miw?: number;
  testId: string;
}

/** A searchable select over what the server found (no filtering here: the server matched all three languages). */
function PlaceSelect<T extends Named>({ one, found, searching, describe, value, onChange, ...p }: PickerProps & {
  one: ReturnType<typeof useOnePlace<T>>; found: Found<T>; searching: boolean; describe: (l: T) => string;
  value: string | null; onChange: (id: string | null) => void;
}) {
  const { data, nothing } = useOptions(found, one.shown, describe, searching);
  const pick = (id: string | null) => {
    if (id === MORE) return;
    one.setPicked(found.items.find((l) => l.id === id) ?? (one.current?.id === id ? one.current : null));
    onChange(id);
  };
  return (
    <Select
      label={p.label} description={p.description} placeholder={p.placeholder} error={p.error} readOnly={p.readOnly} required={p.required} w={p.w} miw={p.miw}
      data={data} value={value} onChange={pick}
      searchable searchValue={one.typed} onSearchChange={one.setTyped} filter={({ options }) => options} nothingFoundMessage={nothing}
      data-testid={p.testId}
    />
  );
}

/** One open place of the person's organisation (of a kind), chosen by typing part of its code or name. */
export function LocationSelect({ kind, chosen, ...p }: PickerProps & {
  kind?: StockLocation['kind']; value: string | null; onChange: (id: string | null) => void; chosen?: Named | null;
}) {
  const one = useOnePlace(p.value, chosen, locationLabel);
  const { found, searching } = useOwnPlaces(kind, one.query);
  return <PlaceSelect {...p} one={one} found={found} searching={searching} describe={locationLabel} />;
}

/** Where a dispatch goes: an open place of any organisation but `from`, found by typing part of its code or name. */
export function DestinationSelect({ from, opened, describe, ...p }: PickerProps & {
  from: string; opened: boolean; describe: (l: LocationRef) => string; value: string | null; onChange: (id: string | null) => void;
}) {
  const one = useOnePlace<LocationRef>(p.value, null, describe);
  const { found, searching } = useDestinationPlaces(from, one.query, opened);
  return <PlaceSelect {...p} one={one} found={found} searching={searching} describe={describe} />;
}

/** Several open places of the person's organisation; `chosen`: the places of `value` the page knows. */
export function LocationsMultiSelect({ kind, value, onChange, chosen, ...p }: PickerProps & {
  kind?: StockLocation['kind']; value: string[]; onChange: (ids: string[]) => void; chosen: readonly Named[];
}) {
  const [typed, setTyped] = useState('');
  const [seen, setSeen] = useState<Named[]>([]);
  const known = useMemo(() => [...chosen, ...seen].filter((l, i, all) => value.includes(l.id) && all.findIndex((o) => o.id === l.id) === i), [chosen, seen, value]);
  const { found, searching } = useOwnPlaces(kind, typed);
  const { data, nothing } = useOptions(found, known, locationLabel, searching);
  const pick = (ids: string[]) => {
    const fresh = found.items.filter((l) => ids.includes(l.id) && !known.some((k) => k.id === l.id));
    if (fresh.length) setSeen((s) => [...s, ...fresh]);
    onChange(ids.filter((id) => id !== MORE));
  };
  return (
    <MultiSelect
      label={p.label} description={p.description} placeholder={p.placeholder} error={p.error} readOnly={p.readOnly} required={p.required}
      data={data} value={value} onChange={pick}
      searchable searchValue={typed} onSearchChange={setTyped} filter={({ options }) => options} nothingFoundMessage={nothing}
      clearable={!p.readOnly} hidePickedOptions
      data-testid={p.testId}
    />
  );
}
