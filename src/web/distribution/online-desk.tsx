import { useRef, useState } from 'react';
import { Stack } from '@mantine/core';
import type { Card, Lookup } from '#domain/assistance/distribution';
import type { HouseholdSummary } from '#domain/registry/household';
import { api, ApiError, query } from '#web/api/client.ts';
import type { Page } from '#web/api/types.ts';
import { PageLoader } from '#web/components/states.tsx';
import { i18next } from '#web/i18n/index.ts';
import { problemMessage } from '#web/lib/problems.ts';
import { uuidv7 } from '#web/lib/uuid.ts';
import { firstRedemption, lookupByHousehold, lookupByToken, problemCode, redeem, type Point } from './api.ts';
import { fromLookup, verdict, type DeskFamily } from './desk-model.ts';
import { CollectForm, EntitlementList, HeadCheck } from './family-view.tsx';
import { FindBar, type FamilyHit } from './find-bar.tsx';
import type { Collector } from './offline/use-offline-point.ts';
import { OutcomePanel, type Outcome } from './outcome.tsx';

const CARD_PROBLEMS = ['card.forged', 'card.unknown', 'card.revoked', 'card.expired', 'card.none'] as const;
const NOT_HERE = ['entitlement.none', 'entitlement.not_here', 'entitlement.cancelled', 'entitlement.round_closed', 'point.closed'] as const;

/** A refusal from the server as the point shows it: already collected, a bad card, nothing here, or why else. */
export function outcomeOfError(error: unknown): Outcome {
  const first = firstRedemption(error);
  if (first) return { kind: 'already', at: first.redeemedAt, where: first.point.name };
  const detail = error instanceof ApiError ? error.problem.detail : undefined;
  const card = problemCode(error, CARD_PROBLEMS);
  if (card) return { kind: 'card', problem: card.slice(5) as Extract<Outcome, { kind: 'card' }>['problem'], message: detail };
  if (problemCode(error, NOT_HERE)) return { kind: 'not_entitled', message: detail };
  const lines = error instanceof ApiError ? error.fieldErrors.map((f) => f.message) : [];
  const insufficient = problemCode(error, ['stock.insufficient']);
  return {
    kind: 'error',
    title: insufficient ? i18next.t('distribution.stockShort') : i18next.t('common.errorTitle'),
    message: problemMessage(error),
    lines: lines.length ? lines : undefined,
  };
}

async function searchRegistry(q: string, signal?: AbortSignal): Promise<FamilyHit[]> {
  const page = await api<Page<HouseholdSummary>>(`/api/households${query({ q, pageSize: 10 })}`, { signal });
  return page.items;
}

interface Shown {
  family: DeskFamily;
  card: Card | null;
  token: string | null;
}

/** The point working online: every check and every collection goes to the server, which decides once. */
export function OnlineDesk({ point }: { point: Point }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);

  const next = () => {
    setShown(null);
    setOutcome(null);
    window.setTimeout(() => tokenRef.current?.focus());
  };

  const show = async (load: () => Promise<Lookup>, token: string | null) => {
    setShown(null);
    setOutcome(null);
    setLoading(true);
    try {
      const lookup = await load();
      const family = fromLookup(lookup, point.id);
      setShown({ family, card: lookup.card, token });
      const v = verdict(family);
      if (v.kind === 'already') setOutcome({ kind: 'already', at: v.entitlement.collected!.at, where: v.entitlement.collected!.where });
      if (v.kind === 'not_entitled') setOutcome({ kind: 'not_entitled' });
    } catch (error) {
      setOutcome(outcomeOfError(error));
    } finally {
      setLoading(false);
    }
  };

  const collect = async (entitlementId: string, collector: Collector) => {
    if (!shown) return;
    const available = verdict(shown.family);
    // A scanned card is sent as the card (the server records the scan); a searched family by its entitlement.
    const byCard = shown.token && available.kind === 'collect' && available.available.length === 1;
    setSaving(true);
    try {
      const body = byCard ? { token: shown.token!, pointId: point.id, ...collector } : { entitlementId, pointId: point.id, ...collector };
      const result = await redeem(body, uuidv7());
      setOutcome({ kind: 'collected', contents: result.entitlement.contents, at: result.redemption.redeemedAt, collector: collector.collectorName, offline: false });
      const collected = { at: result.redemption.redeemedAt, where: result.redemption.point.name };
      setShown({
        ...shown,
        family: { ...shown.family, entitlements: shown.family.entitlements.map((e) => (e.id === result.entitlement.id ? { ...e, state: 'collected', collected } : e)) },
      });
    } catch (error) {
      setOutcome(outcomeOfError(error));
    } finally {
      setSaving(false);
    }
  };

  const v = shown ? verdict(shown.family) : null;
  return (
    <Stack gap="md">
      {!shown && !outcome && (
        <FindBar
          tokenRef={tokenRef}
          searchKey="online"
          search={searchRegistry}
          onToken={(token) => void show(() => lookupByToken(point.id, token), token)}
          onFamily={(id) => void show(() => lookupByHousehold(point.id, id), null)}
        />
      )}
      {loading && <PageLoader />}
      {outcome && <OutcomePanel outcome={outcome} onNext={next} />}
      {shown && (
        <>
          <HeadCheck family={shown.family} card={shown.card} />
          <EntitlementList entitlements={shown.family.entitlements} />
          {!outcome && v?.kind === 'collect' && <CollectForm available={v.available} onCollect={collect} onCancel={next} busy={saving} />}
        </>
      )}
    </Stack>
  );
}
