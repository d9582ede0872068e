import { useMemo, useState } from 'react';
import { Badge, Button, Grid, Group, Paper, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MovementTimeline, MovementView } from '#domain/movement/schemas';
import type { Household } from '#domain/registry/household';
import { ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatDateTime, formatPartialDate } from '#web/i18n/format.ts';
import { currentLang, isRtl } from '#web/i18n/index.ts';
import { useReferenceLabels } from '#web/lib/labels.ts';
import { BoundariesAttribution } from '#web/map/boundaries-note.tsx';
import { LazyPathMap } from '#web/map/lazy.tsx';
import { useBoundaries } from '#web/map/queries.ts';
import { MovementForm } from './movement-form.tsx';
import { pathStops } from './path.ts';
import { PlaceText } from './place-text.tsx';
import { useTimeline } from './queries.ts';
import { DisplacementBadge } from './status-badge.tsx';
import { WithdrawModal } from './withdraw-modal.tsx';

const TYPE_COLOURS: Record<MovementView['type'], string> = {
  displacement: 'orange', secondary_displacement: 'orange', relocation: 'blue', return: 'teal', departure_abroad: 'violet',
};

/** Where the family is now, its path on a map, and every movement recorded (withdrawn ones struck through). */
export function MovementsTab({ household, canRecord }: { household: Household; canRecord: boolean }) {
  const { t } = useTranslation();
  const timeline = useTimeline(household.id, household.version);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<MovementView | null>(null);
  if (timeline.isPending) return <PageLoader />;
  if (timeline.isError) return <ErrorState error={timeline.error} onRetry={() => timeline.refetch()} />;
  const data = timeline.data;
  return (
    <Stack gap="md" data-testid="movements">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600}>{t('movements.now')}</Text>
            <DisplacementBadge status={data.current.status} since={data.current.since} size="lg" />
            <PlaceText place={data.current.location} />
          </Stack>
          {canRecord && <Button onClick={() => setRecording(true)} data-testid="movement-record">{t('movements.record')}</Button>}
        </Group>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="md">{t('movements.timeline')}</Title>
            <MovementList timeline={data} canWithdraw={canRecord} onWithdraw={setWithdrawing} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">{t('movements.path')}</Title>
            <PathSection timeline={data} />
          </Paper>
        </Grid.Col>
      </Grid>
      {canRecord && <MovementForm household={household} opened={recording} onClose={() => setRecording(false)} />}
      <WithdrawModal householdId={household.id} movement={withdrawing} onClose={() => setWithdrawing(null)} />
    </Stack>
  );
}

function PathSection({ timeline }: { timeline: MovementTimeline }) {
  const { t } = useTranslation();
  const boundaries = useBoundaries(2);
  const stops = useMemo(() => pathStops(timeline.path), [timeline.path]);
  if (stops.length === 0) return <Text size="sm" c="dimmed">{t('movements.noPath')}</Text>;
  const hasBoundaries = !!boundaries.data?.features.length;
  const lang = currentLang();
  const placeOf = (movementId: string | null) => timeline.items.find((m) => m.id === movementId)?.to ?? timeline.registration.place;
  return (
    <>
      <LazyPathMap stops={stops} boundaries={boundaries.data} label={t('movements.pathLabel', { n: stops.length })} height={300} testId="path-map" />
      {hasBoundaries ? <BoundariesAttribution /> : boundaries.data && <Text size="xs" c="dimmed" mt={4}>{t('movements.pathNoBoundaries')}</Text>}
      {/* The numbers on the map, in words (the map has no labels). */}
      <Stack gap={6} mt="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="path-stops">
        {stops.map((stop) => (
          <Group key={stop.step} gap="xs" wrap="nowrap" component="li" align="flex-start">
            <ThemeIcon size={22} radius="xl" color={stop.current ? 'orange.8' : 'blue.6'} fz={12} fw={700} aria-hidden>{stop.step}</ThemeIcon>
            <div>
              <PlaceText place={placeOf(stop.movementId)} />
              <Text size="xs" c="dimmed">{formatPartialDate(lang, stop.date)}{stop.current ? ` · ${t('movements.currentStop')}` : ''}</Text>
            </div>
          </Group>
        ))}
      </Stack>
    </>
  );
}

function MovementList({ timeline, canWithdraw, onWithdraw }: { timeline: MovementTimeline; canWithdraw: boolean; onWithdraw: (m: MovementView) => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const labels = useReferenceLabels();
  const arrow = isRtl(lang) ? '←' : '→';
  const registration = timeline.registration;
  return (
    <Timeline bulletSize={16} lineWidth={2} active={timeline.items.length + 1} data-testid="movement-timeline">
      {timeline.items.map((m) => {
        const withdrawn = !!m.withdrawn;
        return (
          <Timeline.Item
            key={m.id}
            color={withdrawn ? 'gray' : TYPE_COLOURS[m.type]}
            data-testid="movement-item"
            data-withdrawn={withdrawn || undefined}
            title={
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Group gap="xs">
                  <Text fw={700} td={withdrawn ? 'line-through' : undefined} c={withdrawn ? 'dimmed' : undefined}>{t(`movementType.${m.type}`)}</Text>
                  <Text size="sm" c="dimmed" td={withdrawn ? 'line-through' : undefined}>{formatPartialDate(lang, m.date)}</Text>
                  {withdrawn && <Badge color="gray" variant="light" size="sm">{t('movements.withdrawnBadge')}</Badge>}
                </Group>
                {canWithdraw && !withdrawn && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => onWithdraw(m)} data-testid="movement-withdraw">{t('movements.withdraw')}</Button>
                )}
              </Group>
            }
          >
            <Stack gap={2} style={withdrawn ? { textDecoration: 'line-through', opacity: 0.7 } : undefined}>
              <Text size="sm" data-testid="movement-route"><PlaceText place={m.start} /> {arrow} <PlaceText place={m.to} /></Text>
              {m.shelter && <Text size="xs" c="dimmed">{t('movements.shelterThere', { shelter: labels.shelter(m.shelter) })}</Text>}
              {m.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}><bdi dir="auto">{m.note}</bdi></Text>}
            </Stack>
            <Text size="xs" c="dimmed" mt={2}>{t('movements.recordedBy', { user: m.recordedBy ?? '—', time: formatDateTime(lang, m.recordedAt) })}</Text>
            {m.withdrawn && (
              <div data-testid="movement-withdrawn-reason">
                <Text size="xs" c="red.8">{t('movements.withdrawnBy', { user: m.withdrawn.by ?? '—', time: formatDateTime(lang, m.withdrawn.at) })}</Text>
                {/* The reason on a line of its own, so a Latin reason does not tangle with an Arabic sentence. */}
                <Text size="sm" c="red.8"><bdi dir="auto">{m.withdrawn.reason}</bdi></Text>
              </div>
            )}
          </Timeline.Item>
        );
      })}
      <Timeline.Item color="gray" title={<Group gap="xs"><Text fw={700}>{t('movements.registered')}</Text><Text size="sm" c="dimmed">{formatPartialDate(lang, registration.on)}</Text></Group>} data-testid="movement-registration">
        <Text size="sm"><PlaceText place={registration.place} /></Text>
        <Text size="xs" c="dimmed">{t('movements.shelterThere', { shelter: labels.shelter(registration.shelter) })}</Text>
      </Timeline.Item>
    </Timeline>
  );
}
