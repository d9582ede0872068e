import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PairHousehold, ReviewPair } from '#domain/dedup/api';
import { formatDateTime, formatPartialDate } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { useAreaNames } from '#web/lib/labels.ts';
import { BandBadge } from './candidate-card.tsx';
import { ComparisonTable, type ComparisonRow } from './member-compare.tsx';
import { highlightStyle } from './levels.ts';
import { StatusBadge } from './status-badge.tsx';

/**
 * Member pairs aligned one per row, then the members of either side that match nobody. An
 * individual pair shows only its one person, side by side: the families are known to differ.
 */
export function pairRows(pair: ReviewPair): ComparisonRow[] {
  const a = new Map(pair.a.members.map((m) => [m.id, m]));
  const b = new Map(pair.b.members.map((m) => [m.id, m]));
  const rows: ComparisonRow[] = pair.members.map((mp) => ({
    key: `${mp.a}-${mp.b}`, a: a.get(mp.a) ?? null, b: b.get(mp.b) ?? null, fields: mp.fields, score: mp.score, band: mp.band,
  }));
  if (pair.kind === 'individual') return rows;
  const pairedA = new Set(pair.members.map((mp) => mp.a));
  const pairedB = new Set(pair.members.map((mp) => mp.b));
  for (const m of pair.a.members) if (!pairedA.has(m.id)) rows.push({ key: m.id, a: m, b: null });
  for (const m of pair.b.members) if (!pairedB.has(m.id)) rows.push({ key: m.id, a: null, b: m });
  return rows;
}

/** A value, tinted when it differs from the other household's. */
function Fact({ label, differs, children }: { label: string; differs: boolean; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>{label}</Text>
      <Text
        size="sm"
        component="div"
        data-differs={differs || undefined}
        style={differs ? highlightStyle('close') : undefined}
      >
        {children || '—'}
      </Text>
    </div>
  );
}

function HouseholdSide({ side, h, other }: { side: 'A' | 'B'; h: PairHousehold; other: PairHousehold }) {
  const { t } = useTranslation();
  const areaName = useAreaNames();
  const lang = currentLang();
  const others = h.registrationNumbers.filter((n) => n !== h.registrationNumber);
  return (
    <Stack gap="xs" data-testid={`pair-side-${side.toLowerCase()}`}>
      <Group gap="xs">
        <Badge variant="filled" color="dark" circle>{side}</Badge>
        <Text fw={700} ff="monospace" className="ltr" data-testid="pair-number">{h.registrationNumber}</Text>
        {h.registries.map((r) => <Badge key={r} variant="outline" color="gray">{r}</Badge>)}
        {h.status === 'merged' && <Badge color="grape" variant="light">{t('householdStatus.merged')}</Badge>}
      </Group>
      {others.length > 0 && <Text size="xs" c="dimmed">{t('household.otherNumbers')}: <span className="ltr">{others.join(', ')}</span></Text>}
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
        <Fact label={t('household.origin')} differs={h.origin.pcode !== other.origin.pcode}>
          {areaName(h.origin.pcode)}{h.origin.place && <> · <bdi>{h.origin.place}</bdi></>}
        </Fact>
        <Fact label={t('household.current')} differs={h.current.pcode !== other.current.pcode}>
          {areaName(h.current.pcode)}{h.current.address && <> · <bdi>{h.current.address}</bdi></>}
        </Fact>
        <Fact label={t('household.displacedOn')} differs={h.displacedOn !== other.displacedOn}>{formatPartialDate(lang, h.displacedOn)}</Fact>
        <Fact label={t('household.size')} differs={h.size !== other.size}>{h.size}</Fact>
        <Fact label={t('household.registeredAt')} differs={false}>{formatDateTime(lang, h.createdAt)}</Fact>
      </SimpleGrid>
    </Stack>
  );
}

/** Why the pair is here and, once decided, who decided what. */
function PairHeader({ pair }: { pair: ReviewPair }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const reason = { head: t('dedup.reasonHead'), members: t('dedup.reasonMembers'), person: t('dedup.reasonPerson') }[pair.reason];
  return (
    <Stack gap={4}>
      {pair.kind === 'individual' && (
        <>
          <Text fw={700} data-testid="pair-person-title">{t('dedup.personTitle')}</Text>
          <Text size="sm" c="dimmed">{t('dedup.personHint')}</Text>
        </>
      )}
      <Group gap="xs">
        <BandBadge band={pair.band} score={pair.score} />
        <StatusBadge status={pair.status} />
        <Text size="sm" c="dimmed">
          {reason} · {t(`dedup.source.${pair.source}`)}
        </Text>
      </Group>
      {pair.decidedAt && (
        <Text size="sm" c="dimmed" data-testid="pair-decided">
          {t('dedup.decidedBy', { user: pair.decidedBy?.username ?? '—', time: formatDateTime(lang, pair.decidedAt) })}
        </Text>
      )}
      {pair.duplicateReason && <Text size="sm"><b>{t('dedup.clerkReason')}:</b> <bdi>{pair.duplicateReason}</bdi></Text>}
      {pair.note && <Text size="sm"><b>{t('dedup.note')}:</b> <bdi>{pair.note}</bdi></Text>}
    </Stack>
  );
}

/** One pair side by side: the two households, then their members aligned, differences highlighted. */
export function PairView({ pair }: { pair: ReviewPair }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid="pair-view" data-pair-id={pair.id} data-status={pair.status} data-kind={pair.kind}>
      <Stack gap="md">
        <PairHeader pair={pair} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <HouseholdSide side="A" h={pair.a} other={pair.b} />
          <HouseholdSide side="B" h={pair.b} other={pair.a} />
        </SimpleGrid>
        <ComparisonTable
          left={<>A · <span className="ltr">{pair.a.registrationNumber}</span></>}
          right={<>B · <span className="ltr">{pair.b.registrationNumber}</span></>}
          rows={pairRows(pair)}
          testId="pair-members"
        />
      </Stack>
    </Paper>
  );
}
