import '#web/i18n/movement/index.ts';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, PageLoader } from '#web/components/states.tsx';
import { Section } from '#web/components/section.tsx';
import { formatPartialDate } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { AreaTable } from './area-table.tsx';
import { FigureFilters } from './figure-filters.tsx';
import { FiguresMap } from './figures-map.tsx';
import { KeyFigures } from './key-figures.tsx';
import { OriginsTable } from './origins-table.tsx';
import { figuresCsvUrl, useFigures } from './queries.ts';
import { useFigureFilters } from './use-figure-filters.ts';

// The chart library loads only when the chart is shown.
const TrendChart = lazy(() => import('./trend-chart.tsx').then((m) => ({ default: m.TrendChart })));

/**
 * The displacement picture for coordinators: key figures from the registry and from DTM
 * assessments side by side (never added together), a map and a table by area on the chosen
 * month, the trend over time and where families came from.
 */
export function FiguresPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { figures, month, metric, update } = useFigureFilters();
  const registry = useFigures({ ...figures, source: 'registry' });
  const assessments = useFigures({ ...figures, source: 'assessments' });
  const shown = figures.source === 'registry' ? registry : assessments;
  const [selected, setSelected] = useState<string | null>(null);
  // An area of the other level is not on the map any more.
  useEffect(() => setSelected(null), [figures.level, figures.area]);

  return (
    <Stack gap="md" data-testid="figures-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">{t('figures.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="figures-date">{t('figures.onDate', { date: formatPartialDate(lang, figures.date) })}</Text>
        </div>
        <Button component="a" href={figuresCsvUrl(figures)} download variant="default" data-testid="figures-csv">
          {t('figures.downloadCsv')}
        </Button>
      </Group>
      <FigureFilters figures={figures} month={month} update={update} />
      <KeyFigures registry={registry} assessments={assessments} source={figures.source} onSource={(source) => update({ source })} />
      {shown.isError ? (
        <ErrorState error={shown.error} onRetry={() => shown.refetch()} />
      ) : !shown.data ? (
        <PageLoader />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <FiguresMap figures={shown.data} area={figures.area} metric={metric} selected={selected} onSelect={setSelected} update={update} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Section title={t(figures.level === 1 ? 'figures.governorates' : 'figures.districts')} testId="figures-areas">
              <AreaTable figures={shown.data} selected={selected} onSelect={setSelected} />
            </Section>
          </Grid.Col>
        </Grid>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section title={t('figures.trend')} testId="figures-trend">
            <Suspense fallback={<PageLoader />}>
              <TrendChart figures={figures} />
            </Suspense>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section title={t('figures.origins')} testId="figures-origins">
            <OriginsTable figures={figures} />
          </Section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
