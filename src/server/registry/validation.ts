import type { HouseholdInput } from '#domain/registry/household';
import { inScope } from '#domain/places/pcode';
import type { Actor } from '../context.ts';
import type { Executor } from '../audit/store.ts';
import { Problem, invalidFields, type FieldError } from '../http/problem.ts';
import { can } from '../identity/policy.ts';
import { existingSiteIds, needSensitivity, shelterCodes, unknownPcodes } from '../places/service.ts';

type Checked = Pick<HouseholdInput, 'origin' | 'current' | 'shelter' | 'members'>;

/** The codes that are sensitive in the configurable specific-needs list. */
export async function sensitiveCodes(db: Executor): Promise<Set<string>> {
  return new Set([...(await needSensitivity(db))].filter(([, sensitive]) => sensitive).map(([code]) => code));
}

/**
 * Checks what the schema cannot: P-codes and site exist, the place is in the actor's scope,
 * shelter and specific-needs codes are in the configured lists, sensitive codes need a protection role.
 */
export async function checkAgainstData(db: Executor, actor: Actor, h: Checked): Promise<void> {
  const errors: FieldError[] = [];
  const unknown = new Set(await unknownPcodes(db, [h.origin.pcode, h.current.pcode]));
  if (unknown.has(h.origin.pcode)) errors.push({ path: 'origin.pcode', key: 'pcode.unknown' });
  if (unknown.has(h.current.pcode)) errors.push({ path: 'current.pcode', key: 'pcode.unknown' });
  else if (!inScope(h.current.pcode, actor.scope)) errors.push({ path: 'current.pcode', key: 'scope.outside' });
  if (h.current.siteId && !(await existingSiteIds(db, [h.current.siteId])).has(h.current.siteId)) errors.push({ path: 'current.siteId', key: 'site.unknown' });
  if (!(await shelterCodes(db)).has(h.shelter)) errors.push({ path: 'shelter', key: 'shelter.unknown' });
  const known = await needSensitivity(db);
  let sensitiveUsed = false;
  h.members.forEach((m, i) => m.specificNeeds.forEach((code, j) => {
    if (!known.has(code)) errors.push({ path: `members.${i}.specificNeeds.${j}`, key: 'need.unknown' });
    else if (known.get(code)) sensitiveUsed = true;
  }));
  if (errors.length) throw invalidFields(errors);
  if (sensitiveUsed && !can(actor, 'protection.write')) throw new Problem(403, 'problem.forbidden');
}
