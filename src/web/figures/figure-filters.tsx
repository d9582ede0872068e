import { useEffect, useMemo, useState } from 'react';
import { ActionIcon, Grid, Group, Paper, SegmentedControl, Select, Slider, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useReference } from '#web/api/queries.ts';
import { PcodePicker } from '#web/components/pcode-picker.tsx';
import { formatPartialDate, todayIso } from '#web/i18n/format.ts';
import { currentLang, isRtl } from '#web/i18n/index.ts';
import { useReferenceLabels } from '#web/lib/labels.ts';
import type { ParamChanges } from '#web/lib/url-params.ts';
import { FIRST_MONTH, monthIndex, monthOf, monthsBetween, yearMarks } from './months.ts';
import type { FigureParams } from './queries.ts';

interface Props {
  figures: FigureParams;
  month: string;
  update: (changes: ParamChanges) => void;
}

/** Source, level, wave, shelter and area, then the month slider. */
export function FigureFilters({ figures, month, update }: Props) {
  const { t } = useTranslation();
  const reference = useReference();
  const labels = useReferenceLabels();
  const waves = (reference.data?.waves ?? []).map((w) => ({ value: w.code, label: labels.wave(w.code) }));
  const shelters = (reference.data?.shelterTypes ?? []).map((s) => ({ value: s.code, label: labels.shelter(s.code) }));
  return (
    <Paper withBorder p="md" radius="md" data-testid="figures-filters">
      <Stack gap="md">
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6, lg: 'content' }}>
            <Text size="sm" fw={500} mb={4} id="figures-source-label">{t('figures.source')}</Text>
            <SegmentedControl
              aria-labelledby="figures-source-label"
              value={figures.source}
              onChange={(source) => update({ source })}
              data={[
                { value: 'registry', label: t('figures.sourceRegistry') },
                { value: 'assessments', label: t('figures.sourceAssessments') },
              ]}
              data-testid="figures-source"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: 'content' }}>
            <Text size="sm" fw={500} mb={4} id="figures-level-label">{t('figures.level')}</Text>
            <SegmentedControl
              aria-labelledby="figures-level-label"
              value={String(figures.level)}
              onChange={(level) => update({ level: Number(level) })}
              data={[
                { value: '1', label: t('figures.governorates') },
                { value: '2', label: t('figures.districts') },
              ]}
              data-testid="figures-level"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4, lg: 'auto' }}>
            <Select label={t('figures.wave')} placeholder={t('figures.allWaves')} data={waves} value={figures.wave} onChange={(wave) => update({ wave })} clearable data-testid="figures-wave" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4, lg: 'auto' }}>
            <Select label={t('figures.shelter')} placeholder={t('figures.allShelters')} data={shelters} value={figures.shelter} onChange={(shelter) => update({ shelter })} clearable searchable data-testid="figures-shelter" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4, lg: 'auto' }}>
            <PcodePicker label={t('figures.area')} placeholder={t('figures.wholeCountry')} levels={[1, 2]} value={figures.area} onChange={(area) => update({ area })} clearable data-testid="figures-area" />
          </Grid.Col>
        </Grid>
        <MonthSlider month={month} onChange={(m) => update({ month: m })} />
      </Stack>
    </Paper>
  );
}

function Arrow({ back }: { back: boolean }) {
  // Back in time points to the start of the line: left in English, right in Arabic and Kurdish.
  const left = back !== isRtl(currentLang());
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <path d={left ? 'm15 6-6 6 6 6' : 'm9 6 6 6-6 6'} />
    </svg>
  );
}

/**
 * One step per month from January 2014 to this month; the figures follow when the thumb is let go
 * (or a step button pressed), not while it is dragged. It runs right to left in Arabic and Kurdish.
 */
export function MonthSlider({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const months = useMemo(() => monthsBetween(FIRST_MONTH, monthOf(todayIso())), []);
  const phone = useMediaQuery('(max-width: 48em)');
  const index = monthIndex(months, `${month}-01`);
  const [value, setValue] = useState(index);
  useEffect(() => setValue(index), [index]);
  const label = (i: number) => formatPartialDate(lang, months[i]);
  const go = (i: number) => {
    const next = Math.max(0, Math.min(months.length - 1, i));
    setValue(next);
    onChange(months[next]);
  };
  return (
    <div>
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={500} id="figures-month-label">{t('figures.month')}</Text>
        <Text size="sm" fw={700} data-testid="figures-month">{label(value)}</Text>
      </Group>
      <Group gap="sm" wrap="nowrap" align="center">
        <ActionIcon variant="default" onClick={() => go(value - 1)} disabled={value === 0} aria-label={t('figures.previousMonth')} data-testid="figures-month-previous">
          <Arrow back />
        </ActionIcon>
        <Slider
          flex={1}
          min={0}
          max={months.length - 1}
          step={1}
          value={value}
          onChange={setValue}
          onChangeEnd={(i) => onChange(months[i])}
          label={label}
          marks={yearMarks(months, phone ? 4 : 1)}
          thumbLabel={t('figures.month')}
          thumbValueText={(i) => label(i)}
          mb="lg"
          data-testid="figures-slider"
        />
        <ActionIcon variant="default" onClick={() => go(value + 1)} disabled={value === months.length - 1} aria-label={t('figures.nextMonth')} data-testid="figures-month-next">
          <Arrow back={false} />
        </ActionIcon>
      </Group>
    </div>
  );
}
