/**
 * UNICEF HOPE's deduplication, emulated without Elasticsearch, as the baseline Amina is measured
 * against on the same file. Reads the benchmark CSV, runs HOPE's query once per person against
 * everyone else, and writes the pairs above the minimum score and the clusters (union-find over
 * the flagged pairs), in the formats of `amina dedup file`.
 *   npx tsx bench/dedup/hope.ts people.csv --out clusters.csv --pairs pairs.csv [--threshold 6] [--min-score 6]
 *
 * Source: unicef/hope, src/hope/apps/registration_data/tasks/deduplicate.py (DeduplicateTask:
 * _prepare_query_dict, _prepare_queries_for_names_from_fields, _get_complex_query_for_name,
 * _get_deduplicate_result; HardDocumentDeduplication), src/hope/apps/household/documents.py (the
 * index), src/hope/apps/core/es_analyzers.py, src/hope/apps/utils/elasticsearch_utils.py
 * (DEFAULT_SCRIPT), and DEDUPLICATION_DUPLICATE_SCORE = DEDUPLICATION_POSSIBLE_DUPLICATE_SCORE
 * = 6.0 (BusinessArea defaults and constance). The query, per person, a bool `should` of:
 * - names, when both given and family name are set: dis_max(should(G, F), must(G, F) boost 4),
 *   G = dis_max(match given_name fuzziness AUTO:3,6 max_expansions 50 transpositions, match
 *   given_name.phonetic), F the same on family_name; else match full_name (phonetic analyzer,
 *   operator AND) boost 8;
 * - birth_date boost 2, phone_no boost 2 (phone_no_alternative 2), sex 1, relationship 1,
 *   middle_name 1 (phonetic analyzer), admin1 1, admin2 1; identities (partner ids) boost 4;
 * - must_not itself; min_score 6; size 100. Score >= 6: duplicate; the rest: possible duplicate.
 * The index's default similarity is scripted, `(1.0 / doc.length) * query.boost`: a matched term
 * is worth its clause's boost over the number of tokens in the found person's field; a fuzzy
 * term's boost is Lucene's 1 - edits / min(term lengths); date, keyword (doc.length 1) and boolean
 * fields give their boost. An exact name match on given + family alone scores 8.
 * Documents: HardDocumentDeduplication flags any two persons of a programme with the same
 * document number (and type) for adjudication: written here as band `document`.
 *
 * Exact: the query structure, boosts, thresholds, size 100, fuzziness and Lucene's fuzzy boosts,
 * the scripted similarity, double metaphone (commons-codec rules, max 4), and the query sending the
 * phone as typed (`phone_no.raw_input`) against the index's str(phone_no).
 * Approximated: str(phone_no) is taken as E.164 when typed with a + and as typed otherwise (a
 * PhoneNumberField with no default region; HOPE's deployed setting was not checked); the
 * standard tokenizer (a Unicode regular expression); the synonym filter on
 * given_name (English nicknames, nothing for Iraqi names) is left out; the file carries one
 * programme, so everyone is compared with everyone; both directions are run (the batch check)
 * and a pair is flagged when either query finds it; HOPE needs a full birth date, so `YYYY` is
 * taken as 1 January and `YYYY-MM` as the 1st; HOPE's admin1/admin2 (where the household lives)
 * are the governorate and district of the origin P-code, the only place in the file; no
 * identities (partner ids) exist in the file. Field mapping for four-part Iraqi names, as a
 * form with a surname field is filled: given_name = the given name, family_name = the last name
 * part present (the tribal name, else the grandfather's, else the father's), middle_name = the
 * parts between, full_name = all of them. With the family name left empty (a third of Iraqi
 * records have no tribal name), HOPE would fall back to full_name AND, which a father's name
 * "Nouri Hassan" meets inside his son's "Qasim Nouri Hassan": that mapping makes HOPE far worse.
 * relationship comes from the file's extra `relationship` column, in HOPE's choices (a son and a
 * daughter are both SON_DAUGHTER).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { clusterIds } from '../../src/domain/dedup/cluster.ts';
import { CsvWriter, columns, readCsv } from './csv.ts';
import { HopeIndex, type HopePerson } from './hope-index.ts';
import { HopeSearcher } from './hope-query.ts';
import { normalizePhone } from '../../src/domain/shared/phone.ts';

export const DUPLICATE_SCORE = 6;

const RELATIONSHIPS: Record<string, string> = {
  head: 'HEAD', spouse: 'WIFE_HUSBAND', son: 'SON_DAUGHTER', daughter: 'SON_DAUGHTER', mother: 'MOTHER_FATHER',
  father: 'MOTHER_FATHER', brother: 'BROTHER_SISTER', sister: 'BROTHER_SISTER', grandchild: 'GRANDDAUGHER_GRANDSON',
  daughter_in_law: 'SON_IN_LAW_DAUGHTER_IN_LAW',
};

const NAMES = ['record_id', 'given_name', 'father_name', 'grandfather_name', 'family_name', 'sex', 'birth_date', 'phone', 'document_number', 'origin_pcode', 'relationship'] as const;

/** A full date as HOPE requires one: a year alone is taken as 1 January, a month as its 1st. */
const fullDate = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d || null);

