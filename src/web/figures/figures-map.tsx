import { useMemo } from 'react';
import { Box, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FigureRow, Figures } from '#domain/movement/figures';
import { Section } from '#web/components/section.tsx';
import { ErrorState } from '#web/components/states.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import type { ParamChanges } from '#web/lib/url-params.ts';
import { BoundariesAttribution, NoBoundaries } from '#web/map/boundaries-note.tsx';
import { classBreaks, legendItems, NONE_COLOUR } from '#web/map/choropleth.ts';
import { LazyAreaMap, MapFallback } from '#web/map/lazy.tsx';
import { useBoundaries } from '#web/map/queries.ts';
import { rowName } from './area-table.tsx';
import { EstimatedMark } from './key-figures.tsx';
import { METRICS, type Metric } from './use-figure-filters.ts';

const HEIGHT = 460;
const metricValue = (row: FigureRow, metric: Metric) => row[metric];
const METRIC_LABEL = { families: 'figures.idpFamilies', individuals: 'figures.idpIndividuals', returnees: 'figures.returnees' } as const;

interface Props {
  figures: Figures;
  /** The area the figures are limited to, framed on the map. */
  area: string | null;
  metric: Metric;
  selected: string | null;
  onSelect: (pcode: string | null) => void;
  update: (changes: ParamChanges) => void;
}

/** The choropleth of the figures by governorate or district, its legend, and the selected area. */
export function FiguresMap({ figures, area, metric, selected, onSelect, update }: Props) {
  const { t } = useTranslation();
  const level = figures.level === 2 ? 2 : 1;
  const boundaries = useBoundaries(level);
  const byPcode = useMemo(() => new Map(figures.rows.map((r) => [r.pcode, r])), [figures.rows]);
  const values = useMemo(() => new Map(figures.rows.map((r) => [r.pcode, metricValue(r, metric)])), [figures.rows, metric]);
  const breaks = useMemo(() => classBreaks([...values.values()]), [values]);
  const lang = currentLang();
  const nameOf = (pcode: string) => {
    const row = byPcode.get(pcode);
    if (row) return rowName(row, lang);
    const feature = boundaries.data?.features.find((f) => f.properties.pcode === pcode)?.properties;
    return feature ? rowName({ name: feature.nameEn, nameAr: feature.nameAr, nameCkb: feature.nameCkb }, lang) : pcode;
  };
  const facts = (pcode: string) => <AreaFacts name={nameOf(pcode)} pcode={pcode} row={byPcode.get(pcode)} />;

  return (
    <Section title={t('figures.map')} testId="figures-map-section">
      <Group justify="space-between" mb="sm" align="flex-end">
        <Select
          label={t('figures.colourBy')}
          data={METRICS.map((m) => ({ value: m, label: t(METRIC_LABEL[m]) }))}
          value={metric}
          onChange={(m) => update({ metric: m })}
          allowDeselect={false}
          w={220}
          data-testid="figures-metric"
        />
      </Group>
      {boundaries.isError ? (
        <ErrorState error={boundaries.error} onRetry={() => boundaries.refetch()} />
      ) : !boundaries.data ? (
        <MapFallback height={HEIGHT} />
      ) : boundaries.data.features.length === 0 ? (
        <NoBoundaries level={level} />
      ) : (
        <>
          <LazyAreaMap
            boundaries={boundaries.data}
            values={values}
            breaks={breaks}
            focus={area}
            selected={selected}
            onSelect={onSelect}
            renderHover={facts}
            label={t('figures.mapLabel', { metric: t(METRIC_LABEL[metric]) })}
            height={HEIGHT}
            testId="figures-map"
          />
          <BoundariesAttribution />
        </>
      )}
      <Group align="flex-start" justify="space-between" mt="sm" gap="md">
        <Legend title={t(METRIC_LABEL[metric])} breaks={breaks} />
        {selected && (
          <Box maw={320} data-testid="figures-selected">
            {facts(selected)}
            <Group gap="xs" mt={6}>
              {level === 1 && (
                <Button size="compact-sm" variant="light" onClick={() => { onSelect(null); update({ level: 2, area: selected }); }} data-testid="figures-drill">
                  {t('figures.showDistricts')}
                </Button>
              )}
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onSelect(null)}>{t('common.close')}</Button>
            </Group>
          </Box>
        )}
      </Group>
    </Section>
  );
}

function AreaFacts({ name, pcode, row }: { name: string; pcode: string; row: FigureRow | undefined }) {
  const { t } = useTranslation();
  const line = (label: string, value: number) => (
    <Group justify="space-between" gap="md" wrap="nowrap">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" fw={600} className="ltr">{formatNumber(value)}</Text>
    </Group>
  );
  return (
    <Stack gap={2}>
      <Text fw={700} size="sm">{name} <Text span size="xs" c="dimmed" className="ltr">{pcode}</Text></Text>
      {row ? (
        <>
          {line(t('figures.idpFamilies'), row.families)}
          {line(t('figures.idpIndividuals'), row.individuals)}
          {line(t('figures.returneeFamilies'), row.returneeFamilies)}
          {line(t('figures.returnees'), row.returnees)}
          <EstimatedMark estimated={row.estimated} />
        </>
      ) : (
        <Text size="sm" c="dimmed">{t('figures.noneHere')}</Text>
      )}
    </Stack>
  );
}

function Swatch({ colour }: { colour: string }) {
  return <Box w={18} h={12} bg={colour} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 2, flexShrink: 0 }} aria-hidden />;
}

/** Colour classes with their ranges, and the colour of areas where nothing is counted. */
function Legend({ title, breaks }: { title: string; breaks: readonly number[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="figures-legend">
      <Text size="xs" fw={700}>{title}</Text>
      {legendItems(breaks).map((item) => (
        <Group key={item.to} gap={6} wrap="nowrap">
          <Swatch colour={item.colour} />
          <Text size="xs" className="ltr">{item.from === item.to ? formatNumber(item.to) : `${formatNumber(item.from)} – ${formatNumber(item.to)}`}</Text>
        </Group>
      ))}
      <Group gap={6} wrap="nowrap">
        <Swatch colour={NONE_COLOUR} />
        <Text size="xs">{t('figures.noneCounted')}</Text>
      </Group>
    </Stack>
  );
}
