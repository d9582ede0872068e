import '#web/i18n/assistance/index.ts';
import { useState } from 'react';
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { DistributionRound } from '#domain/assistance/rounds';
import { can, useMe } from '#web/auth/session.tsx';
import { Field } from '#web/components/section.tsx';
import { EmptyState, ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { useReferenceLabels } from '#web/lib/labels.ts';
import { programmeName } from './labels.ts';
import { ProgrammeForm } from './programme-form.tsx';
import { AreasText, periodText, ProgrammeStatusBadge } from './programmes-page.tsx';
import { useProgramme, useProgrammeRounds, useRoundReached } from './queries.ts';
import { NewRoundForm } from './new-round-form.tsx';
import { RoundStatusBadge } from './round-status.tsx';

/** One programme: where and when it works, and its distribution rounds with who they reach. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const programme = useProgramme(id);
  const rounds = useProgrammeRounds(id);
  const [editing, setEditing] = useState(false);
  const [creating, setCreating] = useState(false);
  const labels = useReferenceLabels();
  const lang = currentLang();
  if (programme.isPending) return <PageLoader />;
  if (programme.isError) return <ErrorState error={programme.error} onRetry={() => programme.refetch()} />;
  const p = programme.data;
  const manage = can(me, 'assistance.manage') && p.status === 'active';
  const nextNumber = Math.max(0, ...(rounds.data ?? []).map((r) => r.number)) + 1;

  return (
    <Stack gap="md" data-testid="programme-page">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Text size="sm"><Link to="/programmes">{t('programmes.title')}</Link></Text>
            <Group gap="xs">
              <Title order={1} size="h2"><bdi dir="auto">{programmeName(p)}</bdi></Title>
              <ProgrammeStatusBadge status={p.status} />
            </Group>
            <Text size="sm" c="dimmed" className="ltr" span>{p.code} · {p.organization.code}</Text>
          </Stack>
          {manage && <Button variant="default" onClick={() => setEditing(true)} data-testid="programme-edit">{t('common.edit')}</Button>}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="md">
          <Field label={t('programmes.sector')}>{labels.sector(p.sector)}</Field>
          <Field label={t('programmes.areas')}><AreasText areas={p.areas} /></Field>
          <Field label={t('programmes.period')}>{periodText(lang, p.startsOn, p.endsOn)}</Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">{t('programmes.roundsTitle')}</Title>
          {manage && <Button onClick={() => setCreating(true)} data-testid="round-new">{t('distRound.new')}</Button>}
        </Group>
        {rounds.isError ? (
          <ErrorState error={rounds.error} onRetry={() => rounds.refetch()} />
        ) : !rounds.data ? (
          <PageLoader />
        ) : rounds.data.length === 0 ? (
          <EmptyState compact title={t('programmes.noRounds')} hint={manage ? t('programmes.noRoundsHint') : undefined} />
        ) : (
          <RoundsTable rounds={rounds.data} />
        )}
      </Paper>
      {editing && <ProgrammeForm programme={p} onClose={() => setEditing(false)} />}
      {creating && <NewRoundForm programme={p} nextNumber={nextNumber} onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function ReachedCell({ round }: { round: DistributionRound }) {
  const reached = useRoundReached(round);
  if (reached.data === undefined) return <>—</>;
  return <span data-testid="round-reached">{formatNumber(reached.data)}</span>;
}

function RoundsTable({ rounds }: { rounds: DistributionRound[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lang = currentLang();
  const open = (id: string) => navigate(`/programmes/rounds/${id}`);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="dist-rounds-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('distRound.round')}</Table.Th>
            <Table.Th>{t('programmes.period')}</Table.Th>
            <Table.Th>{t('programmes.statusLabel')}</Table.Th>
            <Table.Th ta="end">{t('distRound.targetedHouseholds')}</Table.Th>
            <Table.Th ta="end">{t('distRound.targetedPeople')}</Table.Th>
            <Table.Th ta="end">{t('distRound.reachedHouseholds')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...rounds].sort((a, b) => b.number - a.number).map((r) => (
            <Table.Tr key={r.id} className="clickable-row" onClick={() => open(r.id)} onKeyDown={(e) => { if (e.key === 'Enter') open(r.id); }} tabIndex={0} data-testid="dist-round-row">
              <Table.Td>
                <Link to={`/programmes/rounds/${r.id}`} onClick={(e) => e.stopPropagation()} tabIndex={-1}><Text fw={700} size="sm">{t('distRound.title', { number: r.number })}</Text></Link>
                {r.name && <Text size="xs" c="dimmed"><bdi dir="auto">{r.name}</bdi></Text>}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodText(lang, r.startsOn, r.endsOn)}</Table.Td>
              <Table.Td><RoundStatusBadge status={r.status} /></Table.Td>
              <Table.Td ta="end">{r.targetedHouseholds === null ? '—' : formatNumber(r.targetedHouseholds)}</Table.Td>
              <Table.Td ta="end">{r.targetedPeople === null ? '—' : formatNumber(r.targetedPeople)}</Table.Td>
              <Table.Td ta="end"><ReachedCell round={r} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
