import { Badge, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Household } from '#domain/registry/household';
import { useArea, useSites } from '#web/api/queries.ts';
import { ageInYears, formatPartialDate, formatPhone } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { areaName } from '#web/lib/areas.ts';
import { codeLabel, useReferenceLabels } from '#web/lib/labels.ts';
import { Field } from '#web/components/section.tsx';

type Member = Household['members'][number];

/** "Mosul, Ninewa (IQG15Q05)" from the area and its parents, in the interface language. */
export function AreaPath({ pcode }: { pcode: string }) {
  const area = useArea(pcode);
  const lang = currentLang();
  if (!area.data) return <span className="ltr">{pcode}</span>;
  const names = [area.data, ...[...area.data.parents].reverse()].map((a) => areaName(a, lang));
  return (
    <>
      {names.join(lang === 'en' ? ', ' : '، ')} <Text span size="xs" c="dimmed" className="ltr">{pcode}</Text>
    </>
  );
}

export function fullName(m: Pick<Member, 'givenName' | 'fatherName' | 'grandfatherName' | 'familyName'>): string {
  return [m.givenName, m.fatherName, m.grandfatherName, m.familyName].filter(Boolean).join(' ');
}

/** Location, shelter, contact, legal basis and consent of a household. */
export function HouseholdFacts({ household: h }: { household: Household }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const sites = useSites(h.current.siteId ? h.current.pcode : null);
  const site = sites.data?.find((s) => s.id === h.current.siteId);
  const lang = currentLang();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
      <Field label={t('household.origin')} testId="household-origin"><AreaPath pcode={h.origin.pcode} /></Field>
      <Field label={t('household.originPlace')}>{h.origin.place}</Field>
      <Field label={t('household.displacedOn')}>{formatPartialDate(lang, h.displacedOn)}</Field>
      <Field label={t('household.current')} testId="household-current"><AreaPath pcode={h.current.pcode} /></Field>
      <Field label={t('household.site')}>{site ? `${site.name} (${codeLabel('siteKind', site.kind)})` : h.current.siteId ? '…' : null}</Field>
      <Field label={t('household.address')}>{h.current.address}</Field>
      <Field label={t('household.shelter')}>{labels.shelter(h.shelter)}</Field>
      <Field label={t('household.phone')} ltr={!h.restricted}>{h.restricted ? t('household.withheld') : formatPhone(h.phone)}</Field>
      <Field label={t('household.legalBasis')}>{codeLabel('legalBasis', h.legalBasis)}</Field>
      <Field label={t('household.consent')}>
        {h.consent.given
          ? h.consent.date ? t('household.consentGiven', { date: formatPartialDate(lang, h.consent.date) }) : t('household.consentGivenNoDate')
          : t('household.consentNotGiven')}
        {h.consent.given && h.consent.scope.length > 0 && (
          <Group gap={4} mt={4}>
            {h.consent.scope.map((s) => <Badge key={s} variant="light" size="sm">{codeLabel('consentScope', s)}</Badge>)}
          </Group>
        )}
      </Field>
      {h.notes && <Field label={t('household.notes')}><span style={{ whiteSpace: 'pre-wrap' }}>{h.notes}</span></Field>}
    </SimpleGrid>
  );
}

function Documents({ member }: { member: Member }) {
  const { t } = useTranslation();
  if (member.noDocuments) return <Badge color="orange" variant="light" size="sm">{t('member.noDocumentsShown')}</Badge>;
  if (!member.documents.length) return <>—</>;
  return (
    <Stack gap={2}>
      {member.documents.map((d) => (
        <Text key={`${d.type}-${d.number}`} size="sm">
          {codeLabel('documentType', d.type)}: <span className="ltr">{d.number}</span>
        </Text>
      ))}
    </Stack>
  );
}

function Needs({ member }: { member: Member }) {
  const labels = useReferenceLabels();
  if (!member.specificNeeds.length) return <>—</>;
  return (
    <Group gap={4}>
      {member.specificNeeds.map((code) => (
        <Badge key={code} variant="outline" size="sm" title={labels.need(code)} style={{ textTransform: 'none' }}>
          {code} · {labels.need(code)}
        </Badge>
      ))}
    </Group>
  );
}

function birth(member: Member, lang: ReturnType<typeof currentLang>, ageLabel: (n: number) => string) {
  if (!member.birthDate) return '—';
  const age = ageInYears(member.birthDate);
  return `${formatPartialDate(lang, member.birthDate)}${age !== null ? ` (${ageLabel(age)})` : ''}`;
}

/** The members as a table, or as cards on a phone; `withheld` leaves out documents and needs (another registry's record). */
export function MembersList({ members, withheld = false }: { members: Member[]; withheld?: boolean }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const lang = currentLang();
  const ageLabel = (n: number) => t('member.age', { n });
  if (phone) {
    return (
      <Stack gap="sm" data-testid="members-cards">
        {members.map((m) => (
          <Card key={m.id} withBorder padding="sm">
            <Text fw={700}><bdi dir="auto">{fullName(m)}</bdi></Text>
            <Text size="sm" c="dimmed">
              {codeLabel('relationship', m.relationship)} · {codeLabel('sex', m.sex)} · {birth(m, lang, ageLabel)}
            </Text>
            {(m.noDocuments || m.documents.length > 0 || m.specificNeeds.length > 0) && (
              <Stack gap={4} mt={6}>
                {(m.noDocuments || m.documents.length > 0) && <Documents member={m} />}
                {m.specificNeeds.length > 0 && <Needs member={m} />}
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" data-testid="members-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('member.fullName')}</Table.Th>
            <Table.Th>{t('member.relationship')}</Table.Th>
            <Table.Th>{t('member.sex')}</Table.Th>
            <Table.Th>{t('member.birthDate')}</Table.Th>
            {!withheld && <Table.Th>{t('member.documents')}</Table.Th>}
            {!withheld && <Table.Th>{t('member.specificNeeds')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td><Text fw={600}><bdi dir="auto">{fullName(m)}</bdi></Text></Table.Td>
              <Table.Td>{codeLabel('relationship', m.relationship)}</Table.Td>
              <Table.Td>{codeLabel('sex', m.sex)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{birth(m, lang, ageLabel)}</Table.Td>
              {!withheld && <Table.Td><Documents member={m} /></Table.Td>}
              {!withheld && <Table.Td><Needs member={m} /></Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
