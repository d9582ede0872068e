import '#web/i18n/movement/index.ts';
import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useHousehold } from '#web/api/queries.ts';
import { can, useMe } from '#web/auth/session.tsx';
import { ErrorState, PageLoader } from '#web/components/states.tsx';
import { formatDateTime } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { codeLabel, statusColor } from '#web/lib/labels.ts';
import { MergedBanner } from '#web/dedup/merged-banner.tsx';
import { HouseholdFacts, MembersList } from './household-details.tsx';
import { HouseholdHistory } from './household-history.tsx';
import { MovementsTab } from '#web/movements/movements-tab.tsx';
import { DisplacementBadge } from '#web/movements/status-badge.tsx';
import { CardActions } from '#web/cards/card-actions.tsx';

const TABS = ['details', 'movements', 'history'] as const;
type Tab = (typeof TABS)[number];

/** A household: numbers, registry, status and size; details and members; change history. */
export function HouseholdPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const household = useHousehold(id);
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'details';
  const lang = currentLang();
  const me = useMe();

  if (household.isPending) return <PageLoader label={t('household.loading')} />;
  if (household.isError) return <ErrorState error={household.error} onRetry={() => household.refetch()} />;
  const h = household.data;
  const others = h.registrationNumbers.filter((n) => n !== h.registrationNumber);
  const registries = h.registries?.length ? h.registries : [h.registry];
  // A merged record is kept for its history; the family is edited on the surviving one.
  // Another registry's record is only read here, to compare with the family at the desk.
  const canEdit = can(me, 'households.write') && h.status !== 'merged' && !h.restricted;

  return (
    <Stack gap="md">
      <MergedBanner household={h} />
      {h.restricted && (
        <Alert color="gray" title={t('household.restrictedTitle', { registry: h.registry })} data-testid="household-restricted">
          <Text size="sm">{t('household.restrictedBody')}</Text>
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600}>{t('households.registrationNumber')}</Text>
            <Title order={1} size="h2" ff="monospace" className="ltr" data-testid="registration-number">
              {h.registrationNumber}
            </Title>
            {others.length > 0 && (
              <Text size="sm" c="dimmed" data-testid="household-other-numbers">
                {t('household.otherNumbers')}: <span className="ltr">{others.join(', ')}</span>
              </Text>
            )}
            <Group gap="xs" mt={4}>
              <Badge variant="light" color={statusColor(h.status)} data-testid="household-status">
                {codeLabel('householdStatus', h.status)}
              </Badge>
              <Badge variant="outline" color="gray" data-testid="household-registry">
                {registries.length > 1 ? t('household.registries') : t('household.registry')}: {registries.join(', ')}
              </Badge>
              <Badge variant="outline" color="blue" data-testid="household-size">{t('household.size')}: {h.size}</Badge>
              {h.displacement && <DisplacementBadge status={h.displacement.status} since={h.displacement.since} />}
            </Group>
          </Stack>
          <Stack gap={4} align="flex-end">
            {canEdit && (
              <Button component={Link} to={`/households/${h.id}/edit`} data-testid="household-edit">{t('household.edit')}</Button>
            )}
            <Text size="xs" c="dimmed">{t('household.version', { version: h.version })}</Text>
            {can(me, 'cards.print') && h.status === 'active' && !h.restricted && <CardActions householdId={h.id} />}
          </Stack>
        </Group>
      </Paper>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'details' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="details" data-testid="tab-details">{t('household.details')}</Tabs.Tab>
          <Tabs.Tab value="movements" data-testid="tab-movements">{t('movements.tab')}</Tabs.Tab>
          <Tabs.Tab value="history" data-testid="tab-history">{t('household.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <Stack gap="md">
            <Paper withBorder p="md" radius="md"><HouseholdFacts household={h} /></Paper>
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h4" mb="sm">{t('household.members')} ({h.members.length})</Title>
              <MembersList members={h.members} withheld={h.restricted} />
            </Paper>
            <Text size="xs" c="dimmed">
              {t('household.registeredAt')}: {formatDateTime(lang, h.createdAt)} · {t('household.updatedAt')}: {formatDateTime(lang, h.updatedAt)}
            </Text>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="movements" pt="md">
          <MovementsTab household={h} canRecord={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HouseholdHistory
            id={h.id}
            version={h.version}
            members={new Map(h.members.map((m, i) => [m.id, { n: i + 1, name: m.givenName }]))}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
