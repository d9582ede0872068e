import { Box, Group, Stack, Text } from '@mantine/core';
import { formatNumber } from '#web/i18n/format.ts';

export interface BarListSeries {
  key: string;
  label: string;
  color: string;
}

export interface BarListProps {
  rows: { name: string; values: Record<string, number> }[];
  series: BarListSeries[];
  testId?: string;
}

/**
 * Bars lying along the page, one group per area or programme, drawn with boxes rather than a
 * chart library: they follow the page's direction (growing leftwards in Arabic and Kurdish),
 * names never clip, and the page needs no chart code for them.
 */
export function BarList({ rows, series, testId }: BarListProps) {
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  return (
    <Stack gap={8} data-testid={testId} role="list">
      {rows.map((r) => (
        <Group key={r.name} gap="sm" wrap="nowrap" align="center" role="listitem">
          <Text size="sm" w="32%" style={{ flexShrink: 0 }} lineClamp={2}>{r.name}</Text>
          <Stack gap={3} style={{ flex: 1 }}>
            {series.map((s) => {
              const value = r.values[s.key] ?? 0;
              return (
                <Group key={s.key} gap={6} wrap="nowrap" aria-label={`${s.label}: ${formatNumber(value)}`}>
                  <Box h={12} w={`${(value / max) * 85}%`} miw={value > 0 ? 3 : 0} bg={s.color} style={{ borderRadius: 2 }} />
                  <Text size="xs" c="dimmed" className="ltr">{formatNumber(value)}</Text>
                </Group>
              );
            })}
          </Stack>
        </Group>
      ))}
      {series.length > 1 && (
        <Group gap="md" mt={4}>
          {series.map((s) => (
            <Group key={s.key} gap={6} wrap="nowrap">
              <Box w={12} h={12} bg={s.color} style={{ borderRadius: 2 }} />
              <Text size="xs">{s.label}</Text>
            </Group>
          ))}
        </Group>
      )}
    </Stack>
  );
}
