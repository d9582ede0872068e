import { describe, expect, it } from 'vitest';
import { currentState, MovementInput, orderTimeline, withStarts, type Movement, type MovementPlace } from './timeline.ts';

const at = (pcode: string | null, place: string | null = null): MovementPlace => ({ pcode, siteId: null, place });
const registration = { current: at('IQG11Q02', 'Baharka camp'), displacedOn: '2014-06' };
let recorded = 0;
const move = (type: Movement['type'], to: MovementPlace, date: string): Movement =>
  ({ id: `m${++recorded}`, type, from: null, to, date, recordedAt: `2016-01-01T00:00:${String(recorded).padStart(2, '0')}Z` });

describe('the current state of a household from its movements', () => {
  it('is as registered, displaced, while no movement is recorded', () => {
    expect(currentState(registration, [])).toEqual({ location: registration.current, status: 'displaced', since: '2014-06', movementId: null });
  });

  it('follows the movement that happened last, not the one reported last', () => {
    const relocation = move('relocation', at('IQG11Q04', 'Debaga camp'), '2015-03');
    const late = move('secondary_displacement', at('IQG09Q03'), '2014-11-20');
    const state = currentState(registration, [relocation, late]);
    expect(state).toMatchObject({ location: { pcode: 'IQG11Q04', place: 'Debaga camp' }, status: 'displaced', since: '2015-03', movementId: relocation.id });
  });

  it('says returned after a return, displaced again after a new displacement, abroad after leaving', () => {
    const home = move('return', at('IQG15Q05'), '2017-09');
    expect(currentState(registration, [home]).status).toBe('returned');
    const again = move('secondary_displacement', at('IQG15Q02'), '2018-02');
    expect(currentState(registration, [again, home])).toMatchObject({ status: 'displaced', location: { pcode: 'IQG15Q02' } });
    const abroad = move('departure_abroad', at(null, 'Germany'), '2018-10');
    expect(currentState(registration, [home, abroad, again])).toMatchObject({ status: 'abroad', location: { pcode: null, place: 'Germany' } });
  });

  it('orders a year-only report before the months of that year, and same-day reports by when they were recorded', () => {
    const year = move('relocation', at('IQG11Q06'), '2015');
    const month = move('relocation', at('IQG11Q03'), '2015-01');
    const first = move('relocation', at('IQG11Q02'), '2015-01-01');
    const second = move('return', at('IQG15Q05'), '2015-01-01');
    expect(orderTimeline([second, month, first, year]).map((m) => m.id)).toEqual([year.id, month.id, first.id, second.id]);
  });

  it('starts each movement where the one before left the household when the report gives no start', () => {
    const a = move('relocation', at('IQG11Q04'), '2015-03');
    const b = move('return', at('IQG15Q05'), '2017-09');
    expect(withStarts(registration, [b, a]).map((m) => m.start.pcode)).toEqual(['IQG11Q02', 'IQG11Q04']);
  });
});

describe('a movement as recorded', () => {
  it('needs a P-code to go to, except abroad where a place will do', () => {
    expect(MovementInput.safeParse({ type: 'relocation', to: { place: 'a camp' }, date: '2015' }).success).toBe(false);
    expect(MovementInput.safeParse({ type: 'departure_abroad', to: { place: 'Germany' }, date: '2016-05' }).success).toBe(true);
    expect(MovementInput.safeParse({ type: 'departure_abroad', to: {}, date: '2016-05' }).success).toBe(false);
    const parsed = MovementInput.parse({ type: 'return', to: { pcode: 'iqg15q05' }, date: '٢٠١٧-٠٩' });
    expect(parsed).toMatchObject({ to: { pcode: 'IQG15Q05', siteId: null, place: null }, date: '2017-09', from: null, note: null });
  });

  it('refuses a date in the future and an unknown type', () => {
    expect(MovementInput.safeParse({ type: 'relocation', to: { pcode: 'IQG11Q04' }, date: '2999' }).success).toBe(false);
    expect(MovementInput.safeParse({ type: 'teleport', to: { pcode: 'IQG11Q04' }, date: '2015' }).success).toBe(false);
  });
});
