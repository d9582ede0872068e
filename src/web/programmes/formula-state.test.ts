import { describe, expect, it } from 'vitest';
import { EntitlementFormula, entitlementFor } from '#domain/assistance/formula';
import {
  addBand, addLine, bandsOf, formulaFromState, formulaToState, newPart, partFromState, removeBand, setEnd, setQuantity,
  type PartState,
} from './formula-state.ts';

const bands: PartState = { per: 'band', ends: [3, 6], maxPeople: '', lines: [{ code: 'food_parcel', quantities: [1, 2, 3] }] };

describe('size bands', () => {
  it('are made from their upper ends, the last one open', () => {
    expect(bandsOf([3, 6])).toEqual([{ from: 1, to: 3 }, { from: 4, to: 6 }, { from: 7, to: null }]);
    expect(bandsOf([])).toEqual([{ from: 1, to: null }]);
  });

  it('keep an end between its neighbours, so no size falls in two bands or none', () => {
    expect(setEnd(bands, 0, 5).ends).toEqual([5, 6]);
    expect(setEnd(bands, 0, 6).ends).toEqual([5, 6]);
    expect(setEnd(bands, 0, 0).ends).toEqual([1, 6]);
    expect(setEnd(bands, 1, 2).ends).toEqual([3, 4]);
    expect(setEnd(bands, 1, 10).ends).toEqual([3, 10]);
    expect(setEnd(bands, 1, 500).ends).toEqual([3, 99]);
  });

  it('split the open band when one is added, copying its quantities', () => {
    const s = addBand(bands);
    expect(bandsOf(s.ends)).toEqual([{ from: 1, to: 3 }, { from: 4, to: 6 }, { from: 7, to: 9 }, { from: 10, to: null }]);
    expect(s.lines[0].quantities).toEqual([1, 2, 3, 3]);
  });

  it('give a removed band\'s sizes to the next band, and its quantities go', () => {
    const s = removeBand(bands, 1);
    expect(bandsOf(s.ends)).toEqual([{ from: 1, to: 3 }, { from: 4, to: null }]);
    expect(s.lines[0].quantities).toEqual([1, 3]);
    const open = removeBand(bands, 2);
    expect(bandsOf(open.ends)).toEqual([{ from: 1, to: 3 }, { from: 4, to: null }]);
    expect(open.lines[0].quantities).toEqual([1, 2]);
    expect(removeBand({ ...bands, ends: [] }, 0).ends).toEqual([]);
  });
});

describe('the formula', () => {
  it('sends parts the server\'s schema accepts as they are', () => {
    const state = {
      parts: [
        newPart('household', ['food_parcel']),
        { ...newPart('person', ['cash_grant']), maxPeople: 8 as const },
        setQuantity(addLine(bands, 'winter_kit'), 'winter_kit', 0, ''),
      ],
    };
    const sent = formulaFromState(state);
    const parsed = EntitlementFormula.safeParse(sent);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toEqual(sent);
    expect(sent.parts[2]).toEqual({
      per: 'band',
      bands: [
        { from: 1, to: 3, lines: [{ code: 'food_parcel', quantity: 1 }] },
        { from: 4, to: 6, lines: [{ code: 'food_parcel', quantity: 2 }, { code: 'winter_kit', quantity: 1 }] },
        { from: 7, to: null, lines: [{ code: 'food_parcel', quantity: 3 }, { code: 'winter_kit', quantity: 1 }] },
      ],
    });
  });

  it('leaves out a band that gives nothing, and reopens it as an empty band', () => {
    const state = { parts: [{ ...bands, lines: [{ code: 'blanket', quantities: ['' as const, 2, 4] }] }] };
    const sent = formulaFromState(state);
    expect(sent.parts[0]).toEqual({ per: 'band', bands: [{ from: 4, to: 6, lines: [{ code: 'blanket', quantity: 2 }] }, { from: 7, to: null, lines: [{ code: 'blanket', quantity: 4 }] }] });
    expect(formulaToState(EntitlementFormula.parse(sent))).toEqual(state);
    // Households of 1 to 3 get nothing from it.
    expect(entitlementFor(EntitlementFormula.parse(sent), 2)).toEqual([]);
  });

  it('reopens bands stored with gaps and a closed end as contiguous ones', () => {
    const stored = EntitlementFormula.parse({ parts: [{ per: 'band', bands: [{ from: 3, to: 4, lines: [{ code: 'soap', quantity: 2 }] }] }] });
    const state = formulaToState(stored);
    expect(state.parts[0].ends).toEqual([2, 4]);
    expect(state.parts[0].lines).toEqual([{ code: 'soap', quantities: ['', 2, ''] }]);
    expect(formulaFromState(state)).toEqual(stored);
  });

  it('round-trips every basis through the stored shape', () => {
    const state = { parts: [setQuantity(newPart('household', ['food_parcel', 'cash_grant']), 'cash_grant', 0, 150000), { ...newPart('person', ['blanket']), maxPeople: 6 as const }, bands] };
    expect(formulaToState(JSON.parse(JSON.stringify(formulaFromState(state))))).toEqual(state);
    expect(formulaToState(null)).toEqual({ parts: [] });
  });

  it('adds a line once, with one of it per band', () => {
    expect(addLine(addLine(newPart('band'), 'blanket'), 'blanket').lines).toEqual([{ code: 'blanket', quantities: [1, 1, 1] }]);
  });

  it('leaves out a line without quantity, so a part with none is refused by the schema', () => {
    const part = setQuantity(newPart('household', ['soap']), 'soap', 0, '');
    expect(partFromState(part)).toEqual({ per: 'household', lines: [] });
    const parsed = EntitlementFormula.safeParse({ parts: [partFromState(part)] });
    expect(parsed.error?.issues[0].path).toEqual(['parts', 0, 'lines']);
  });
});
