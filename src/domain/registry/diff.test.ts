import { describe, expect, it } from 'vitest';
import { diffRecords } from './diff.ts';

describe('diffRecords', () => {
  it('lists changed, added and removed leaves by path', () => {
    const before = { shelter: 'camp', consent: { given: true, scope: ['registration'] }, members: { a: { name: 'X' }, b: { name: 'Y' } } };
    const after = { shelter: 'school', consent: { given: true, scope: ['registration', 'assistance'] }, members: { a: { name: 'X' }, c: { name: 'Z' } } };
    expect(diffRecords(before, after)).toEqual([
      { path: 'shelter', from: 'camp', to: 'school' },
      { path: 'consent.scope', from: 'registration', to: 'registration, assistance' },
      { path: 'members.b.name', from: 'Y', to: null },
      { path: 'members.c.name', from: null, to: 'Z' },
    ]);
  });

  it('finds nothing between equal records', () => {
    expect(diffRecords({ a: [1, 2], b: { c: null } }, { a: [1, 2], b: { c: null } })).toEqual([]);
  });
});
