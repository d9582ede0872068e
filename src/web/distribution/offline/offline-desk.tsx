import { useRef, useState } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '#web/components/states.tsx';
import { formatDateTime, formatNumber, todayIso } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';
import { notifyError } from '#web/lib/problems.ts';
import type { Point } from '../api.ts';
import { fromList, verdict, type DeskFamily } from '../desk-model.ts';
import { CollectForm, EntitlementList, HeadCheck } from '../family-view.tsx';
import { FindBar } from '../find-bar.tsx';
import { OutcomePanel, type Outcome } from '../outcome.tsx';
import { itemsForCard, itemsForHousehold, searchList } from './outbox.ts';
import { DownloadPanel, UnlockPanel } from './offline-setup.tsx';
import { OutboxPanel } from './outbox-panel.tsx';
import type { Collector, OfflinePoint } from './use-offline-point.ts';
import { verifyCardToken } from './verify.ts';

/**
 * The point working from the list downloaded to this device: cards are checked with the public
 * keys that came with it, collections go to the sealed outbox (one per entitlement on this
 * device) and are synced when the network is back.
 */
export function OfflineDesk({ point, offline }: { point: Point; offline: OfflinePoint }) {
  const { state } = offline;
  if (state.status === 'loading') return <PageLoader />;
  if (state.status === 'none') return <DownloadPanel offline={offline} pointName={point.name} />;
  if (state.status === 'locked') return <UnlockPanel offline={offline} />;
  return <OpenDesk point={point} offline={offline} />;
}

function ListBar({ offline }: { offline: OfflinePoint }) {
  const { t } = useTranslation();
  const [refreshing, setRefreshing] = useState(false);
  if (offline.state.status !== 'open') return null;
  const { info, list } = offline.state;
  const families = new Set(list.items.map((i) => i.household.id)).size;
  const refresh = async () => {
    setRefreshing(true);
    try {
      await offline.download();
    } catch (error) {
      notifyError(error);
    } finally {
      setRefreshing(false);
    }
  };
  return (
    <Paper withBorder p="sm" radius="md" data-testid="offline-list-bar">
      <Group justify="space-between" gap="xs">
        <Text size="sm" data-testid="offline-list-info">
          {t('offline.listInfo', { families: formatNumber(families), when: formatDateTime(currentLang(), info.generatedAt) })}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => void refresh()} loading={refreshing} data-testid="offline-refresh">{t('offline.refresh')}</Button>
          <Button size="xs" variant="default" onClick={offline.lock} data-testid="offline-lock">{t('offline.lock')}</Button>
        </Group>
      </Group>
    </Paper>
  );
}

function OpenDesk({ point, offline }: { point: Point; offline: OfflinePoint }) {
  const { t } = useTranslation();
  const [family, setFamily] = useState<DeskFamily | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [saving, setSaving] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);
  if (offline.state.status !== 'open') return null;
  const { list, entries } = offline.state;

  const next = () => {
    setFamily(null);
    setOutcome(null);
    window.setTimeout(() => tokenRef.current?.focus());
  };
  const show = (items: ReturnType<typeof itemsForCard>) => {
    const f = fromList(items, entries, point);
    setFamily(f);
    const v = verdict(f);
    setOutcome(v.kind === 'already'
      ? { kind: 'already', at: v.entitlement.collected?.at ?? '', where: v.entitlement.collected?.where ?? '' }
      : v.kind === 'not_entitled' ? { kind: 'not_entitled' } : null);
  };
  const onToken = async (token: string) => {
    setFamily(null);
    const check = await verifyCardToken(token, list.keys, todayIso());
    if (!check.ok) return setOutcome({ kind: 'card', problem: check.reason });
    const items = itemsForCard(list, check.cardId);
    if (!items.length) return setOutcome({ kind: 'not_entitled', message: t('offline.notOnList') });
    show(items);
  };
  const collect = async (entitlementId: string, collector: Collector) => {
    const item = list.items.find((i) => i.entitlementId === entitlementId)!;
    setSaving(true);
    try {
      const entry = await offline.record(item, collector);
      setOutcome({ kind: 'collected', contents: item.contents, at: entry.redemption.redeemedAt, collector: collector.collectorName, offline: true });
      setFamily(fromList(itemsForHousehold(list, item.household.id), [entry, ...entries], point));
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  const v = family ? verdict(family) : null;
  return (
    <Stack gap="md">
      <ListBar offline={offline} />
      {!family && !outcome && (
        <FindBar
          tokenRef={tokenRef}
          searchKey={`offline-${point.id}-${list.generatedAt}`}
          search={async (q) => searchList(list, q)}
          onToken={(token) => void onToken(token)}
          onFamily={(id) => show(itemsForHousehold(list, id))}
        />
      )}
      {outcome && <OutcomePanel outcome={outcome} onNext={next} />}
      {family && (
        <>
          <HeadCheck family={family} />
          <EntitlementList entitlements={family.entitlements} />
          {!outcome && v?.kind === 'collect' && <CollectForm available={v.available} onCollect={collect} onCancel={next} busy={saving} />}
        </>
      )}
      <OutboxPanel offline={offline} />
    </Stack>
  );
}
