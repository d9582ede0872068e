import '@mantine/charts/styles.css';
import { useState } from 'react';
import { LineChart } from '@mantine/charts';
import { Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber, formatPartialDate, todayIso } from '#web/i18n/format.ts';
import { currentLang, isRtl } from '#web/i18n/index.ts';
import { useAreaNames } from '#web/lib/labels.ts';
import { FIRST_MONTH, monthOf } from './months.ts';
import { useTrends, type FigureParams } from './queries.ts';

type Range = '2' | '5' | 'all';

/** The first day a range of years back from today covers (`all`: since displacement is counted). */
function rangeStart(range: Range, today: string): string {
  if (range === 'all') return `${FIRST_MONTH}-01`;
  return `${Number(today.slice(0, 4)) - Number(range)}-${today.slice(5, 7)}-01`;
}

/**
 * IDPs and returnees over time for the chosen source and area (the whole country when none):
 * month ends from the registry, closed rounds from assessments. Charts do not mirror by
 * themselves, so time runs right to left in Arabic and Kurdish by reversing the axis.
 */
export function TrendChart({ figures }: { figures: FigureParams }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const rtl = isRtl(lang);
  const areaNames = useAreaNames();
  // The registry gives at most five years of months; rounds of assessments are few: all of them by default.
  const [chosen, setRange] = useState<Range | null>(null);
  const range: Range = figures.source === 'registry' ? (chosen === '2' ? '2' : '5') : chosen ?? 'all';
  const trends = useTrends(figures, rangeStart(range, todayIso()));
  const header = (
    <Group justify="space-between" mb="xs" gap="xs">
      <Text size="sm" c="dimmed" data-testid="figures-trend-scope">
        {figures.area ? areaNames(figures.area) : t('figures.wholeCountry')} · {t(figures.source === 'registry' ? 'figures.sourceRegistry' : 'figures.sourceAssessments')}
      </Text>
      <SegmentedControl
        size="xs"
        value={range}
        onChange={(r) => setRange(r as Range)}
        data={[
          { value: '2', label: t('figures.years', { n: 2 }) },
          { value: '5', label: t('figures.years', { n: 5 }) },
          ...(figures.source === 'assessments' ? [{ value: 'all', label: t('figures.since2014') }] : []),
        ]}
        data-testid="figures-trend-range"
      />
    </Group>
  );
  if (trends.isError) return <>{header}<ErrorState error={trends.error} onRetry={() => trends.refetch()} /></>;
  if (!trends.data) return <>{header}<PageLoader /></>;
  const points = trends.data.points;
  if (points.length === 0) return <>{header}<EmptyState compact title={t(figures.source === 'assessments' ? (range === 'all' ? 'figures.noRounds' : 'figures.noRoundsInRange') : 'figures.noTrend')} /></>;
  const data = points.map((p) => ({
    date: p.date,
    label: p.round !== null ? t('figures.roundShort', { number: p.round }) : formatPartialDate(lang, p.date.slice(0, 7)),
    idps: p.individuals,
    returnees: p.returnees,
  }));
  // The month the map and table show, marked on the line (the last point on or before it).
  const shown = [...data].reverse().find((p) => monthOf(p.date) <= monthOf(figures.date));
  return (
    <>
      {header}
      <LineChart
        h={280}
        data={data}
        dataKey="label"
        series={[
          { name: 'idps', label: t('figures.idpIndividuals'), color: 'orange.7' },
          { name: 'returnees', label: t('figures.returnees'), color: 'teal.7' },
        ]}
        curveType="linear"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        valueFormatter={formatNumber}
        xAxisProps={{ reversed: rtl, minTickGap: 24 }}
        yAxisProps={{ orientation: rtl ? 'right' : 'left', width: 70 }}
        withDots={data.length <= 36}
        referenceLines={shown ? [{ x: shown.label, color: 'gray.5' }] : []}
        data-testid="figures-trend-chart"
      />
    </>
  );
}
