import { lazy, Suspense } from 'react';
import { Badge, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HouseholdValues } from '#web/register/form-values.ts';
import { headReady } from './check-body.ts';
import type { DuplicateDecision } from './duplicate-decision.ts';

/*
 * The registration page's part of deduplication. The candidate panel's code is loaded only once
 * the head has been typed far enough to check, keeping the registration page's first load small.
 */
const CandidatePanel = lazy(async () => ({ default: (await import('./candidate-panel.tsx')).CandidatePanel }));

/** What happens before the head is typed far enough. */
export function DuplicateHint() {
  const { t } = useTranslation();
  return <Text size="sm" c="dimmed" px="xs" data-testid="dedup-hint">{t('dedup.hint')}</Text>;
}

/** The duplicate check below the members: a hint, then the candidates as the clerk types. */
export function DuplicateCheck({ values, decision }: { values: HouseholdValues; decision: DuplicateDecision }) {
  const { t } = useTranslation();
  if (!headReady(values)) return <DuplicateHint />;
  return (
    <Suspense fallback={<Loader size="xs" aria-label={t('dedup.checking')} />}>
      <CandidatePanel values={values} decision={decision} />
    </Suspense>
  );
}

/** In the save bar: how many possible duplicates are shown; a click brings them into view. */
export function DuplicateStatus({ decision }: { decision: DuplicateDecision }) {
  const { t } = useTranslation();
  const { candidates } = decision;
  if (candidates.length === 0) return null;
  const likely = candidates.some((c) => c.band === 'likely');
  return (
    <Badge
      component="button"
      type="button"
      size="lg"
      color={likely ? 'red' : 'orange'}
      variant="light"
      style={{ cursor: 'pointer' }}
      onClick={() => decision.panelRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
      data-testid="dedup-status"
    >
      {t('dedup.statusCount', { n: candidates.length })}
    </Badge>
  );
}
