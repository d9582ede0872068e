import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { formatNumber } from '#web/i18n/format.ts';
import { currentLang, isRtl } from '#web/i18n/index.ts';

export interface BarsProps {
  data: Record<string, string | number>[];
  /** The key of each bar group's name in `data`. */
  dataKey: string;
  series: { name: string; label: string; color: string }[];
  height: number;
  testId?: string;
}

/**
 * Standing bars that read in the page's direction: charts do not mirror by themselves, so in
 * Arabic and Kurdish the category axis runs right to left and the value axis stands on the right.
 */
export function Bars({ data, dataKey, series, height, testId }: BarsProps) {
  const rtl = isRtl(currentLang());
  const valueAxis = { tickFormatter: (v: number) => formatNumber(v), allowDecimals: false };
  return (
    <BarChart
      h={height}
      data={data}
      dataKey={dataKey}
      series={series}
      withLegend={series.length > 1}
      legendProps={{ verticalAlign: 'bottom' }}
      valueFormatter={formatNumber}
      xAxisProps={{ reversed: rtl, interval: 0 }}
      yAxisProps={{ ...valueAxis, orientation: rtl ? 'right' : 'left', width: 60 }}
      maxBarWidth={28}
      data-testid={testId}
    />
  );
}
