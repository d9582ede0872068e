import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '#domain/dedup/api';
import { useAreaNames } from '#web/lib/labels.ts';
import type { MemberValues } from '#web/register/form-values.ts';
import { ComparisonTable, type ComparedPerson, type ComparisonRow } from './member-compare.tsx';

const blank = (text: string) => text.trim() || null;

/** A member as typed on the form, for comparison. */
function typed(m: MemberValues): ComparedPerson {
  return {
    relationship: m.relationship, givenName: blank(m.givenName), fatherName: blank(m.fatherName),
    grandfatherName: blank(m.grandfatherName), familyName: blank(m.familyName), sex: m.sex || null, birthDate: blank(m.birthDate),
  };
}

/** The band of a match as a coloured badge: likely red, possible orange. */
export function BandBadge({ band, score }: { band: string; score?: number }) {
  const { t } = useTranslation();
  return (
    <Badge color={band === 'likely' ? 'red' : 'orange'} variant="filled" size="lg" tt="none" data-testid="band" data-band={band}>
      {band === 'likely' ? t('dedup.bandLikely') : t('dedup.bandPossible')}
      {score !== undefined && <> · <span className="ltr">{Math.round(score * 100)}%</span></>}
    </Badge>
  );
}

/**
 * One existing family that may be the one being registered: its numbers, registry, band, where it
 * comes from and lives, and its matched members beside the members typed.
 */
export function CandidateCard({ candidate: c, members, positions }: { candidate: Candidate; members: MemberValues[]; positions: number[] }) {
  const { t } = useTranslation();
  const areaName = useAreaNames();
  const rows: ComparisonRow[] = c.members.map((m) => {
    const typedMember = members[positions[m.matchedWith] ?? -1];
    return { key: m.individualId, a: typedMember ? typed(typedMember) : null, b: m.person, fields: m.fields, score: m.score, band: m.band };
  });
  return (
    <Paper withBorder p="sm" radius="md" data-testid="dedup-candidate" data-household-id={c.householdId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={700} ff="monospace" className="ltr" data-testid="candidate-number">{c.registrationNumber}</Text>
              <BandBadge band={c.band} score={c.score} />
              {c.registries.map((r) => <Badge key={r} variant="outline" color="gray" data-testid="candidate-registry">{r}</Badge>)}
            </Group>
            {c.registrationNumbers.length > 1 && (
              <Text size="xs" c="dimmed">{t('household.otherNumbers')}: <span className="ltr">{c.registrationNumbers.filter((n) => n !== c.registrationNumber).join(', ')}</span></Text>
            )}
            <Text size="sm" c="dimmed">
              {c.reason === 'head' ? t('dedup.reasonHead') : t('dedup.reasonMembers')}
              {' · '}{t('dedup.originShort')}: {areaName(c.origin.pcode)}
              {' · '}{t('dedup.currentShort')}: {areaName(c.currentPcode)}
              {' · '}{t('household.size')}: {c.size}
            </Text>
          </Stack>
          <Button
            component="a"
            href={`/households/${c.householdId}`}
            target="_blank"
            rel="noopener"
            variant="light"
            size="sm"
            data-testid="candidate-open"
          >
            {t('dedup.openFamily')}
          </Button>
        </Group>
        <ComparisonTable left={t('dedup.typedNow')} right={t('dedup.registered')} rows={rows} testId="candidate-members" />
      </Stack>
    </Paper>
  );
}
