/**
 * Derives DEFAULT_MODEL (src/domain/dedup/default-model.ts) from labelled synthetic registries:
 * m from the comparisons of true duplicate pairs among the candidates, u from random pairs, the
 * prior from the share of true pairs among candidates. Prints the model as TypeScript, and the
 * precision and recall it gives at a range of thresholds on that data.
 *   npx tsx bench/dedup/estimate-default.ts --people bench/out/<file>.csv
 * The file is a people CSV with a true_id column (bench/dedup/generate.ts writes one).
 */
import { parseCsv, readPreparedPeople } from '../../src/cli/dedup/people-file.ts';
import { compareRecords, termValues } from '../../src/domain/dedup/compare.ts';
import { IRAQI_NAMES } from '../../src/domain/dedup/iraqi-names.ts';
import { candidatePairs } from '../../src/domain/dedup/blocking.ts';
import { estimateU } from '../../src/domain/dedup/em.ts';
import { countedComparison, DEFAULT_THRESHOLDS, score, termFrequenciesOf } from '../../src/domain/dedup/scoring.ts';
import type { LevelTable, Model } from '../../src/domain/dedup/scoring.ts';
import { FIELD_LEVELS, FIELDS } from '../../src/domain/dedup/types.ts';
import type { Comparison, Field } from '../../src/domain/dedup/types.ts';
import { mulberry32 } from '../../src/domain/demo/synthetic.ts';
import { readFileSync } from 'node:fs';

const M_FLOOR = 0.01;
const file = process.argv[process.argv.indexOf('--people') + 1];
const { people } = readPreparedPeople(file, IRAQI_NAMES);
const truth = trueIds(file);
const tf = termFrequenciesOf(people.map(termValues));
const { pairs: [left, right] } = candidatePairs(people);
const labelled: { c: Comparison; match: boolean }[] = [];
for (let k = 0; k < left.length; k++) {
  labelled.push({ c: compareRecords(people[left[k]], people[right[k]]), match: truth[left[k]] === truth[right[k]] });
}
const r = mulberry32(3);
const random: Comparison[] = [];
for (let k = 0; k < 200_000; k++) {
  const i = Math.floor(r() * people.length);
  const j = Math.floor(r() * people.length);
  if (i !== j && people[i].householdId !== people[j].householdId) random.push(compareRecords(people[i], people[j]));
}
const u = estimateU(random);
const matches = labelled.filter((x) => x.match).map((x) => countedComparison(x.c));
// The prior of a random pair of records (see estimateFromSessions), not of a candidate pair.
const model: Model = { prior: matches.length / ((people.length * (people.length - 1)) / 2), thresholds: DEFAULT_THRESHOLDS, fields: {} };
for (const f of FIELDS) model.fields[f] = { m: shares(matches, f), u: u[f] };
console.log(`// ${people.length} people, ${labelled.length} candidates, ${matches.length} true pairs`);
const table = (t: LevelTable) => `{ ${Object.entries(t).map(([l, v]) => `${l}: ${+v!.toPrecision(3)}`).join(', ')} }`;
console.log(`  prior: ${+model.prior.toPrecision(3)},`);
for (const f of FIELDS) console.log(`    ${f}: { m: ${table(model.fields[f]!.m)}, u: ${table(model.fields[f]!.u)} },`);
const scored = labelled.map((x) => ({ p: score(x.c, model, tf).probability, match: x.match }));
for (const t of [0.5, 0.8, 0.9, 0.95, 0.99]) {
  const sel = scored.filter((x) => x.p >= t);
  const tp = sel.filter((x) => x.match).length;
  console.log(`>= ${t}: precision ${(tp / sel.length).toFixed(4)} recall ${(tp / matches.length).toFixed(4)}`);
}

/**
 * Level shares among true pairs, each level at least M_FLOOR: synthetic corruption is cleaner
 * than a real registry, and a level never seen here (a changed document number) must not become
 * proof of a different person.
 */
function shares(cs: Comparison[], f: Field): LevelTable {
  const levels = FIELD_LEVELS[f].filter((l) => l !== 'missing');
  const t: LevelTable = {};
  let total = 0;
  for (const l of levels) t[l] = 0;
  for (const c of cs) if (c[f] !== 'missing') { t[c[f]] = (t[c[f]] ?? 0) + 1; total++; }
  for (const l of levels) t[l] = Math.max(M_FLOOR, (t[l] ?? 0) / Math.max(1, total));
  const sum = levels.reduce((a, l) => a + (t[l] ?? 0), 0);
  for (const l of levels) t[l] = (t[l] ?? 0) / sum;
  return t;
}

function trueIds(path: string): string[] {
  const ids: string[] = [];
  let at = -1;
  parseCsv(readFileSync(path, 'utf8'), (row) => {
    if (at < 0) at = row.indexOf('true_id');
    else ids.push(row[at]);
  });
  if (at < 0) throw new Error('the people file has no true_id column');
  return ids;
}
