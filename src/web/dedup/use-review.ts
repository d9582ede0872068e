import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Merge, ReviewPair } from '#domain/dedup/api';
import type { Page } from '#web/api/types.ts';
import { ApiError } from '#web/api/client.ts';
import { notifyError } from '#web/lib/problems.ts';
import { decidePair, pairsKey, undoMerge, usePairs, type PairFilters } from './queries.ts';
import { nextStep, previousStep, type Step } from './queue-cursor.ts';

/** The last decision taken, shown above the queue with its Undo while it stands. */
export interface LastAction {
  kind: 'same' | 'different' | 'undone';
  pair: ReviewPair;
  merge: Merge | null;
}

/** The household registered first survives by default (as the server decides without a choice). */
function defaultSurvivor(pair: ReviewPair): string {
  const { a, b } = pair;
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.registrationNumber <= b.registrationNumber) ? a.id : b.id;
}

/**
 * One pair at a time through a page of the queue: decide (then move on), skip, go back, undo a
 * merge. A decided pair keeps its place with its new status until the page is read again.
 */
export function useReview(filters: PairFilters, setPage: (page: number) => void) {
  const client = useQueryClient();
  const list = usePairs(filters);
  const [cursor, setCursor] = useState<number | 'last'>(0);
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<LastAction | null>(null);

  const items = list.data?.items ?? [];
  const index = cursor === 'last' ? items.length - 1 : Math.min(cursor, items.length - 1);
  const pair = index >= 0 ? items[index] : undefined;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  useEffect(() => setNote(''), [pair?.id]);

  const replace = (updated: ReviewPair): string[] => {
    const page = client.setQueryData<Page<ReviewPair>>(pairsKey(filters), (old) =>
      old && { ...old, items: old.items.map((p) => (p.id === updated.id ? updated : p)) });
    // Other filters and household pages are read again when next shown.
    void client.invalidateQueries({ queryKey: ['dedup-pairs'], refetchType: 'none' });
    void client.invalidateQueries({ queryKey: ['household'] });
    void client.invalidateQueries({ queryKey: ['households'] });
    return (page?.items ?? items).map((p) => p.status);
  };

  const go = async (step: Step) => {
    if (step.kind === 'index') setCursor(step.index);
    if (step.kind === 'page') { setPage(step.page); setCursor(step.index); }
    if (step.kind === 'reload') { await list.refetch(); setCursor(step.index); }
  };
  const position = (statuses: string[]) => ({ statuses, index, page: filters.page, pages, filter: filters.status });

  /** One write at a time; a pair someone else decided meanwhile (409) reloads the page. */
  const run = async <T>(work: () => Promise<T>): Promise<T | null> => {
    if (busy) return null;
    setBusy(true);
    try {
      return await work();
    } catch (error) {
      notifyError(error);
      if (error instanceof ApiError && error.status === 409) await list.refetch();
      return null;
    } finally {
      setBusy(false);
    }
  };

  const decide = async (decision: 'same' | 'different') => {
    if (!pair || pair.status !== 'open' || list.isPlaceholderData) return;
    const survivor = decision === 'same' ? chosen[pair.id] ?? defaultSurvivor(pair) : undefined;
    const result = await run(() => decidePair(pair.id, { decision, note: note.trim() || undefined, survivor }));
    if (!result) return;
    const statuses = replace(result.pair);
    setLast({ kind: decision, pair: result.pair, merge: result.merge });
    await go(nextStep(position(statuses)));
  };

  const undo = async (mergeId: string) => {
    const result = await run(() => undoMerge(mergeId));
    if (!result) return;
    replace(result.pair);
    setLast({ kind: 'undone', pair: result.pair, merge: result.merge });
    await list.refetch();
  };

  /** U: the merge of the pair shown, else the last merge made here. */
  const undoable = pair?.status === 'same' && pair.mergeId ? pair.mergeId : last?.kind === 'same' ? last.merge?.id ?? null : null;

  return {
    list, items, index, pair, pages, busy, last, note, setNote, undoable,
    survivor: pair ? chosen[pair.id] ?? defaultSurvivor(pair) : '',
    setSurvivor: (id: string) => pair && setChosen((c) => ({ ...c, [pair.id]: id })),
    decide, undo,
    next: () => void go(nextStep(position(items.map((p) => p.status)))),
    previous: () => void go(previousStep(position(items.map((p) => p.status)))),
    select: (i: number) => setCursor(i),
    restart: () => setCursor(0),
  };
}
