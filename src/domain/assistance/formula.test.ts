import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EntitlementFormula, entitlementFor, formulaTotals } from './formula.ts';

const parse = (value: unknown) => EntitlementFormula.parse(value);
const issues = (value: unknown) => (EntitlementFormula.safeParse(value).error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);

const winter = parse({
  parts: [
    { per: 'household', lines: [{ code: 'food_parcel', quantity: 1 }] },
    { per: 'person', lines: [{ code: 'cash_grant', quantity: 25000 }], maxPeople: 8 },
    { per: 'band', bands: [
      { from: 1, to: 3, lines: [{ code: 'blanket', quantity: 2 }] },
      { from: 4, to: 6, lines: [{ code: 'blanket', quantity: 4 }] },
      { from: 7, lines: [{ code: 'blanket', quantity: 6 }, { code: 'winter_kit', quantity: 1 }] },
    ] },
  ],
});

describe('the entitlement formula', () => {
  it.each([
    [1, [['food_parcel', 1], ['cash_grant', 25000], ['blanket', 2]]],
    [3, [['food_parcel', 1], ['cash_grant', 75000], ['blanket', 2]]],
    [4, [['food_parcel', 1], ['cash_grant', 100000], ['blanket', 4]]],
    [6, [['food_parcel', 1], ['cash_grant', 150000], ['blanket', 4]]],
    [7, [['food_parcel', 1], ['cash_grant', 175000], ['blanket', 6], ['winter_kit', 1]]],
    [12, [['food_parcel', 1], ['cash_grant', 200000], ['blanket', 6], ['winter_kit', 1]]],
  ])('gives a household of %i people its lines, size bands taken at their edges', (people, lines) => {
    expect(entitlementFor(winter, people)).toEqual(lines.map(([code, quantity]) => ({ code, quantity })));
  });

  it('gives nothing to a household whose size is in no band, and sums a code given by two parts', () => {
    const bandsOnly = parse({ parts: [{ per: 'band', bands: [{ from: 5, to: null, lines: [{ code: 'tarpaulin', quantity: 1 }] }] }] });
    expect(entitlementFor(bandsOnly, 4)).toEqual([]);
    const twice = parse({ parts: [
      { per: 'household', lines: [{ code: 'soap', quantity: 2 }] }, { per: 'person', lines: [{ code: 'soap', quantity: 1 }] },
    ] });
    expect(entitlementFor(twice, 5)).toEqual([{ code: 'soap', quantity: 7 }]);
  });

  it('totals each line over households counted by size', () => {
    const totals = formulaTotals(winter, new Map([[2, 10], [7, 3]]));
    expect(totals).toEqual([
      { code: 'food_parcel', quantity: 13 }, { code: 'cash_grant', quantity: 10 * 50000 + 3 * 175000 },
      { code: 'blanket', quantity: 20 + 18 }, { code: 'winter_kit', quantity: 3 },
    ]);
  });

  it('refuses overlapping bands, reversed bands, a code twice in one part and unknown kinds of part', () => {
    expect(issues({ parts: [{ per: 'band', bands: [
      { from: 1, to: 4, lines: [{ code: 'blanket', quantity: 1 }] }, { from: 4, to: 6, lines: [{ code: 'blanket', quantity: 2 }] },
    ] }] })).toEqual(['parts.0.bands.1.from:formula.bands_overlap']);
    expect(issues({ parts: [{ per: 'band', bands: [{ from: 5, to: 3, lines: [{ code: 'blanket', quantity: 1 }] }] }] }))
      .toEqual(['parts.0.bands.0.to:formula.band_range']);
    expect(issues({ parts: [{ per: 'household', lines: [{ code: 'soap', quantity: 1 }, { code: 'soap', quantity: 2 }] }] }))
      .toEqual(['parts.0.lines.1.code:formula.duplicate_line']);
    expect(issues({ parts: [{ per: 'village', lines: [] }] })).toEqual(['parts.0.per:invalid_value']);
    expect(issues({ parts: [{ per: 'household', lines: [{ code: 'Food Parcel!', quantity: 0 }] }] }))
      .toEqual(['parts.0.lines.0.code:formula.item_unknown', 'parts.0.lines.0.quantity:too_small']);
  });

  it('never gives less to a larger household when every part is per household or per person (property)', () => {
    const part = fc.oneof(
      fc.record({ per: fc.constant('household'), lines: fc.constant([{ code: 'food_parcel', quantity: 1 }]) }),
      fc.record({ per: fc.constant('person'), lines: fc.constant([{ code: 'cash_grant', quantity: 1000 }]), maxPeople: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }) }),
    );
    fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 30 }), (parts, people) => {
      const formula = parse({ parts });
      const total = (n: number) => entitlementFor(formula, n).reduce((s, l) => s + l.quantity, 0);
      expect(total(people + 1)).toBeGreaterThanOrEqual(total(people));
    }));
  });

  it('keeps the totals equal to the sum of what each household receives (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 15 }), { maxLength: 40 }), (sizes) => {
      const counts = new Map<number, number>();
      for (const s of sizes) counts.set(s, (counts.get(s) ?? 0) + 1);
      const byHand = new Map<string, number>();
      for (const s of sizes) for (const l of entitlementFor(winter, s)) byHand.set(l.code, (byHand.get(l.code) ?? 0) + l.quantity);
      expect(new Map(formulaTotals(winter, counts).map((l) => [l.code, l.quantity]))).toEqual(byHand);
    }));
  });
});
