import { sql } from 'kysely';
import type { Executor } from '../audit/store.ts';

/**
 * The registry's part at a distribution point and on a household card: what lets an officer
 * recognise the family (the head's name as written, sex, birth date, the household's size and
 * number), nothing more: no documents, phone, needs or notes. The distribution capability decides
 * who may see it (through the programmes of the officer's organisation).
 */
export interface EntitledHousehold {
  id: string; registrationNumber: string; registry: string; headName: string; headSex: string; headBirthDate: string | null;
  size: number; currentPcode: string; status: string; mergedInto: string | null;
}

export async function entitledHouseholds(db: Executor, ids: readonly string[]): Promise<Map<string, EntitledHousehold>> {
  const result = new Map<string, EntitledHousehold>();
  for (let i = 0; i < ids.length; i += 5000) {
    const slice = ids.slice(i, i + 5000);
    const rows = await sql<any>`select h.id, h.registration_number, o.code as registry, h.size, h.current_pcode, h.status, h.merged_into,
        concat_ws(' ', i.given_name, i.father_name, i.grandfather_name, i.family_name) as head_name, i.sex, i.birth_date
      from households h join organizations o on o.id = h.registry_organization_id
      left join individuals i on i.household_id = h.id and i.relationship = 'head'
      where h.id in (${sql.join(slice)})`.execute(db);
    for (const r of rows.rows) {
      result.set(r.id, {
        id: r.id, registrationNumber: r.registration_number, registry: r.registry, headName: r.head_name ?? '', headSex: r.sex ?? '',
        headBirthDate: r.birth_date ?? null, size: r.size, currentPcode: r.current_pcode, status: r.status, mergedInto: r.merged_into ?? null,
      });
    }
  }
  return result;
}
