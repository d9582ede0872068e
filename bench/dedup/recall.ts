/**
 * Blocking recall, in-process: prepares every person of the benchmark file as the engine does
 * (preparePerson with the Iraqi name functions; phones to E.164, document numbers normalised;
 * the household id given, so members of one household are not paired, as in the engine) and asks
 * src/domain/dedup/blocking.ts for the candidate pairs with its default rules and limits.
 * Reports the share of true duplicate pairs among the candidates, the candidates and the seconds
 * blocking took. Used by run.ts.
 */
import { preparePerson } from '../../src/domain/dedup/compare.ts';
import { candidatePairs } from '../../src/domain/dedup/blocking.ts';
import { IRAQI_NAMES } from '../../src/domain/dedup/iraqi-names.ts';
import type { PreparedPerson } from '../../src/domain/dedup/types.ts';
import { normalizePhone } from '../../src/domain/shared/phone.ts';
import { normalizeDocumentNumber } from '../../src/domain/registry/search-terms.ts';
import { columns, readCsv } from './csv.ts';
import type { Truth } from './metrics.ts';

export interface BlockingRecall {
  truePairs: number;
  kept: number;
  recall: number;
  candidates: number;
  skippedBlocks: number;
  seconds: number;
  /** A few true pairs left out, to see which corruption defeats the rules. */
  missed: string[];
}

const FIELDS = ['record_id', 'registry', 'household_id', 'given_name', 'father_name', 'grandfather_name', 'family_name', 'sex', 'birth_date', 'phone', 'document_number', 'origin_pcode'] as const;

/** Every record of the file, prepared for matching. */
export function preparePeople(path: string): PreparedPerson[] {
  const people: PreparedPerson[] = [];
  let c: Record<(typeof FIELDS)[number], number> | null = null;
  readCsv(path, (f, _row, header) => {
    c ??= columns(header, FIELDS);
    const at = (k: (typeof FIELDS)[number]) => f[c![k]] || null;
    const sex = at('sex');
    const phone = at('phone');
    const document = at('document_number');
    people.push(preparePerson({
      id: f[c.record_id], householdId: f[c.household_id], registry: f[c.registry],
      names: { given: at('given_name'), father: at('father_name'), grandfather: at('grandfather_name'), family: at('family_name') },
      sex: sex === 'm' || sex === 'f' ? sex : null, birthDate: at('birth_date'), phone: phone ? normalizePhone(phone) : null,
      documents: document ? [normalizeDocumentNumber(document)] : [], originPcode: at('origin_pcode'),
    }, IRAQI_NAMES));
  });
  return people;
}

export function blockingRecall(path: string, truth: Truth): BlockingRecall {
  const people = preparePeople(path);
  const started = performance.now();
  const result = candidatePairs(people);
  const seconds = (performance.now() - started) / 1000;
  const [left, right] = result.pairs;
  const kept = new Set<number>();
  for (let k = 0; k < left.length; k++) if (truth.person[left[k]] === truth.person[right[k]]) kept.add(left[k] * people.length + right[k]);
  return {
    truePairs: truth.truePairs, kept: kept.size, recall: truth.truePairs ? kept.size / truth.truePairs : 1,
    candidates: left.length, skippedBlocks: result.skipped.length, seconds, missed: missedPairs(people, truth, kept, 8),
  };
}

const show = (p: PreparedPerson) =>
  `${p.id}: ${p.parts.map((x) => x?.key || '-').join(' ')} | ${p.birth?.value ?? '-'} | ${p.documents.join(',') || '-'} | ${p.phone ?? '-'}`;

function missedPairs(people: readonly PreparedPerson[], truth: Truth, kept: Set<number>, limit: number): string[] {
  const first = new Map<number, number[]>();
  truth.person.forEach((p, i) => first.set(p, [...(first.get(p) ?? []), i]));
  const out: string[] = [];
  for (const records of first.values()) {
    for (let x = 0; x < records.length && out.length < limit; x++) {
      for (let y = x + 1; y < records.length && out.length < limit; y++) {
        if (!kept.has(records[x] * people.length + records[y])) out.push(`${show(people[records[x]])}  <>  ${show(people[records[y]])}`);
      }
    }
    if (out.length >= limit) break;
  }
  return out;
}
