import type { PreparedPerson } from './types.ts';

/**
 * Blocking: which pairs are worth scoring. A pair is a candidate when the two persons share the
 * key of at least one rule. The rules overlap on purpose, so that one corrupted field (a given
 * name typed another way, a missing father, a wrong birth year, a lost document) still leaves
 * another rule that brings the pair together. Keys use the cross-script name keys, so Arabic,
 * Kurdish and Latin spellings fall into the same block.
 */
export interface BlockingRule {
  name: string;
  /** The block key, or null when the person lacks what the rule needs. */
  key(p: PreparedPerson): string | null;
}

const part = (p: PreparedPerson, i: 0 | 1 | 2 | 3) => p.parts[i]?.key || null;
const joined = (...values: (string | number | null | undefined)[]) =>
  (values.some((v) => v === null || v === undefined || v === '') ? null : values.join('|'));

/** The rules used for Iraqi registries: name chains, names with birth year, documents, phones. */
export const DEFAULT_RULES: readonly BlockingRule[] = [
  { name: 'given+father+grandfather', key: (p) => joined(part(p, 0), part(p, 1), part(p, 2)) },
  { name: 'given+father+year', key: (p) => joined(part(p, 0), part(p, 1), p.birth?.year) },
  { name: 'given+grandfather+year', key: (p) => joined(part(p, 0), part(p, 2), p.birth?.year) },
  { name: 'father+grandfather+family', key: (p) => joined(part(p, 1), part(p, 2), part(p, 3)) },
  { name: 'given+family+year', key: (p) => joined(part(p, 0), part(p, 3), p.birth?.year) },
  { name: 'document', key: (p) => (p.documents.length ? p.documents[0] : null) },
  { name: 'phone+given', key: (p) => joined(p.phone, part(p, 0)) },
  { name: 'phone+year', key: (p) => joined(p.phone, p.birth?.year) },
];

export interface BlockingResult {
  /** Candidate pairs as index pairs into the input, each once, i < j. */
  pairs: Uint32Array[];
  /** Pair count before removing pairs found by several rules. */
  comparisonsBeforeDedup: number;
  /** Blocks left out because they were larger than `maxBlock` (rule name and size). */
  skipped: { rule: string; size: number }[];
}

/**
 * Candidate pairs from the rules. A block larger than `maxBlock` is skipped and reported (a key
 * that common separates nothing; the other rules still see those persons).
 */
export function candidatePairs(people: readonly PreparedPerson[], rules: readonly BlockingRule[] = DEFAULT_RULES, maxBlock = 1000): BlockingResult {
  const seen = new Set<number>();
  const left: number[] = [];
  const right: number[] = [];
  const skipped: { rule: string; size: number }[] = [];
  let before = 0;
  for (const rule of rules) {
    for (const members of blocks(people, rule).values()) {
      if (members.length < 2) continue;
      if (members.length > maxBlock) {
        skipped.push({ rule: rule.name, size: members.length });
        continue;
      }
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          before++;
          const id = members[a] * 0x100000000 + members[b];
          if (seen.has(id)) continue;
          seen.add(id);
          left.push(members[a]);
          right.push(members[b]);
        }
      }
    }
  }
  return { pairs: [Uint32Array.from(left), Uint32Array.from(right)], comparisonsBeforeDedup: before, skipped };
}

function blocks(people: readonly PreparedPerson[], rule: BlockingRule): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < people.length; i++) {
    const key = rule.key(people[i]);
    if (key === null) continue;
    const members = out.get(key);
    if (members) members.push(i);
    else out.set(key, [i]);
  }
  return out;
}
