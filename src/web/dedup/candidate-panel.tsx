import { useEffect, useMemo } from 'react';
import { Alert, Box, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '#domain/dedup/api';
import { ApiError } from '#web/api/client.ts';
import { i18next } from '#web/i18n/index.ts';
import { autoDir } from '#web/lib/labels.ts';
import type { HouseholdValues } from '#web/register/form-values.ts';
import { CandidateCard } from './candidate-card.tsx';
import { checkRequest, type CheckRequest } from './check-body.ts';
import type { DuplicateDecision } from './duplicate-decision.ts';
import { useDuplicateCheck } from './queries.ts';

const DEBOUNCE_MS = 400;
const NONE: Candidate[] = [];
/** Brought into view, the panel's title stays clear of the fixed header. */
const HEADER_ROOM = 72;

/**
 * The check request for the values typed once they have settled for 400 ms (compared as text, not
 * by identity), and whether newer values are still settling.
 */
function useSettledRequest(values: HouseholdValues) {
  const text = useMemo(() => {
    const request = checkRequest(values);
    return request ? JSON.stringify(request) : null;
  }, [values]);
  const [settled] = useDebouncedValue(text, DEBOUNCE_MS);
  const request = useMemo(() => (settled ? (JSON.parse(settled) as CheckRequest) : null), [settled]);
  return { request: text ? request : null, settling: settled !== text };
}

/**
 * Below the members on the registration form: existing families that may be this one, checked as
 * the clerk types (shown once the head's given name, father's name and birth year are there). A
 * failed check never stops a registration; it only says so quietly.
 */
export function CandidatePanel({ values, decision }: { values: HouseholdValues; decision: DuplicateDecision }) {
  const { t } = useTranslation();
  const { request, settling } = useSettledRequest(values);
  const check = useDuplicateCheck(request);
  const candidates = check.data?.candidates ?? NONE;
  const { setCandidates } = decision;

  useEffect(() => setCandidates(candidates), [candidates, setCandidates]);
  // Once the head no longer reads as a check, nothing is shown and nothing may stop the save.
  useEffect(() => () => setCandidates(NONE), [setCandidates]);

  const busy = check.isFetching || settling;
  const indexLoading = !!check.data && !check.data.indexReady;
  if (candidates.length === 0) {
    return (
      <Box px="xs" ref={decision.panelRef} style={{ scrollMarginTop: HEADER_ROOM }} data-testid="dedup-panel" aria-live="polite">
        <QuietStatus busy={busy} error={check.isError ? check.error : null} indexLoading={indexLoading} />
      </Box>
    );
  }
  const likely = candidates.some((c) => c.band === 'likely');
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      ref={decision.panelRef}
      style={{ borderColor: `var(--mantine-color-${likely ? 'red' : 'orange'}-6)`, borderWidth: 2, scrollMarginTop: HEADER_ROOM }}
      data-testid="dedup-panel"
      aria-live="polite"
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={2} size="h4">{t('dedup.panelTitle')}</Title>
          {busy && <Loader size="xs" aria-label={t('dedup.checking')} />}
        </Group>
        {indexLoading && <IndexLoading />}
        <Text size="sm">{t('dedup.candidatesIntro')}</Text>
        {candidates.map((c) => (
          <CandidateCard key={c.householdId} candidate={c} members={values.members} positions={check.data!.positions} />
        ))}
        <RegisterAnyway decision={decision} />
      </Stack>
    </Paper>
  );
}

function IndexLoading() {
  const { t } = useTranslation();
  return <Text size="sm" c="dimmed" data-testid="dedup-loading-index">{t('dedup.indexLoading')}</Text>;
}

/** Nothing found (yet): one quiet line, no box. */
function QuietStatus({ busy, error, indexLoading }: { busy: boolean; error: unknown; indexLoading: boolean }) {
  const { t } = useTranslation();
  const [text, testId] = error ? [failure(error), 'dedup-unavailable'] : busy ? [t('dedup.checking'), 'dedup-checking'] : [t('dedup.noCandidates'), 'dedup-none'];
  return (
    <Stack gap={4}>
      <Group gap="xs">
        {busy && <Loader size="xs" />}
        <Text size="sm" c="dimmed" data-testid={testId}>{text}</Text>
      </Group>
      {indexLoading && <IndexLoading />}
    </Stack>
  );
}

/** A check the server refused (a value it cannot read yet) runs again as the clerk types; anything else is unavailable. */
function failure(error: unknown): string {
  return error instanceof ApiError && error.status === 400 ? i18next.t('dedup.unreadable') : i18next.t('dedup.unavailable');
}

/** "Register anyway", which asks why (kept with the pairs the data managers review). */
function RegisterAnyway({ decision }: { decision: DuplicateDecision }) {
  const { t } = useTranslation();
  if (!decision.anyway) {
    return (
      <Group>
        <Button variant="default" onClick={() => decision.setAnyway(true)} data-testid="dedup-register-anyway">
          {t('dedup.registerAnyway')}
        </Button>
      </Group>
    );
  }
  return (
    <Alert color={decision.reasonMissing ? 'red' : 'gray'} variant="light" p="sm">
      <Textarea
        label={t('dedup.reasonLabel')}
        description={t('dedup.reasonHint')}
        value={decision.reason}
        onChange={(e) => decision.setReason(e.currentTarget.value)}
        error={decision.reasonMissing ? t('dedup.reasonRequired') : undefined}
        autosize
        minRows={2}
        maxRows={5}
        maxLength={500}
        required
        autoFocus
        dir={autoDir(decision.reason)}
        data-testid="dedup-reason"
      />
    </Alert>
  );
}

