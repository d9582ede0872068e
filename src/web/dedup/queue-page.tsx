import { Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { LastActionBar } from './last-action.tsx';
import { PairActions, ShortcutLegend } from './pair-actions.tsx';
import { PairView } from './pair-view.tsx';
import { PAGE_SIZE, type PairFilters } from './queries.ts';
import { QueueFilters, useQueueFilters } from './queue-filters.tsx';
import { QueueList } from './queue-list.tsx';
import { useReview } from './use-review.ts';
import { useShortcuts } from './use-shortcuts.ts';

/**
 * The review queue for data managers: pairs best score first, one at a time side by side, decided
 * with a click or a key (S same, D different, N/J next, K previous, U undo), then the next one.
 */
export function QueuePage() {
  const { t } = useTranslation();
  const { filters, update } = useQueueFilters();
  const review = useReview(filters, (page) => update({ page }));
  const { list, pair } = review;
  const setFilters = (changes: Partial<PairFilters>) => { review.restart(); update(changes); };

  useShortcuts({
    KeyS: () => void review.decide('same'),
    KeyD: () => void review.decide('different'),
    KeyN: review.next,
    KeyJ: review.next,
    KeyK: review.previous,
    KeyU: () => { if (review.undoable) void review.undo(review.undoable); },
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">{t('dedup.queueTitle')}</Title>
        {list.data && <Text size="sm" c="dimmed" data-testid="pair-total">{t('dedup.total', { n: list.data.total })}</Text>}
      </Group>
      <QueueFilters filters={filters} update={setFilters} />
      {review.last && <LastActionBar last={review.last} onUndo={review.undo} busy={review.busy} />}
      {list.isPending && <PageLoader />}
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {list.data && !pair && <EmptyState title={t('dedup.emptyTitle')} hint={t('dedup.emptyHint')} />}
      {pair && (
        <>
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed" data-testid="pair-position">
              {t('dedup.position', { n: (filters.page - 1) * PAGE_SIZE + review.index + 1, total: list.data?.total ?? 0 })}
            </Text>
            <ShortcutLegend kind={pair?.kind} />
          </Group>
          <PairView pair={pair} />
          <PairActions
            pair={pair}
            note={review.note}
            onNote={review.setNote}
            survivor={review.survivor}
            onSurvivor={review.setSurvivor}
            busy={review.busy}
            onSame={() => void review.decide('same')}
            onDifferent={() => void review.decide('different')}
            onNext={review.next}
            onPrevious={review.previous}
            onUndo={() => pair.mergeId && void review.undo(pair.mergeId)}
          />
          <QueueList items={review.items} selected={review.index} offset={(filters.page - 1) * PAGE_SIZE} onSelect={review.select} />
        </>
      )}
      {review.pages > 1 && (
        <Pagination value={filters.page} onChange={(page) => { review.restart(); update({ page }); }} total={review.pages} data-testid="pair-pages" />
      )}
    </Stack>
  );
}
