import type { HouseholdInput } from '#domain/registry/household';
import type { RowError } from '#domain/registry/csv-format';
import { inScope } from '#domain/places/pcode';
import type { Actor, Ctx } from '../context.ts';
import { can, requirePermission } from '../identity/policy.ts';
import { existingSiteIds, needSensitivity, shelterCodes, unknownPcodes } from '../places/service.ts';
import * as bulk from './bulk-store.ts';

/** A household read from a file: its reference there, its file rows (one per member, in order), the input. */
export interface ImportHousehold { ref: string; rows: number[]; input: HouseholdInput }

/** A problem with one household of a file, at its row and column; `message` is an error-catalogue key. */
export interface ImportError extends RowError { ref: string }

/** What a file is checked against, read once for the whole file. */
interface Reference {
  unknownPcodes: Set<string>;
  sites: Set<string>;
  shelters: Set<string>;
  needs: Map<string, boolean>;
  takenIds: Set<string>;
}

async function loadReference(ctx: Ctx, households: ImportHousehold[]): Promise<Reference> {
  const db = ctx.db.kysely;
  const pcodes = new Set<string>();
  const sites = new Set<string>();
  const ids: string[] = [];
  const memberIds: string[] = [];
  for (const { input } of households) {
    pcodes.add(input.origin.pcode).add(input.current.pcode);
    if (input.current.siteId) sites.add(input.current.siteId);
    if (input.id) ids.push(input.id);
    for (const m of input.members) if (m.id) memberIds.push(m.id);
  }
  const [unknown, existingSites, shelters, needs, takenIds] = await Promise.all([
    unknownPcodes(db, [...pcodes]), existingSiteIds(db, [...sites]), shelterCodes(db),
    needSensitivity(db), bulk.takenIds(db, ids, memberIds),
  ]);
  return { unknownPcodes: new Set(unknown), sites: existingSites, shelters, needs, takenIds };
}

/** The file row of member `i`, and of the household-level values (the head's row). */
function rowsOf(h: ImportHousehold) {
  const head = Math.max(0, h.input.members.findIndex((m) => m.relationship === 'head'));
  const member = (i: number) => h.rows[i] ?? h.rows[0] ?? 0;
  return { head: member(head), member };
}

function placeErrors(h: ImportHousehold, actor: Actor, ref: Reference, add: (row: number, column: string, key: string) => void, row: number) {
  const { input } = h;
  if (input.registry && input.registry !== actor.organizationCode) add(row, 'registry', 'registry.not_yours');
  if (ref.unknownPcodes.has(input.origin.pcode)) add(row, 'origin_pcode', 'pcode.unknown');
  if (ref.unknownPcodes.has(input.current.pcode)) add(row, 'current_pcode', 'pcode.unknown');
  else if (!inScope(input.current.pcode, actor.scope)) add(row, 'current_pcode', 'scope.outside');
  if (input.current.siteId && !ref.sites.has(input.current.siteId)) add(row, 'site_id', 'site.unknown');
  if (!ref.shelters.has(input.shelter)) add(row, 'shelter', 'shelter.unknown');
  if (input.id && ref.takenIds.has(input.id)) add(row, 'household_ref', 'problem.conflict');
}

function memberErrors(h: ImportHousehold, actor: Actor, ref: Reference, add: (row: number, column: string, key: string) => void) {
  const { member } = rowsOf(h);
  h.input.members.forEach((m, i) => {
    if (m.id && ref.takenIds.has(m.id)) add(member(i), 'household_ref', 'problem.conflict');
    for (const code of m.specificNeeds) {
      if (!ref.needs.has(code)) add(member(i), 'specific_needs', 'need.unknown');
      else if (ref.needs.get(code) && !can(actor, 'protection.write')) add(member(i), 'specific_needs', 'problem.forbidden');
    }
  });
}

/**
 * Checks a whole file against the data, as registration does one household: P-codes and sites
 * exist, the place is in the actor's scope, shelter and specific-needs codes are in the configured
 * lists, sensitive codes need a protection role, the registry is the actor's. One query per kind
 * for the whole file. Returns the households without problems and every problem at its row
 * (403 without the import permission).
 */
export async function validateForImport(ctx: Ctx, actor: Actor, households: ImportHousehold[]): Promise<{ valid: ImportHousehold[]; errors: ImportError[] }> {
  requirePermission(actor, 'households.import');
  const ref = await loadReference(ctx, households);
  const valid: ImportHousehold[] = [];
  const errors: ImportError[] = [];
  for (const h of households) {
    const before = errors.length;
    const add = (row: number, column: string, message: string) => {
      if (!errors.slice(before).some((e) => e.row === row && e.column === column && e.message === message)) {
        errors.push({ ref: h.ref, row, column, message });
      }
    };
    placeErrors(h, actor, ref, add, rowsOf(h).head);
    memberErrors(h, actor, ref, add);
    if (errors.length === before) valid.push(h);
  }
  errors.sort((a, b) => a.row - b.row);
  return { valid, errors };
}
