import { describe, expect, it } from 'vitest';
import { breakdownStatus, sharesToSend, takenCodes } from './breakdown.ts';

describe('a breakdown of the IDP families', () => {
  it('is empty until a share is entered, and then must add up to the families', () => {
    expect(breakdownStatus([], 120)).toEqual({ sum: 0, remaining: 120, state: 'empty' });
    expect(breakdownStatus([{ code: null, families: '' }], 120).state).toBe('empty');
    expect(breakdownStatus([{ code: 'IQG15', families: 80 }], 120)).toEqual({ sum: 80, remaining: 40, state: 'short' });
    expect(breakdownStatus([{ code: 'IQG15', families: 80 }, { code: 'IQG01', families: '40' }], 120)).toEqual({ sum: 120, remaining: 0, state: 'exact' });
    expect(breakdownStatus([{ code: 'IQG15', families: 150 }], 120)).toEqual({ sum: 150, remaining: -30, state: 'over' });
  });

  it('counts a blank number as no families and a share without a code as not given', () => {
    expect(breakdownStatus([{ code: 'IQG15', families: '' }], 0).state).toBe('exact');
    expect(sharesToSend([{ code: 'IQG15', families: '12' }, { code: null, families: 5 }, { code: 'IQG01', families: '' }]))
      .toEqual([{ code: 'IQG15', families: 12 }, { code: 'IQG01', families: 0 }]);
  });

  it('does not offer a code again in another row', () => {
    const shares = [{ code: 'camp', families: 1 }, { code: 'school', families: 2 }, { code: null, families: 0 }];
    expect([...takenCodes(shares, 2)]).toEqual(['camp', 'school']);
    expect([...takenCodes(shares, 0)]).toEqual(['school']);
  });
});