/** str(phone_no): E.164 when the number parses without a default region (typed with +), else as typed. */
const indexedPhone = (typed: string) => (typed.trim().startsWith('+') ? normalizePhone(typed) ?? typed : typed);

interface Loaded { ids: string[]; people: HopePerson[]; documents: string[] }

function load(path: string): Loaded {
  const ids: string[] = [];
  const people: HopePerson[] = [];
  const documents: string[] = [];
  let c: Record<(typeof NAMES)[number], number> | null = null;
  readCsv(path, (f, _row, header) => {
    c ??= columns(header, NAMES, ['relationship']);
    const at = (k: (typeof NAMES)[number]) => (c![k] >= 0 ? f[c![k]] ?? '' : '');
    const parts = [at('given_name'), at('father_name'), at('grandfather_name'), at('family_name')].filter(Boolean);
    const [given, middle, family] = [parts[0] ?? '', parts.slice(1, -1).join(' '), parts.length > 1 ? parts[parts.length - 1] : ''];
    const phone = at('phone');
    const pcode = at('origin_pcode').toUpperCase();
    ids.push(at('record_id'));
    documents.push(at('document_number'));
    people.push({
      given, middle, family, full: parts.join(' '),
      birth: fullDate(at('birth_date')), phoneTyped: phone || null, phoneIndexed: phone ? indexedPhone(phone) : null,
      sex: { m: 'MALE', f: 'FEMALE' }[at('sex')] ?? '', relationship: RELATIONSHIPS[at('relationship')] ?? at('relationship').toUpperCase(),
      admin1: pcode.slice(0, 5), admin2: pcode.length >= 8 ? pcode.slice(0, 8) : '',
    });
  });
  return { ids, people, documents };
}

/** Every pair found by either person's query (best score of the two) or sharing a document number. */
export function hopePairs(people: readonly HopePerson[], documents: readonly string[], minScore: number) {
  const index = new HopeIndex(people);
  const searcher = new HopeSearcher(index, minScore);
  const n = people.length;
  const best = new Map<number, number>();
  for (let a = 0; a < n; a++) {
    for (const { doc, score } of searcher.search(a)) {
      const key = Math.min(a, doc) * n + Math.max(a, doc);
      if (!(score <= (best.get(key) ?? -1))) best.set(key, score);
    }
    if (a % 20000 === 19999) process.stderr.write(`hope: ${a + 1} of ${n} queries\n`);
  }
  const byDocument = new Map<string, number[]>();
  documents.forEach((d, i) => { if (d) byDocument.set(d, [...(byDocument.get(d) ?? []), i]); });
  for (const holders of byDocument.values()) {
    for (let x = 0; x < holders.length; x++) for (let y = x + 1; y < holders.length; y++) best.set(holders[x] * n + holders[y], Infinity);
  }
  return { best, scored: searcher.scored };
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, pairs: { type: 'string' }, threshold: { type: 'string' }, 'min-score': { type: 'string' } },
  });
  const [input] = positionals;
  if (!input || !values.out) throw new Error('usage: hope.ts <people.csv> --out <clusters.csv> [--pairs <pairs.csv>] [--threshold 6] [--min-score 6]');
  const threshold = Number(values.threshold ?? DUPLICATE_SCORE);
  const minScore = Number(values['min-score'] ?? Math.min(threshold, DUPLICATE_SCORE));
  const started = performance.now();
  const { ids, people, documents } = load(input);
  const n = people.length;
  const { best, scored } = hopePairs(people, documents, minScore);
  const left: number[] = [];
  const right: number[] = [];
  const pairs = values.pairs ? new CsvWriter(values.pairs) : null;
  await pairs?.row(['record_id_1', 'record_id_2', 'score', 'band']);
  for (const [key, score] of best) {
    const a = Math.floor(key / n);
    const b = key - a * n;
    if (score >= threshold) {
      left.push(a);
      right.push(b);
    }
    const band = score === Infinity ? 'document' : score >= DUPLICATE_SCORE ? 'duplicate' : 'below';
    await pairs?.row([ids[a], ids[b], String(score), band]);
  }
  await pairs?.close();
  const cluster = clusterIds(n, left, right);
  const out = new CsvWriter(values.out);
  await out.row(['record_id', 'cluster_id']);
  for (let i = 0; i < n; i++) await out.row([ids[i], `c${cluster[i]}`]);
  await out.close();
  const clusters = cluster.reduce((most, id) => Math.max(most, id + 1), 0);
  const seconds = (performance.now() - started) / 1000;
  console.log(`hope: records ${n}, queries ${n}, persons scored ${scored}, pairs ${best.size}, flagged ${left.length}, clusters ${clusters}, seconds ${seconds.toFixed(1)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
