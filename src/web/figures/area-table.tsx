import { useState } from 'react';
import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FigureRow, Figures } from '#domain/movement/figures';
import { EmptyState } from '#web/components/states.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { currentLang, type Lang } from '#web/i18n/index.ts';
import { areaName } from '#web/lib/areas.ts';
import { EstimatedMark } from './key-figures.tsx';

/** A figure row's area name in the interface language. */
export function rowName(row: Pick<FigureRow, 'name' | 'nameAr' | 'nameCkb'>, lang: Lang): string {
  return areaName({ nameEn: row.name, nameAr: row.nameAr ?? '', nameCkb: row.nameCkb }, lang);
}

type SortKey = 'name' | 'families' | 'individuals' | 'returnees';

interface Props {
  figures: Figures;
  selected: string | null;
  onSelect: (pcode: string | null) => void;
}

/** Every area with its figures, largest first; a click selects the area on the map too. */
export function AreaTable({ figures, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'families', desc: true });
  if (figures.rows.length === 0) {
    return <EmptyState compact title={t(figures.source === 'assessments' && !figures.round ? 'figures.noRound' : 'figures.noRows')} />;
  }
  const value = (row: FigureRow) => (sort.key === 'name' ? rowName(row, lang) : row[sort.key]);
  const rows = [...figures.rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    const order = typeof x === 'string' ? x.localeCompare(String(y), lang) : x - (y as number);
    return sort.desc ? -order : order;
  });
  const header = (key: SortKey, label: string, numeric = true) => (
    <Table.Th ta={numeric ? 'end' : undefined} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined}>
      <UnstyledButton onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : numeric })} fw={700} fz="sm">
        {label}{sort.key === key ? (sort.desc ? ' ↓' : ' ↑') : ''}
      </UnstyledButton>
    </Table.Th>
  );
  return (
    <Table.ScrollContainer minWidth={420} mah={520}>
      <Table highlightOnHover stickyHeader verticalSpacing={6} data-testid="figures-table">
        <Table.Thead>
          <Table.Tr>
            {header('name', t('figures.areaColumn'), false)}
            {header('families', t('figures.idpFamilies'))}
            {header('individuals', t('figures.idpIndividuals'))}
            {header('returnees', t('figures.returnees'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.pcode}
              className="clickable-row"
              onClick={() => onSelect(row.pcode === selected ? null : row.pcode)}
              onKeyDown={(e) => { if (e.key === 'Enter') onSelect(row.pcode === selected ? null : row.pcode); }}
              tabIndex={0}
              aria-selected={row.pcode === selected}
              bg={row.pcode === selected ? 'var(--mantine-color-blue-light)' : undefined}
              data-testid="figures-row"
              data-pcode={row.pcode}
            >
              <Table.Td>
                <Text size="sm" fw={600}>{rowName(row, lang)}</Text>
                <Text size="xs" c="dimmed" className="ltr" span>{row.pcode}</Text>
              </Table.Td>
              <Table.Td ta="end" data-testid="figures-row-families">{formatNumber(row.families)}</Table.Td>
              <Table.Td ta="end">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <EstimatedMark estimated={row.estimated} />
                  <span>{formatNumber(row.individuals)}</span>
                </Group>
              </Table.Td>
              <Table.Td ta="end">{formatNumber(row.returnees)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('figures.total')}</Table.Th>
            <Table.Th ta="end" data-testid="figures-total-families">{formatNumber(figures.totals.families)}</Table.Th>
            <Table.Th ta="end">{formatNumber(figures.totals.individuals)}</Table.Th>
            <Table.Th ta="end">{formatNumber(figures.totals.returnees)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
