/**
 * Writes a labelled synthetic Iraqi registry of people for the dedup benchmark: the synthetic
 * households of MoMD and BMD (src/domain/demo/synthetic.ts: four-part names in Arabic, Kurdish and
 * Latin script, both registries with a controlled overlap, same-registry repeats) flattened to one
 * row per person, plus households registered up to twice more, keyboard typos, shifted name parts,
 * birth-date errors, missing documents and retyped phones (corrupt.ts), from an RNG of its own.
 * The household's phone goes to the head (and to the spouse half the time), as forms take it.
 * A person appears at most 5 times. The `true_id` column is the answer key; `relationship` is
 * there for the HOPE baseline (HOPE's query uses it); `amina dedup file` ignores both.
 *   npx tsx bench/dedup/generate.ts --people 100000 --seed 1 [--out file.csv] [--overlap 0.08]
 * Prints records, true persons, true duplicate pairs and seconds.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { mulberry32, syntheticHouseholds, type SyntheticHousehold } from '../../src/domain/demo/synthetic.ts';
import { corruptRecord, registerAgain, type PersonRow } from './corrupt.ts';
import { CsvWriter } from './csv.ts';

export const HEADER = [
  'record_id', 'registry', 'household_id', 'given_name', 'father_name', 'grandfather_name', 'family_name',
  'sex', 'birth_date', 'phone', 'document_number', 'origin_pcode', 'address', 'true_id', 'relationship',
] as const;

/** Share of first registrations registered again (once, or twice in a quarter of cases) on top. */
const REGISTERED_AGAIN = 0.03;
/** The extra registration comes within this many households of the original. */
const DELAY = 3000;
/** Every registration of a family comes within this many families of the first (2,000 in synthetic.ts). */
const COMPLETE_AFTER = 2000 + DELAY + 1;

export interface GenerateOptions { people: number; seed: number; out: string; overlap?: number }
export interface GenerateSummary { records: number; persons: number; duplicatePairs: number; households: number; seconds: number }

/** Where the runner keeps the file of a size and seed. */
export const peopleFile = (people: number, seed: number) => `bench/out/dedup-people-${people}-seed${seed}.csv`;

function rowsOf(h: SyntheticHousehold): PersonRow[] {
  return h.input.members.map((m, i) => ({
    recordId: `${h.ref}-${i + 1}`, registry: h.registry, householdId: h.ref,
    given: m.givenName, father: m.fatherName ?? '', grandfather: m.grandfatherName ?? '', family: m.familyName ?? '',
    sex: m.sex, birthDate: m.birthDate ?? '', phone: h.input.phone ?? '', document: m.documents[0]?.number ?? '',
    originPcode: h.input.origin.pcode, address: h.input.current.address ?? '', trueId: h.people[i], relationship: m.relationship,
  }));
}

const fieldsOf = (p: PersonRow) => [
  p.recordId, p.registry, p.householdId, p.given, p.father, p.grandfather, p.family, p.sex, p.birthDate,
  p.phone, p.document, p.originPcode, p.address, p.trueId, p.relationship,
];

interface Registration { family: number; rows: PersonRow[] }

/**
 * Every registration in the order the registries took them: the synthetic households and the
 * extra registrations, each with the number of its family (0 for the first family registered).
 */
function* registrations(seed: number, overlap: number | undefined, r: () => number): Generator<Registration> {
  const family = new Map<string, number>();
  const pending = new Map<number, Registration[]>();
  let extra = 0;
  let step = 0;
  for (const h of syntheticHouseholds({ seed, households: Number.MAX_SAFE_INTEGER, overlap })) {
    yield* pending.get(step) ?? [];
    pending.delete(step++);
    if (h.duplicateOf !== null) {
      yield { family: family.get(h.duplicateOf)!, rows: rowsOf(h) };
      continue;
    }
    const number = family.size;
    family.set(h.ref, number);
    const rows = rowsOf(h);
    yield { family: number, rows };
    if (r() >= REGISTERED_AGAIN) continue;
    for (let k = r() < 0.75 ? 1 : 2; k > 0; k--) {
      const registry = r() < 0.65 ? h.registry : h.registry === 'MOMD' ? 'BMD' : 'MOMD';
      const householdId = `${registry}-E${String(++extra).padStart(7, '0')}`;
      const again = registerAgain(rows, r).map((row, i) => ({ ...row, registry, householdId, recordId: `${householdId}-${i + 1}` }));
      const due = step + Math.floor(r() * DELAY);
      pending.set(due, [...(pending.get(due) ?? []), { family: number, rows: again }]);
    }
  }
}

/** The household's phone is written for the head, and for the spouse half the time. */
const carriesPhone = (row: PersonRow, r: () => number) => row.relationship === 'head' || (row.relationship === 'spouse' && r() < 0.5);

const extraSeed = (seed: number) => (Math.imul(seed, 0x9e3779b1) + 0x5eed) >>> 0;

/**
 * How many families, taken in order with all their registrations, make `people` records. A file
 * cut at the first N records would lose the late registrations of its last thousands of families
 * and hold few duplicates at 10,000 people; this keeps the duplicate rate of any size the same.
 */
function familiesFor(people: number, seed: number, overlap: number | undefined): number {
  const counts: number[] = [];
  let complete = 0;
  let total = 0;
  for (const { family, rows } of registrations(seed, overlap, mulberry32(extraSeed(seed)))) {
    counts[family] = (counts[family] ?? 0) + rows.length;
    while (complete < family - COMPLETE_AFTER) {
      total += counts[complete++] ?? 0;
      if (total >= people) return complete;
    }
  }
  return complete;
}

/** Streams `opts.people` rows to `opts.out`; deterministic from the seed. */
export async function generatePeople(opts: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const families = familiesFor(opts.people, opts.seed, opts.overlap);
  const corrupt = mulberry32(extraSeed(opts.seed) ^ 0xc0ffee);
  const writer = new CsvWriter(opts.out);
  await writer.row(HEADER);
  const copies = new Map<string, number>();
  let written = 0;
  let households = 0;
  for (const { family, rows } of registrations(opts.seed, opts.overlap, mulberry32(extraSeed(opts.seed)))) {
    if (family >= families) continue;
    households++;
    for (const clean of rows) {
      const row = { ...clean, phone: carriesPhone(clean, corrupt) ? clean.phone : '' };
      corruptRecord(row, corrupt);
      await writer.row(fieldsOf(row));
      copies.set(row.trueId, (copies.get(row.trueId) ?? 0) + 1);
      if (++written === opts.people) break;
    }
    if (written === opts.people) break;
  }
  await writer.close();
  let duplicatePairs = 0;
  for (const n of copies.values()) duplicatePairs += (n * (n - 1)) / 2;
  return { records: written, persons: copies.size, duplicatePairs, households, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { people: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, overlap: { type: 'string' } },
  });
  const people = Number(values.people);
  const seed = Number(values.seed);
  if (!Number.isInteger(people) || people < 1) throw new Error('--people must be a positive integer');
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  const overlap = values.overlap === undefined ? undefined : Number(values.overlap);
  const out = values.out ?? peopleFile(people, seed);
  const s = await generatePeople({ people, seed, out, overlap });
  console.log(`${out}: ${s.records} records, ${s.persons} true persons, ${s.duplicatePairs} true duplicate pairs `
    + `(${s.households} household registrations), ${s.seconds.toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
