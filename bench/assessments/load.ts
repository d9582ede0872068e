/**
 * Synthetic DTM data for benchmarks: `locations` locations spread over Iraq's districts and
 * `rounds` monthly rounds (January 2015 on), each assessing every location with breakdowns by
 * origin, wave and shelter and a key informant, loaded the way a data manager does it (the master
 * list imported into each round, then the round closed).
 */
import { IRAQ_AREAS } from '../../src/domain/places/iraq-areas.ts';
import { exportColumns, exportHeader } from '../../src/domain/movement/master-list-columns.ts';
import { masterListRow, type MasterListRecord } from '../../src/domain/movement/master-list.ts';
import type { Actor, Ctx } from '../../src/server/context.ts';
import { importMasterList } from '../../src/server/assessments/master-list.ts';
import { closeRound, createRound } from '../../src/server/assessments/rounds.ts';
import { loadLists } from '../../src/server/assessments/validation.ts';

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shares `total` out over `codes` at random (whole families, adding up). */
function share(total: number, codes: readonly string[], next: () => number): Record<string, number> {
  const weights = codes.map(() => next() ** 3);
  const sum = weights.reduce((n, w) => n + w, 0) || 1;
  const shares: Record<string, number> = {};
  let left = total;
  codes.forEach((code, i) => {
    const n = i === codes.length - 1 ? left : Math.min(left, Math.floor((total * weights[i]) / sum));
    if (n > 0) shares[code] = n;
    left -= n;
  });
  return shares;
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** Loads the rounds; returns how many assessments were written. */
export async function loadAssessments(ctx: Ctx, actor: Actor, locations: number, rounds: number, seed: number): Promise<number> {
  const next = random(seed);
  const districts = IRAQ_AREAS.filter((a) => a.level === 2).map((a) => a.pcode);
  const lists = await loadLists(ctx);
  const columns = exportColumns(lists, { informants: true });
  const places = Array.from({ length: locations }, (_, i) => ({
    code: `DTM-${String(i + 1).padStart(5, '0')}`, pcode: districts[Math.floor(next() * districts.length)], size: 5 + Math.floor(next() ** 2 * 800),
  }));
  const existing = await ctx.db.kysely.selectFrom('assessment_rounds').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst();
  const first = Number(existing?.n ?? 0) + 1;
  let written = 0;
  for (let r = 0; r < rounds; r++) {
    const year = 2015 + Math.floor(r / 12);
    const month = (r % 12) + 1;
    const startsOn = `${year}-${String(month).padStart(2, '0')}-01`;
    const endsOn = lastDay(year, month);
    const round = (await createRound(ctx, actor, { number: first + r, name: null, startsOn, endsOn, reportedOn: endsOn })).body;
    const rows = places.map((p) => {
      const families = Math.max(0, Math.round(p.size * (0.6 + next() * 0.8)));
      const record: MasterListRecord = {
        roundNumber: round.number, reportedOn: endsOn, areas: { 1: { pcode: p.pcode.slice(0, 5), name: '' }, 2: { pcode: p.pcode, name: '' } },
        location: { code: p.code, name: `Location ${p.code}`, nameAr: null, nameCkb: null, kind: 'village', pcode: p.pcode, latitude: null, longitude: null },
        assessment: {
          assessedOn: `${startsOn.slice(0, 8)}${String(1 + Math.floor(next() * 27)).padStart(2, '0')}`, idpFamilies: families,
          idpIndividuals: next() < 0.5 ? families * 6 + Math.floor(next() * families) : 0, idpIndividualsEstimated: false,
          returneeFamilies: Math.floor(next() * 40), returneeIndividuals: 0, returneeIndividualsEstimated: true,
          byOrigin: share(families, lists.governorates, next), byWave: share(families, lists.waves, next), byShelter: share(families, lists.shelters, next),
          priorityNeeds: ['food', 'shelter', 'health'].slice(0, 1 + Math.floor(next() * 3)),
          keyInformant: { name: 'Mukhtar', role: 'mukhtar', phone: '+9647501234567' }, notes: null,
        },
      };
      if (record.assessment.idpIndividuals === 0) record.assessment.idpIndividualsEstimated = true;
      return masterListRow(columns, record);
    });
    // Individuals left blank where the file marks them estimated.
    const estimatedAt = columns.findIndex((c) => c.key === 'idp_individuals_estimated');
    const individualsAt = columns.findIndex((c) => c.key === 'idp_individuals');
    for (const row of rows) if (row[estimatedAt] === 'yes') row[individualsAt] = '';
    const summary = await importMasterList(ctx, actor, round.id, [...exportHeader(columns), ...rows], { file: `bench-round-${round.number}.csv` });
    await closeRound(ctx, actor, round.id);
    written += summary.rows;
  }
  return written;
}
