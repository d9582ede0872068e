import { FIGURE_SOURCES, type FigureSource } from '#domain/movement/figures';
import { todayIso } from '#web/i18n/format.ts';
import { useUrlParams } from '#web/lib/url-params.ts';
import { figureDate, monthOf } from './months.ts';
import type { FigureParams } from './queries.ts';

export const METRICS = ['families', 'individuals', 'returnees'] as const;
export type Metric = (typeof METRICS)[number];

/** The dashboard's choices, kept in the address: source, level, month, wave, shelter, area, what colours the map. */
export function useFigureFilters() {
  const today = todayIso();
  const { params, update } = useUrlParams({ source: 'registry', level: 1, metric: 'families', month: monthOf(today) });
  const source = (FIGURE_SOURCES as readonly string[]).includes(params.get('source') ?? '') ? (params.get('source') as FigureSource) : 'registry';
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : monthOf(today);
  const metric = (METRICS as readonly string[]).includes(params.get('metric') ?? '') ? (params.get('metric') as Metric) : 'families';
  const figures: FigureParams = {
    source,
    level: params.get('level') === '2' ? 2 : 1,
    date: figureDate(month, today),
    wave: params.get('wave'),
    shelter: params.get('shelter'),
    area: params.get('area'),
  };
  return { figures, month, metric, update };
}
