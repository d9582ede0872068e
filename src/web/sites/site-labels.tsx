import { Badge, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Site } from '#web/api/types.ts';
import { formatNumber } from '#web/i18n/format.ts';
import { codeLabel } from '#web/lib/labels.ts';
import { OCCUPANCY_COLOURS, occupancy } from './occupancy.ts';

/** "Camp", or "Transit point · Border crossing". */
export function siteKindLabel(site: Pick<Site, 'kind' | 'transitType'>): string {
  const kind = codeLabel('siteKind', site.kind);
  return site.transitType ? `${kind} · ${codeLabel('transitType', site.transitType)}` : kind;
}

/** People there now against the capacity, as a bar and a percentage; a dash without a capacity. */
export function OccupancyBar({ site }: { site: Pick<Site, 'capacity' | 'population'> }) {
  const { t } = useTranslation();
  const o = occupancy(site.population.individuals, site.capacity);
  if (!o) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Group gap={6} wrap="nowrap" data-testid="site-occupancy">
      <Progress value={Math.min(100, o.percent)} color={OCCUPANCY_COLOURS[o.level]} w={72} size="sm" aria-label={t('sites.occupancy')} />
      <Text size="sm" c={o.level === 'over' ? 'red.8' : undefined} fw={o.level === 'ok' ? 400 : 700} className="ltr">{formatNumber(o.percent)}%</Text>
    </Group>
  );
}

export function ClosedBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? null : <Badge color="gray" variant="light" size="sm">{t('sites.closed')}</Badge>;
}
