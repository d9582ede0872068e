import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stockNeeded } from './catalogue.ts';
import { countDifferences, isLow, reasonIssue, receivedDifferences, shortages, takeWhatThereIs, type ReasonRule } from './stock-rules.ts';

const reasons = new Map<string, ReasonRule>([
  ['damaged', { direction: 'out', active: true }],
  ['found', { direction: 'in', active: true }],
  ['correction', { direction: 'both', active: true }],
  ['old', { direction: 'both', active: false }],
]);

describe('reasons', () => {
  it.each([
    [5, null, 'stock.reason_required'], [5, 'damaged', 'stock.reason_direction'], [-5, 'found', 'stock.reason_direction'],
    [-5, 'nonsense', 'stock.reason_unknown'], [-5, 'old', 'stock.reason_unknown'],
  ])('refuses a change of %s explained by %s', (change, reason, key) => {
    expect(reasonIssue(change, reason, reasons, ['x'])).toEqual({ path: ['x'], key });
  });

  it.each([[-5, 'damaged'], [5, 'found'], [5, 'correction'], [-5, 'correction'], [0, null]])('accepts %s explained by %s', (change, reason) => {
    expect(reasonIssue(change, reason, reasons, ['x'])).toBeNull();
  });
});

describe('what a redemption takes from stock', () => {
  const catalogue = new Map([
    ['food_parcel', { kind: 'item' as const, components: [] }],
    ['soap', { kind: 'item' as const, components: [] }],
    ['hygiene_kit', { kind: 'kit' as const, components: [{ code: 'soap', quantity: 10 }, { code: 'jerrycan', quantity: 1 }] }],
    ['cash_grant', { kind: 'cash' as const, components: [] }],
  ]);

  it('takes kits as their items times the quantity, adds an item given twice, and ignores cash', () => {
    const needed = stockNeeded([
      { code: 'hygiene_kit', quantity: 2 }, { code: 'soap', quantity: 3 }, { code: 'cash_grant', quantity: 150000 }, { code: 'food_parcel', quantity: 1 },
    ], catalogue);
    expect(needed.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'food_parcel', quantity: 1 }, { code: 'jerrycan', quantity: 2 }, { code: 'soap', quantity: 23 },
    ]);
  });

  it('takes nothing for cash alone', () => {
    expect(stockNeeded([{ code: 'cash_grant', quantity: 250000 }], catalogue)).toEqual([]);
  });
});

describe('short stock', () => {
  it('names each item there is too little of; no level is none', () => {
    const available = new Map([['soap', 10], ['blanket', 4]]);
    expect(shortages([{ item: 'soap', quantity: 10 }, { item: 'blanket', quantity: 5 }, { item: 'mattress', quantity: 1 }], available))
      .toEqual([{ item: 'blanket', asked: 5, available: 4 }, { item: 'mattress', asked: 1, available: 0 }]);
  });

  it('takes what there is and says what was missing', () => {
    expect(takeWhatThereIs([{ item: 'soap', quantity: 10 }, { item: 'blanket', quantity: 5 }], new Map([['soap', 30], ['blanket', 2]])))
      .toEqual([{ item: 'soap', take: 10, missing: 0 }, { item: 'blanket', take: 2, missing: 3 }]);
  });

  it('never takes more than there is, and accounts for every unit (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.option(fc.integer({ min: 0, max: 1e6 })), (quantity, stock) => {
      const available = new Map(stock === null ? [] : [['soap', stock]]);
      const [t] = takeWhatThereIs([{ item: 'soap', quantity }], available);
      expect(t.take + t.missing).toBe(quantity);
      expect(t.take).toBeLessThanOrEqual(stock ?? 0);
      expect(Math.min(t.take, t.missing)).toBeGreaterThanOrEqual(0);
      expect(shortages([{ item: 'soap', quantity }], available).length > 0).toBe(t.missing > 0);
    }));
  });
});

describe('counts', () => {
  it('gives each counted line its difference and asks a reason for each difference', () => {
    const r = countDifferences([
      { item: 'soap', counted: 110, reason: null }, { item: 'blanket', counted: 40, reason: 'found' }, { item: 'mattress', counted: 7, reason: 'damaged' },
      { item: 'jerrycan', counted: 3, reason: null },
    ], new Map([['soap', 120], ['blanket', 30], ['mattress', 7]]), reasons);
    expect(r.lines).toEqual([
      { item: 'soap', expected: 120, counted: 110, difference: -10, reason: null },
      { item: 'blanket', expected: 30, counted: 40, difference: 10, reason: 'found' },
      { item: 'mattress', expected: 7, counted: 7, difference: 0, reason: null },
      { item: 'jerrycan', expected: 0, counted: 3, difference: 3, reason: null },
    ]);
    expect(r.issues).toEqual([
      { path: ['lines', 0, 'reason'], key: 'stock.count_reason', params: { expected: 120, counted: 110 } },
      { path: ['lines', 3, 'reason'], key: 'stock.count_reason', params: { expected: 0, counted: 3 } },
    ]);
  });
});

describe('a dispatch arriving', () => {
  const sent = [{ item: 'blanket', quantity: 200 }, { item: 'soap', quantity: 50 }];

  it('compares what arrived with what was sent, with a reason for each difference', () => {
    const r = receivedDifferences(sent, [{ item: 'blanket', quantity: 195, reason: 'damaged' }, { item: 'soap', quantity: 50, reason: null }], reasons);
    expect(r.issues).toEqual([]);
    expect(r.lines).toEqual([
      { item: 'blanket', sent: 200, received: 195, difference: -5, reason: 'damaged' },
      { item: 'soap', sent: 50, received: 50, difference: 0, reason: null },
    ]);
  });

  it('wants every item sent answered, nothing unsent, and reasons', () => {
    const r = receivedDifferences(sent, [{ item: 'blanket', quantity: 190, reason: null }, { item: 'mattress', quantity: 2, reason: null }], reasons);
    expect(r.issues).toEqual([
      { path: ['lines', 1, 'item'], key: 'stock.dispatch_not_line', params: { item: 'mattress' } },
      { path: ['lines', 0, 'reason'], key: 'stock.receive_reason', params: { sent: 200, received: 190 } },
      { path: ['lines'], key: 'stock.dispatch_missing_line', params: { item: 'soap' } },
    ]);
  });
});

describe('low levels', () => {
  it.each([[5, 5, true], [4, 5, true], [6, 5, false], [0, null, false], [0, 0, true]])('%s against %s is low: %s', (quantity, low, expected) => {
    expect(isLow(quantity, low)).toBe(expected);
  });
});
