import { v7 as uuidv7 } from 'uuid';
import type { Candidate } from '#domain/dedup/api';
import type { Household, HouseholdInput, HouseholdQuery, HouseholdUpdate } from '#domain/registry/household';
import type { DisplacementStatus } from '#domain/movement/timeline';
import { formatRegistrationNumber } from '#domain/registry/registration-number';
import { householdSearchText, searchTerms } from '#domain/registry/search-terms';
import { diffRecords } from '#domain/registry/diff';
import { isWithheldPath, restrictedView } from '#domain/registry/restricted';
import { governorateOf } from '#domain/places/pcode';
import type { Actor, Ctx } from '../context.ts';
import { Problem, invalidField, notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit, inTransaction, type Trx } from '../shared/tx.ts';
import { registryHooks } from './hooks.ts';
import { assertCanWrite, readAccess } from './policy.ts';
import { hasSensitive, sensitiveState, toStoredMembers, visibleMembers } from './members.ts';
import { checkAgainstData, sensitiveCodes } from './validation.ts';
import * as store from './store.ts';
import { registeredState, syncTimelines } from './timeline.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The household as this actor may see it; with no actor, as anyone may (no sensitive codes). */
export function present(ctx: Ctx, actor: Actor | null, r: store.HouseholdRecord): Household {
  return {
    id: r.id, registrationNumber: r.registrationNumber, registrationNumbers: [r.registrationNumber, ...(r.mergedNumbers ?? [])],
    registry: r.registry, registries: [r.registry, ...(r.alsoRegistries ?? [])], mergedInto: r.mergedInto ?? null,
    origin: { pcode: r.originPcode, place: r.originPlace }, displacedOn: r.displacedOn,
    current: { pcode: r.currentPcode, siteId: r.currentSiteId, address: r.currentAddress }, shelter: r.shelter,
    phone: r.phone, legalBasis: r.legalBasis, consent: r.consent, notes: r.notes, status: r.status, size: r.size,
    version: r.version, members: visibleMembers(ctx, actor, r.members),
    registeredOn: r.registeredOn, displacement: { status: r.displacementStatus as DisplacementStatus, since: r.statusSince, movementId: r.lastMovementId },
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

type RecordBase = Pick<store.HouseholdRecord, 'id' | 'registryOrganizationId' | 'registry' | 'registrationNumber' | 'status' | 'version' | 'createdAt' | 'registeredOn'>
  & Partial<Pick<store.HouseholdRecord, 'mergedNumbers' | 'registered' | 'lastMovementId' | 'displacementStatus' | 'statusSince'>>;

/**
 * The stored form of a household as registered, imported or edited (members sealed as the actor
 * may). Its place is where it was registered, unless movements have taken it on since: then the
 * registration stays as it was and the place is the one the movements give (edits cannot change it).
 */
export function buildRecord(ctx: Ctx, actor: Actor, base: RecordBase,
  input: Omit<HouseholdInput, 'id' | 'registeredOn'>, sensitive: Set<string>, previous: store.StoredMember[] = []): store.HouseholdRecord {
  const members = toStoredMembers(ctx, actor, input.members, sensitive, previous);
  const moved = Boolean(base.lastMovementId);
  const registered = moved && base.registered ? base.registered
    : { pcode: input.current.pcode, siteId: input.current.siteId ?? null, address: input.current.address ?? null, shelter: input.shelter };
  const record = {
    ...base, originPcode: input.origin.pcode, originPlace: input.origin.place ?? null, displacedOn: input.displacedOn ?? null,
    currentPcode: input.current.pcode, currentSiteId: input.current.siteId ?? null, currentAddress: input.current.address ?? null,
    shelter: input.shelter, phone: input.phone ?? null, legalBasis: input.legalBasis, consent: input.consent,
    notes: input.notes ?? null, size: members.length, members, updatedAt: new Date(), registered,
    searchText: householdSearchText({ registrationNumbers: [base.registrationNumber, ...(base.mergedNumbers ?? [])], phone: input.phone ?? null, members }),
  };
  if (moved) return { ...record, displacementStatus: base.displacementStatus!, statusSince: base.statusSince ?? null, lastMovementId: base.lastMovementId! };
  return { ...record, ...registeredState(record) };
}

/** True when an edit would move a household whose place its movements give (refused: record a movement). */
function movesAgainstTimeline(current: store.HouseholdRecord, input: HouseholdUpdate): boolean {
  if (!current.lastMovementId) return false;
  return input.current.pcode !== current.currentPcode || (input.current.siteId ?? null) !== current.currentSiteId
    || (input.current.address ?? null) !== current.currentAddress || input.shelter !== current.shelter;
}

/**
 * What the history keeps of a version, whoever made it: everything but sensitive codes (the
 * history is readable by every reader of the household), members keyed by id.
 */
export function historyView(ctx: Ctx, r: store.HouseholdRecord) {
  const { version: _v, updatedAt: _u, createdAt: _c, members, ...rest } = present(ctx, null, r);
  return { ...rest, members: Object.fromEntries(members.map(({ id, ...m }) => [id, m])) };
}

/** A registered household with the existing families it may duplicate (queued for review). */
export type Registered = Household & { possibleDuplicates: Candidate[] };

/**
 * Registers a household and its members in the actor's organisation's registry, with a new
 * registration number, and answers with its possible duplicates. With an Idempotency-Key a replay
 * returns the first response.
 */
export async function registerHousehold(ctx: Ctx, actor: Actor, input: HouseholdInput, idempotencyKey?: string) {
  requirePermission(actor, 'households.write');
  if (input.registry && input.registry !== actor.organizationCode) {
    throw new Problem(403, 'problem.forbidden', { errors: [{ path: 'registry', key: 'registry.not_yours' }] });
  }
  await checkAgainstData(ctx.db.kysely, actor, input);
  const sensitive = await sensitiveCodes(ctx.db.kysely);
  let written = null as store.HouseholdRecord | null;
  const result = await idempotent<Registered>(ctx, actor, idempotencyKey, 'POST /api/households', input, async (trx) => {
    const id = input.id ?? uuidv7();
    if (input.id && (await store.getHousehold(trx, id))) throw new Problem(409, 'problem.conflict');
    const seq = await store.nextRegistrationSeq(trx, actor.organizationCode, governorateOf(input.current.pcode));
    const registrationNumber = formatRegistrationNumber(actor.organizationCode, input.current.pcode, seq);
    const record = buildRecord(ctx, actor, {
      id, registryOrganizationId: actor.organizationId, registry: actor.organizationCode, registrationNumber,
      status: 'active', version: 1, createdAt: new Date(), registeredOn: input.registeredOn ?? today(),
    }, input, sensitive);
    await store.insertHousehold(trx, record, actor.userId);
    const [stored] = await syncTimelines(trx, [(await store.getHousehold(trx, id))!], true);
    await store.insertHistory(trx, { householdId: id, version: 1, action: 'create', changes: diffRecords({}, historyView(ctx, stored)), actorId: actor.userId });
    await audit(trx, actor, 'household.create', 'household', id, { registrationNumber, size: record.size, sensitive: hasSensitive(record.members) });
    const possibleDuplicates = await registryHooks(ctx).possibleDuplicates?.(trx, actor, stored, input.duplicateReason || null) ?? [];
    written = stored;
    return { status: 201, body: { ...present(ctx, actor, stored), possibleDuplicates } };
  });
  if (written) registryHooks(ctx).committed?.([written]);
  return result;
}

/**
 * A household the actor may read (404 otherwise) and how. A read from another registry is
 * audited with that registry, whatever part of the household is read.
 */
export async function readableHousehold(ctx: Ctx, actor: Actor, id: string, part: 'household' | 'history' | 'movements') {
  const record = await store.getHousehold(ctx.db.kysely, id);
  if (!record) throw notFound();
  const access = await readAccess(actor, record, async () => (await registryHooks(ctx).sharedRegistries?.(actor)) ?? []);
  if (access === 'shared') {
    await inTransaction(ctx, (trx) => audit(trx, actor, 'household.read_shared', 'household', id, { registry: record.registry, part }));
  }
  return { record, access };
}

/**
 * One household, if the actor may see it (404 otherwise); reading sensitive codes is audited.
 * From another registry it is minimised (`restrictedView`): no phone, notes, documents or specific needs.
 */
export async function getHousehold(ctx: Ctx, actor: Actor, id: string): Promise<Household> {
  const { record, access } = await readableHousehold(ctx, actor, id, 'household');
  if (access === 'shared') return restrictedView(present(ctx, null, record));
  if (hasSensitive(record.members) && actor.permissions.has('protection.read')) {
    await inTransaction(ctx, (trx) => audit(trx, actor, 'household.read_sensitive', 'household', id));
  }
  return present(ctx, actor, record);
}

/** Search in the actor's registry and scope by name (any script), document, phone or number. */
export async function searchHouseholds(ctx: Ctx, actor: Actor, query: HouseholdQuery) {
  requirePermission(actor, 'households.read');
  const page = { page: query.page, pageSize: query.pageSize };
  if (query.registry && query.registry !== actor.organizationCode) return { items: [], total: 0, ...page };
  const result = await store.searchHouseholds(ctx.db.kysely, {
    organizationId: actor.organizationId, organizationCode: actor.organizationCode, scope: actor.scope, terms: searchTerms(query.q ?? ''), area: query.area, site: query.site, ...page,
  });
  return { ...result, ...page };
}

/**
 * Edits a household at the version the clerk read. A stale version is a 409 carrying the current
 * record; the change and who made it go to the history and the audit log.
 */
export async function updateHousehold(ctx: Ctx, actor: Actor, id: string, input: HouseholdUpdate) {
  const current = await store.getHousehold(ctx.db.kysely, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current);
  if (current.status === 'merged') throw new Problem(409, 'problem.household_merged', { extra: { mergedInto: current.mergedInto ?? null } });
  if (input.registry && input.registry !== current.registry) throw invalidField('registry', 'registry.not_yours');
  const stale = () => new Problem(409, 'problem.conflict_version', { extra: { current: present(ctx, actor, current) } });
  if (input.version !== current.version) throw stale();
  if (movesAgainstTimeline(current, input)) throw invalidField('current.pcode', 'current.follows_movements');
  await checkAgainstData(ctx.db.kysely, actor, input);
  const ids = input.members.map((m) => m.id).filter((m): m is string => Boolean(m));
  if ((await store.membersElsewhere(ctx.db.kysely, id, ids)).length) throw invalidField('members', 'members.unknown');
  const sensitive = await sensitiveCodes(ctx.db.kysely);
  const updated = await inTransaction(ctx, async (trx: Trx) => {
    const next = buildRecord(ctx, actor, { ...current, version: current.version + 1 }, input, sensitive, current.members);
    if (!(await store.updateHousehold(trx, next, input.version, actor.userId))) throw stale();
    const [stored] = await syncTimelines(trx, [(await store.getHousehold(trx, id))!]);
    const changes = diffRecords(historyView(ctx, current), historyView(ctx, stored));
    await store.insertHistory(trx, { householdId: id, version: stored.version, action: 'update', changes, actorId: actor.userId });
    const sensitiveChanged = sensitiveState(ctx, current.members) !== sensitiveState(ctx, stored.members);
    await audit(trx, actor, 'household.update', 'household', id, { version: stored.version, paths: changes.map((c) => c.path), sensitiveChanged });
    return stored;
  });
  registryHooks(ctx).committed?.([updated]);
  return present(ctx, actor, updated);
}

/** Who changed what, when: newest first; read from another registry, without the withheld fields. */
export async function householdHistory(ctx: Ctx, actor: Actor, id: string) {
  const { access } = await readableHousehold(ctx, actor, id, 'history');
  const rows = await store.history(ctx.db.kysely, id);
  return rows.map((r) => {
    const changes = (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as { path: string; from: unknown; to: unknown }[];
    return {
      version: r.version, at: new Date(r.at).toISOString(), action: r.action,
      actor: { id: r.actor_id ?? null, username: r.username ?? null },
      changes: access === 'shared' ? changes.filter((c) => !isWithheldPath(c.path)) : changes,
    };
  });
}
