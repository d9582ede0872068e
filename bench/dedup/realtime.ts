/**
 * The real-time duplicate check at registry scale, in-process and without a database: builds the
 * server's dedup index (src/server/dedup/index.ts) from about 1,000,000 synthetic individuals
 * (~170,000 households of the labelled generator, MoMD and BMD, three scripts) and checks 1,000
 * households against it: half are true duplicates of indexed families (held out of the index),
 * half are families registered nowhere else. Reports build time, memory, check latency (p50, p95,
 * max) and how many true duplicates were proposed.
 *   node --expose-gc --import tsx bench/dedup/realtime.ts [--individuals 1000000] [--checks 1000] [--seed 11]
 */
import { randomUUID } from 'node:crypto';
import { syntheticHouseholds, type SyntheticHousehold } from '../../src/domain/demo/synthetic.ts';
import { prepareHousehold, type MatchableHousehold } from '../../src/domain/dedup/household.ts';
import { DedupIndex } from '../../src/server/dedup/index.ts';
import { fixed, machine, percentile } from '../support.ts';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] ?? fallback) || fallback;
const target = arg('individuals', 1_000_000);
const checks = arg('checks', 1000);
const seed = arg('seed', 11);
const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Text as the database driver returns it: one flat string. The generator builds numbers digit by
 * digit, and V8 keeps such strings as trees of pieces, several times their size.
 */
const flat = (s: string) => Buffer.from(s).toString();

/** A generated household as the index receives it from the database: ids given, registry known. */
function matchable(h: SyntheticHousehold, id: string): MatchableHousehold {
  const input = h.input;
  return {
    id, registry: h.registry, originPcode: input.origin.pcode, phone: input.phone ? flat(input.phone) : null,
    members: input.members.map((m) => ({
      id: randomUUID(), relationship: m.relationship, givenName: m.givenName, fatherName: m.fatherName ?? null,
      grandfatherName: m.grandfatherName ?? null, familyName: m.familyName ?? null, sex: m.sex,
      birthDate: m.birthDate ?? null, documents: m.documents.map((d) => ({ number: flat(d.number) })),
    })),
  };
}

interface Query { household: MatchableHousehold; original: string | null }

/**
 * Streams the generator into the index until `target` individuals are in. Every so many duplicates
 * of an indexed family one is held out as a query (its original stays in), and every so many new
 * families one is held out with all its later copies, as a query that should find nothing; the
 * spacing spreads the queries over the whole stream (about 6 persons per household, 10% copies).
 */
function build(index: DedupIndex) {
  const idOf = new Map<string, string>();
  const heldOut = new Set<string>();
  const duplicates: Query[] = [];
  const fresh: Query[] = [];
  let individuals = 0;
  let households = 0;
  let ms = 0;
  let seenDuplicates = 0;
  let seenOriginals = 0;
  const wanted = checks / 2;
  const duplicateEvery = Math.max(1, Math.floor((target / 60 / wanted) * 0.8));
  const freshEvery = Math.max(1, Math.floor((target / 6 / wanted) * 0.8));
  for (const h of syntheticHouseholds({ seed, households: Math.ceil(target / 3) })) {
    if (individuals >= target && duplicates.length >= wanted && fresh.length >= wanted) break;
    if (h.duplicateOf && heldOut.has(h.duplicateOf)) continue;
    const household = matchable(h, randomUUID());
    const original = h.duplicateOf ? idOf.get(h.duplicateOf) : undefined;
    if (original && ++seenDuplicates % duplicateEvery === 0 && duplicates.length < wanted) {
      duplicates.push({ household, original });
      continue;
    }
    if (!h.duplicateOf && ++seenOriginals % freshEvery === 0 && fresh.length < wanted) {
      heldOut.add(h.ref);
      fresh.push({ household, original: null });
      continue;
    }
    if (individuals >= target) continue;
    idOf.set(h.ref, household.id);
    const started = performance.now();
    index.upsert(household, 1);
    ms += performance.now() - started;
    individuals += household.members.length;
    households++;
  }
  return { individuals, households, ms, duplicates, fresh };
}

function memory() {
  gc?.();
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1048576);
  return { heapUsedMb: mb(m.heapUsed), typedArraysMb: mb(m.arrayBuffers), rssMb: mb(m.rss) };
}

console.log(machine());
const before = memory();
const index = new DedupIndex();
const built = build(index);
index.ready = true;
const after = memory();
console.log({
  individuals: built.individuals, buildSeconds: fixed(built.ms / 1000),
  heapMb: after.heapUsedMb - before.heapUsedMb, typedArraysMb: after.typedArraysMb - before.typedArraysMb, rssMb: after.rssMb,
  ...index.stats(), note: 'buildSeconds counts index work only, not the generator',
});

const queries: Query[] = [];
for (let i = 0; i < checks / 2; i++) queries.push(built.duplicates[i], built.fresh[i]);
for (const q of queries.slice(0, 50)) index.check(prepareHousehold(q.household));
const times: number[] = [];
let found = 0;
let falseAlarms = 0;
let comparisons = 0;
let truncated = 0;
for (const q of queries) {
  const started = performance.now();
  const result = index.check(prepareHousehold(q.household), { limit: 10 });
  times.push(performance.now() - started);
  comparisons += result.comparisons;
  if (result.truncated) truncated++;
  const ids = result.candidates.map((c) => c.household.id);
  if (q.original && ids.includes(q.original)) found++;
  if (!q.original && ids.length > 0) falseAlarms++;
}
times.sort((a, b) => a - b);
console.log({
  checks: queries.length, p50Ms: fixed(percentile(times, 0.5), 2), p95Ms: fixed(percentile(times, 0.95), 2), maxMs: fixed(times[times.length - 1], 2),
  duplicatesFound: `${found} / ${queries.length / 2}`, freshWithCandidates: `${falseAlarms} / ${queries.length / 2}`,
  comparisonsPerCheck: Math.round(comparisons / queries.length), truncatedChecks: truncated,
});
