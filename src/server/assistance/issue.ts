import { stockNeeded } from '#domain/assistance/catalogue';
import { entitlementFor, formulaTotals } from '#domain/assistance/formula';
import type { DistributionRound, EntitlementQuery, IssuedEntitlement, RoundPreview, RoundPreviewInput } from '#domain/assistance/rounds';
import type { Actor, Ctx } from '../context.ts';
import type { Executor } from '../audit/store.ts';
import { requirePermission } from '../identity/policy.ts';
import { areaNames } from '../places/service.ts';
import { entitledHouseholds } from '../registry/entitled.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import { assertAt } from './approval.ts';
import { allItems, roundWeights } from './catalogue.ts';
import * as store from './entitlement-store.ts';
import { assertCanManage, assertCanRead } from './policy.ts';
import { moveRound, roundPoints, type RoundRecord } from './round-store.ts';
import { editedDraft, roundOf, shownRound } from './rounds.ts';
import type { TargetFrame } from './targeting-sql.ts';

/**
 * What targeting needs of a round: its programme's organisation, sector and areas, its rules, and
 * the weights of its score (a draft's are today's; a submitted round's, those kept at the submit).
 */
async function frameOf(db: Executor, round: RoundRecord): Promise<TargetFrame> {
  return {
    roundId: round.id, organizationId: round.programme.organizationId, organizationCode: round.programme.organizationCode,
    sector: round.programme.sector, programmeAreas: round.programme.areas, startsOn: round.startsOn, endsOn: round.endsOn,
    rules: round.rules, weights: await roundWeights(db, round),
  };
}

type Tally = { households: number; people: number };
const add = (m: Map<string, Tally>, key: string, households: number, people: number) => {
  const t = m.get(key) ?? { households: 0, people: 0 };
  m.set(key, { households: t.households + households, people: t.people + households * people });
};

/**
 * What the round would target now, by governorate and district, and the totals of each line of
 * its formula: one aggregate query, nothing created. Households the formula gives nothing (their
 * size in no band) are counted apart; they would not be issued. With `edits` (any field), the
 * draft as it would be with them (the editor's unsaved changes), checked as an update: only a
 * draft, only for its managers.
 */
export async function previewRound(ctx: Ctx, actor: Actor, id: string, edits: RoundPreviewInput = {}): Promise<RoundPreview> {
  assertCanRead(actor);
  const db = ctx.db.kysely;
  const stored = await roundOf(db, actor, id);
  const round = Object.keys(edits).length > 0 ? await editedDraft(db, actor, stored, edits) : stored;
  const counts = await store.countTargets(db, await frameOf(db, round));
  const byPeople = new Map<number, number>();
  const governorates = new Map<string, Tally>();
  const districts = new Map<string, Tally>();
  const result = { households: 0, people: 0, notEntitled: 0, excluded: { servedInSector: 0, openDuplicates: 0 } };
  for (const c of counts) {
    result.excluded.openDuplicates += c.openDuplicates;
    result.excluded.servedInSector += c.servedInSector;
    if (c.eligible === 0) continue;
    if (entitlementFor(round.formula, c.people).length === 0) { result.notEntitled += c.eligible; continue; }
    result.households += c.eligible;
    result.people += c.eligible * c.people;
    byPeople.set(c.people, (byPeople.get(c.people) ?? 0) + c.eligible);
    add(governorates, c.district.slice(0, 5), c.eligible, c.people);
    if (c.district.length === 8) add(districts, c.district, c.eligible, c.people);
  }
  // Every entry, active or not: an entry deactivated after the round was submitted is still handed out by it.
  const [items, names] = await Promise.all([allItems(db), areaNames(db, [...governorates.keys(), ...districts.keys()])]);
  const named = (pcode: string, t: Tally) => {
    const a = names.get(pcode);
    return { pcode, name: a?.nameEn ?? pcode, nameAr: a?.nameAr ?? null, nameCkb: a?.nameCkb ?? null, ...t };
  };
  const lines = formulaTotals(round.formula, byPeople);
  return {
    ...result,
    governorates: [...governorates].sort(([a], [b]) => a.localeCompare(b)).map(([g, t]) => ({
      ...named(g, t), districts: [...districts].filter(([d]) => d.startsWith(g)).sort(([a], [b]) => a.localeCompare(b)).map(([d, dt]) => named(d, dt)),
    })),
    lines: lines.map((l) => ({ ...l, kind: items.get(l.code)?.kind ?? 'item', unit: items.get(l.code)?.unit ?? '' })),
    stock: stockNeeded(lines, items),
  };
}

/**
 * Issues the entitlements of the approved round as read (`assistance.manage`), in one
 * transaction and one set-based statement, and records who issued them and how many households
 * and people were targeted. Once only: issuing again, or concurrently (the round is locked), is
 * a 409 with the round as issued.
 */
export async function issueEntitlements(ctx: Ctx, actor: Actor, roundId: string, version: number): Promise<{ round: DistributionRound; created: number }> {
  assertCanManage(actor);
  return inTransaction(ctx, async (trx) => {
    const round = await roundOf(trx, actor, roundId, true);
    await assertAt(trx, round, 'approved', version, 'issued');
    const points = (await roundPoints(trx, [roundId])).get(roundId)!;
    const created = await store.insertEntitlements(trx, await frameOf(trx, round), round.formula, points.length > 0);
    const totals = await store.roundTotals(trx, roundId);
    await moveRound(trx, roundId, 'approved', round.version, { to: 'issued', by: actor.userId, ...totals });
    await audit(trx, actor, 'distribution_round.issue', 'distribution_round', roundId, { created, ...totals });
    return { round: await shownRound(trx, roundId), created };
  });
}

/**
 * A round's entitlements, a page at a time, by area, point and status, with the household's
 * registration number and head (`assistance.read` and `households.read`), inside the reader's scope.
 */
export async function roundEntitlements(ctx: Ctx, actor: Actor, roundId: string, query: EntitlementQuery) {
  assertCanRead(actor);
  requirePermission(actor, 'households.read');
  const db = ctx.db.kysely;
  await roundOf(db, actor, roundId);
  const { items, total } = await store.listEntitlements(db, roundId, actor.scope, query);
  const households = await entitledHouseholds(db, items.map((e) => e.householdId));
  const shown: IssuedEntitlement[] = items.map(({ householdId, ...e }) => {
    const h = households.get(householdId);
    return { ...e, household: { id: householdId, registrationNumber: h?.registrationNumber ?? '', headName: h?.headName ?? '', size: h?.size ?? 0, currentPcode: h?.currentPcode ?? '' } };
  });
  return { items: shown, total, page: query.page, pageSize: query.pageSize };
}
