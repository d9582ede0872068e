import { describe, expect, it } from 'vitest';
import { compareRecords, preparePerson } from './compare.ts';
import { IRAQI_NAMES } from './iraqi-names.ts';
import type { PersonRecord } from './types.ts';

const person = (id: string, names: [string, string, string, string], extra: Partial<PersonRecord> = {}): PersonRecord => ({
  id, householdId: `h-${id}`, registry: 'MOMD', sex: 'm', birthDate: '1975', phone: null, documents: [], originPcode: 'IQG15Q05',
  names: { given: names[0], father: names[1], grandfather: names[2], family: names[3] }, ...extra,
});

describe('one family written in three scripts', () => {
  const arabic = preparePerson(person('a', ['محمد', 'حسين', 'علي', 'الجبوري']), IRAQI_NAMES);
  const kurdish = preparePerson(person('k', ['محەمەد', 'حوسێن', 'عەلی', 'جبووری'], { registry: 'BMD' }), IRAQI_NAMES);
  const latin = preparePerson(person('l', ['Mohammed', 'Hussein', 'Ali', 'al-Jubouri'], { birthDate: '1975-07-01' }), IRAQI_NAMES);

  it('meets across Arabic, Kurdish and Latin script on every name part', () => {
    for (const [a, b] of [[arabic, kurdish], [arabic, latin], [kurdish, latin]]) {
      const c = compareRecords(a, b);
      for (const part of ['given', 'father', 'grandfather'] as const) expect(['exact', 'crossScript', 'close'], `${part}`).toContain(c[part]);
    }
  });

  it('tells a different family apart', () => {
    const other = preparePerson(person('o', ['محمود', 'حسن', 'عمر', 'الدليمي']), IRAQI_NAMES);
    const c = compareRecords(arabic, other);
    expect(c.given).toBe('different');
    expect(c.father).toBe('different');
    expect(c.grandfather).toBe('different');
  });

  it('still treats a typo of a known name as close', () => {
    const typo = preparePerson(person('t', ['محمدد', 'حسين', 'علي', 'الجبوري']), IRAQI_NAMES);
    expect(compareRecords(arabic, typo).given).not.toBe('different');
  });

  it('reads a year-only birth date and a 1 July default of the same year as close', () => {
    expect(compareRecords(arabic, latin).birthDate).toBe('close');
  });
});
