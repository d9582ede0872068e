import { describe, expect, it } from 'vitest';
import {
  AdjustmentInput, CountInput, DispatchInput, LevelQuery, ReceiptInput, ReceiveInput, StockLocationInput, StockLocationUpdate, ThresholdsInput,
} from './stock.ts';

const id = '01890a5d-ac96-774b-bcce-b302099a8057';
const other = '01890a5d-ac96-774b-bcce-b302099a8058';

/** The catalogue keys of a failed parse, by path. */
function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('stock locations', () => {
  it('takes a code in capitals, a kind and a P-code', () => {
    const l = StockLocationInput.parse({ kind: 'warehouse', code: ' erb-wh-01 ', name: 'Erbil central warehouse', pcode: 'iqg11q01' });
    expect(l).toMatchObject({ code: 'ERB-WH-01', pcode: 'IQG11Q01', nameAr: null, nameCkb: null, siteId: null });
  });

  it('refuses a bad code, an unknown kind and a bad P-code', () => {
    expect(problems(StockLocationInput.safeParse({ kind: 'depot', code: 'a', name: 'x', pcode: 'Erbil' })))
      .toEqual({ kind: 'invalid_value', code: 'stock.location_code_invalid', pcode: 'pcode.invalid' });
  });

  it('edits at a version, and cannot change the kind', () => {
    expect(StockLocationUpdate.parse({ version: 2, active: false, kind: 'point' })).toEqual({ version: 2, active: false });
    expect(problems(StockLocationUpdate.safeParse({ name: 'x' }))).toHaveProperty('version');
  });
});

describe('lines of a document', () => {
  it('lower-cases item codes and refuses an item listed twice', () => {
    const r = ReceiptInput.safeParse({ locationId: id, lines: [{ item: 'Blanket', quantity: 5 }, { item: 'blanket', quantity: 2 }] });
    expect(problems(r)).toEqual({ 'lines.1.item': 'stock.item_duplicate' });
  });

  it.each([
    [0, 'stock.quantity'], [-3, 'stock.quantity'], [1.5, 'number.invalid'], ['7', 'number.invalid'], [20_000_000, 'too_big'],
  ])('refuses %s as a quantity moved (%s)', (quantity, key) => {
    expect(problems(DispatchInput.safeParse({ fromLocationId: id, toLocationId: other, lines: [{ item: 'soap', quantity }] })))
      .toEqual({ 'lines.0.quantity': key });
  });

  it('needs at least one line', () => {
    expect(problems(ReceiptInput.safeParse({ locationId: id, lines: [] }))).toEqual({ lines: 'too_small' });
  });

  it('dates a receipt on a past day only', () => {
    expect(problems(ReceiptInput.safeParse({ locationId: id, lines: [{ item: 'soap', quantity: 1 }], receivedOn: '2999-01-01' })))
      .toEqual({ receivedOn: 'date.future' });
    expect(ReceiptInput.parse({ locationId: id, lines: [{ item: 'soap', quantity: 1 }], receivedOn: '٢٠٢٤-٠٣-٠١' }).receivedOn).toBe('2024-03-01');
  });
});

describe('dispatches, counts, adjustments, thresholds', () => {
  it('sends a dispatch somewhere else', () => {
    expect(problems(DispatchInput.safeParse({ fromLocationId: id, toLocationId: id, lines: [{ item: 'soap', quantity: 1 }] })))
      .toEqual({ toLocationId: 'stock.same_location' });
  });

  it('receives zero of an item, with an optional reason', () => {
    expect(ReceiveInput.parse({ lines: [{ item: 'soap', quantity: 0, reason: 'Lost' }] }).lines[0]).toEqual({ item: 'soap', quantity: 0, reason: 'lost' });
    expect(ReceiveInput.parse({ lines: [{ item: 'soap', quantity: 3 }] }).lines[0].reason).toBeNull();
  });

  it('counts zero or more', () => {
    expect(CountInput.parse({ locationId: id, lines: [{ item: 'soap', counted: 0 }] }).lines[0]).toEqual({ item: 'soap', counted: 0, reason: null });
    expect(problems(CountInput.safeParse({ locationId: id, lines: [{ item: 'soap', counted: -1 }] }))).toEqual({ 'lines.0.counted': 'number.invalid' });
  });

  it('adjusts by a signed quantity, never 0, with a reason', () => {
    expect(AdjustmentInput.parse({ locationId: id, lines: [{ item: 'soap', quantity: -4, reason: 'damaged' }] }).lines[0].quantity).toBe(-4);
    const r = problems(AdjustmentInput.safeParse({ locationId: id, lines: [{ item: 'soap', quantity: 0 }] }));
    expect(r['lines.0.quantity']).toBe('stock.adjustment_zero');
    expect(r).toHaveProperty(['lines.0.reason']);
  });

  it('sets or clears low levels', () => {
    expect(ThresholdsInput.parse({ thresholds: [{ item: 'soap', lowLevel: 50 }, { item: 'blanket', lowLevel: null }] }).thresholds).toHaveLength(2);
    expect(problems(ThresholdsInput.safeParse({ thresholds: [{ item: 'soap', lowLevel: -1 }] }))).toEqual({ 'thresholds.0.lowLevel': 'number.invalid' });
  });

  it('reads query flags', () => {
    expect(LevelQuery.parse({ low: 'true' })).toEqual({ low: true, page: 1, pageSize: 50 });
    expect(problems(LevelQuery.safeParse({ low: 'yes' }))).toEqual({ low: 'invalid_value' });
  });
});
