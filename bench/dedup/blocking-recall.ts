/**
 * Blocking recall on heads of household of the labelled synthetic registries (duplicates across
 * MoMD and BMD and inside each, in three scripts): the share of true duplicate pairs that the
 * blocking rules put into candidate pairs, the number of candidates and the time taken.
 *   npx tsx bench/dedup/blocking-recall.ts [--households 50000] [--seed 7]
 */
import { normalizePhone } from '../../src/domain/shared/phone.ts';
import { syntheticHouseholds } from '../../src/domain/demo/synthetic.ts';
import { preparePerson } from '../../src/domain/dedup/compare.ts';
import { IRAQI_NAMES } from '../../src/domain/dedup/iraqi-names.ts';
import { candidatePairs } from '../../src/domain/dedup/blocking.ts';
import { normalizeDocumentNumber } from '../../src/domain/registry/search-terms.ts';

const heads: ReturnType<typeof preparePerson>[] = [];
const refIndex = new Map<string, number>();
const truth: [number, number][] = [];
let dupes = 0;
const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] ?? fallback) || fallback;
const households = arg('households', 50000);
const seed = arg('seed', 7);
for (const h of syntheticHouseholds({ seed, households })) {
  const m = h.input.members.find((x) => x.relationship === 'head')!;
  const i = heads.length;
  heads.push(preparePerson({ id: h.ref, householdId: h.ref, registry: h.registry, sex: m.sex, birthDate: m.birthDate ?? null, phone: h.input.phone ? normalizePhone(h.input.phone) : null,
    documents: m.documents.map((d) => normalizeDocumentNumber(d.number)).sort(), originPcode: h.input.origin.pcode,
    names: { given: m.givenName, father: m.fatherName ?? null, grandfather: m.grandfatherName ?? null, family: m.familyName ?? null } }, IRAQI_NAMES));
  refIndex.set(h.ref, i);
  if (h.duplicateOf) { dupes++; const j = refIndex.get(h.duplicateOf); if (j !== undefined) truth.push([j, i]); }
}
const t0 = performance.now();
const result = candidatePairs(heads);
const ms = performance.now() - t0;
const found = new Set<number>();
for (let k = 0; k < result.pairs[0].length; k++) found.add(result.pairs[0][k] * 0x100000000 + result.pairs[1][k]);
const kept = truth.filter(([a, b]) => found.has(Math.min(a, b) * 0x100000000 + Math.max(a, b))).length;
console.log({ seed, heads: heads.length, truePairs: truth.length, kept, recall: (kept / truth.length).toFixed(4), candidates: result.pairs[0].length, skipped: result.skipped.length, ms: Math.round(ms) });
// A few missed pairs, to see which rule a corruption defeats.
const missed = truth.filter(([a, b]) => !found.has(Math.min(a, b) * 0x100000000 + Math.max(a, b))).slice(0, 10);
for (const [a, b] of missed) {
  const show = (p: typeof heads[number]) => `${p.parts.map((x) => x?.key ?? '-').join(' ')} | ${p.birth?.value ?? '-'} | ${p.documents.join(',')} | ${p.phone ?? '-'}`;
  console.log(show(heads[a]), '  <>  ', show(heads[b]));
}
