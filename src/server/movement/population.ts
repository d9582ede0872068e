import type { Executor } from '../audit/store.ts';
import { siteCounts } from './stays-store.ts';

/** Displaced families and people the registry has at each of these sites now (zero where none). */
export async function sitePopulations(db: Executor, siteIds: readonly string[]) {
  const counts = await siteCounts(db, siteIds);
  return new Map(siteIds.map((id) => [id, counts.get(id) ?? { families: 0, individuals: 0 }]));
}
