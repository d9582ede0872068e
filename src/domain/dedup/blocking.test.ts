import { describe, expect, it } from 'vitest';
import { candidatePairs, DEFAULT_RULES } from './blocking.ts';
import { preparePerson } from './compare.ts';
import { IRAQI_NAMES } from './iraqi-names.ts';
import type { PersonRecord } from './types.ts';

let n = 0;
const person = (names: [string | null, string | null, string | null, string | null], extra: Partial<PersonRecord> = {}) =>
  preparePerson({
    id: `p${++n}`, householdId: `h${n}`, registry: 'MOMD', sex: 'm', birthDate: '1975', phone: null, documents: [], originPcode: null,
    names: { given: names[0], father: names[1], grandfather: names[2], family: names[3] }, ...extra,
  } satisfies PersonRecord, IRAQI_NAMES);

const pairsOf = (result: ReturnType<typeof candidatePairs>) =>
  [...result.pairs[0]].map((a, k) => `${a}-${result.pairs[1][k]}`);

describe('blocking', () => {
  it('brings one person written in Arabic, Kurdish and Latin script into candidate pairs', () => {
    const people = [
      person(['محمد', 'حسين', 'علي', 'الجبوري']),
      person(['محەمەد', 'حوسێن', 'عەلی', 'جبووری']),
      person(['Mohammed', 'Hussein', 'Ali', 'al-Jubouri']),
    ];
    expect(pairsOf(candidatePairs(people)).sort()).toEqual(['0-1', '0-2', '1-2']);
  });

  it('still pairs a person whose given name, birth year or father was recorded differently', () => {
    const people = [
      person(['احمد', 'خليل', 'يوسف', 'الدليمي'], { birthDate: '1968' }),
      person(['حميد', 'خليل', 'يوسف', 'الدليمي'], { birthDate: '1968' }),
      person(['احمد', 'خليل', 'يوسف', 'الدليمي'], { birthDate: '1969' }),
      person(['احمد', null, 'يوسف', 'الدليمي'], { birthDate: '1968' }),
    ];
    expect(pairsOf(candidatePairs(people))).toEqual(expect.arrayContaining(['0-1', '0-2', '0-3']));
  });

  it('pairs people sharing a document number whatever their names', () => {
    const people = [person(['Zainab', null, null, null], { documents: ['1987654321'] }), person(['فاطمة', null, null, null], { documents: ['1987654321'] })];
    expect(pairsOf(candidatePairs(people))).toEqual(['0-1']);
  });

  it('does not compare members of one household, unless asked', () => {
    const brothers = [
      person(['علي', 'حسن', 'كاظم', 'الموسوي'], { householdId: 'h-one', birthDate: '1990' }),
      person(['عمر', 'حسن', 'كاظم', 'الموسوي'], { householdId: 'h-one', birthDate: '1990' }),
    ];
    expect(pairsOf(candidatePairs(brothers))).toEqual([]);
    expect(pairsOf(candidatePairs(brothers, DEFAULT_RULES, 300, { sameHousehold: true }))).toEqual(['0-1']);
  });

  it('leaves different families apart and lists each pair once', () => {
    const people = [person(['محمد', 'حسين', 'علي', 'الجبوري']), person(['محمود', 'حسن', 'عمر', 'الدليمي'], { birthDate: '1990' })];
    expect(pairsOf(candidatePairs(people))).toEqual([]);
    const same = [person(['علي', 'حسن', 'كاظم', 'الموسوي']), person(['علي', 'حسن', 'كاظم', 'الموسوي'])];
    const result = candidatePairs(same);
    expect(pairsOf(result)).toEqual(['0-1']);
    expect(result.comparisonsBeforeDedup).toBeGreaterThan(1);
  });

  it('skips and reports a block too large to separate anyone', () => {
    const crowd = Array.from({ length: 30 }, () => person(['محمد', 'علي', 'حسين', null]));
    const result = candidatePairs(crowd, DEFAULT_RULES, 10);
    expect(result.skipped.map((s) => s.rule)).toContain('given+father+grandfather+year');
    expect(result.skipped.every((s) => s.size === 30)).toBe(true);
  });
});
