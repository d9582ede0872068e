import '#web/i18n/assistance/index.ts';
import { useState } from 'react';
import { Alert, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DistributionRound } from '#domain/assistance/rounds';
import { can, useMe } from '#web/auth/session.tsx';
import { Section } from '#web/components/section.tsx';
import { ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { autoDir, useReferenceLabels } from '#web/lib/labels.ts';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '#web/lib/problems.ts';
import { LocationsMultiSelect } from '#web/stock/location-picker.tsx';
import { useDraftPreview } from './draft-preview.ts';
import { FormulaEditor } from './formula-editor.tsx';
import { PreviewPanel } from './preview-panel.tsx';
import { periodText } from './programmes-page.tsx';
import { programmeName } from './labels.ts';
import { useRound, useRoundReached } from './queries.ts';
import { errorsUnder } from './round-draft.ts';
import { useRoundEditor } from './round-editor-state.ts';
import { LeaveGuard, SaveBar } from './round-save.tsx';
import { RoundStatusBadge } from './round-status.tsx';
import { RoundTrail } from './round-trail.tsx';
import { RoundWorkflow } from './round-workflow.tsx';
import { RuleBuilder } from './rule-builder.tsx';

/** A distribution round: built while a draft, then submitted, approved, issued and closed. */
export function RoundPage() {
  const { id } = useParams();
  const round = useRound(id);
  const [loads, setLoads] = useState(0);
  if (round.isPending) return <PageLoader />;
  if (round.isError) return <ErrorState error={round.error} onRetry={() => round.refetch()} />;
  // The editor keeps what is typed across its own saves; a reload (after someone else's change) starts it again.
  const reload = async () => {
    await round.refetch();
    setLoads((n) => n + 1);
  };
  return <RoundEditor key={`${round.data.id}-${loads}`} round={round.data} onReload={reload} />;
}

function RoundEditor({ round, onReload }: { round: DistributionRound; onReload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const lang = currentLang();
  const labels = useReferenceLabels();
  const editable = round.status === 'draft' && can(me, 'assistance.manage');
  const editor = useRoundEditor(round, editable);
  const { draft, change } = editor;
  const preview = useDraftPreview(round, draft, editable);
  const errors: FieldErrors = editor.check.success ? serverFieldErrors(editor.error ?? preview.rejected) : zodFieldErrors(editor.check.error.issues);
  // Submitting sends what the form holds: saved first when it changed (null when it could not be).
  const saveFirst = async () => (editor.dirty ? editor.save() : round);

  return (
    <Stack gap="md" data-testid="round-page" data-status={round.status}>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4}>
            <Text size="sm"><Link to={`/programmes/${round.programme.id}`} data-testid="round-programme-link"><bdi dir="auto">{programmeName(round.programme)}</bdi> · <span className="ltr">{round.programme.code}</span></Link></Text>
            <Group gap="xs">
              <Title order={1} size="h2">{t('distRound.title', { number: round.number })}</Title>
              <RoundStatusBadge status={round.status} size="lg" />
            </Group>
            {round.name && <Text><bdi dir="auto">{round.name}</bdi></Text>}
            <Text size="sm" c="dimmed">{periodText(lang, round.startsOn, round.endsOn)} · {labels.sector(round.programme.sector)}</Text>
          </Stack>
          <Stack gap="xs" maw={420}>
            <RoundWorkflow round={round} saveFirst={editable ? saveFirst : null} />
            {editable && <SaveBar editor={editor} />}
          </Stack>
        </Group>
      </Paper>
      {editable && <LeaveGuard editor={editor} />}
      {editor.state === 'stale' && (
        <Alert color="orange" data-testid="round-stale">
          <Group justify="space-between"><Text size="sm">{t('distRound.stale')}</Text><Button size="xs" variant="light" color="orange" onClick={onReload}>{t('distRound.reload')}</Button></Group>
        </Alert>
      )}
      {round.status === 'draft' && round.rejection && (
        <Alert color="red" title={t('distRound.rejectedTitle', { user: round.rejection.by?.username ?? '' })} data-testid="round-rejected">
          <Text size="sm"><bdi dir="auto">{round.rejection.reason}</bdi></Text>
        </Alert>
      )}
      {!editable && round.status === 'draft' && <Text size="sm" c="dimmed">{t('distRound.readOnlyDraft')}</Text>}
      {round.status !== 'draft' && <Text size="sm" c="dimmed" data-testid="round-locked">{t('distRound.locked')}</Text>}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Section title={t('distRound.details')}>
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput label={t('distRound.name')} value={draft.name} onChange={(e) => change({ name: e.currentTarget.value })} error={errors.name} readOnly={!editable} dir={autoDir(draft.name)} data-testid="round-name" />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput label={t('distRound.startsOn')} value={draft.startsOn} onChange={(e) => change({ startsOn: e.currentTarget.value })} error={errors.startsOn} readOnly={!editable} dir="ltr" data-testid="round-startsOn" />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput label={t('distRound.endsOn')} value={draft.endsOn} onChange={(e) => change({ endsOn: e.currentTarget.value })} error={errors.endsOn} readOnly={!editable} dir="ltr" data-testid="round-endsOn" />
                </Grid.Col>
              </Grid>
            </Section>
            <Section title={t('targeting.title')} testId="round-rules">
              <RuleBuilder value={draft.rules} onChange={(c) => change({ rules: { ...draft.rules, ...c } })} errors={errorsUnder(errors, 'rules')} readOnly={!editable} keptWeights={round.status === 'draft' ? null : round.scoredWeights} />
            </Section>
            <Section title={t('formula.title')} testId="round-formula">
              <FormulaEditor value={draft.formula} onChange={(formula) => change({ formula })} errors={errorsUnder(errors, 'formula')} readOnly={!editable} />
            </Section>
            <Section title={t('distRound.points')} testId="round-points">
              <LocationsMultiSelect
                kind="point" label={t('distRound.pointsLabel')} description={t('distRound.pointsHint')} placeholder={draft.pointIds.length ? undefined : t('distRound.noPoints')}
                value={draft.pointIds} onChange={(pointIds) => change({ pointIds })} chosen={round.points} readOnly={!editable}
                error={errors.pointIds ?? Object.entries(errors).find(([path]) => path.startsWith('pointIds.'))?.[1]} testId="round-points-picker"
              />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            {round.status === 'issued' || round.status === 'closed' ? <IssuedSummary round={round} /> : (
              <PreviewPanel preview={preview.preview} pending={preview.pending} invalid={preview.invalid} />
            )}
            <Section title={t('distRound.trailTitle')}>
              <RoundTrail round={round} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: number | null; testId?: string }) {
  return (
    <Stack gap={0} justify="space-between" h="100%">
      <Text size="xs" c="dimmed" fw={600}>{label}</Text>
      <Text fz={26} fw={700} className="ltr" data-testid={testId}>{value === null ? '—' : formatNumber(value)}</Text>
    </Stack>
  );
}

/** An issued round: who was targeted and reached, and the way to its entitlements. */
function IssuedSummary({ round }: { round: DistributionRound }) {
  const { t } = useTranslation();
  const reached = useRoundReached(round);
  return (
    <Section title={t('distRound.issuedTitle')} testId="round-issued">
      <SimpleGrid cols={3} mb="sm">
        <Figure label={t('distRound.targetedHouseholds')} value={round.targetedHouseholds} testId="round-targeted-households" />
        <Figure label={t('distRound.targetedPeople')} value={round.targetedPeople} />
        <Figure label={t('distRound.reachedHouseholds')} value={reached.data ?? null} testId="round-reached-households" />
      </SimpleGrid>
      <Button component={Link} to={`/programmes/rounds/${round.id}/entitlements`} variant="light" data-testid="round-entitlements-link">{t('distRound.entitlements')}</Button>
    </Section>
  );
}
