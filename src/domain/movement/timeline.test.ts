import { describe, expect, it } from 'vitest';
import { MovementInput, type MovementPlace } from './schemas.ts';
import { currentState, orderTimeline, stays, withStarts, type Movement, type Registration } from './timeline.ts';

const at = (pcode: string | null, place: string | null = null, siteId: string | null = null): MovementPlace => ({ pcode, siteId, place });
const registration: Registration = {
  on: '2015-01-10', place: at('IQG11Q02', 'Baharka camp'), shelter: 'camp', displacedOn: '2014-06', recordedAt: '2015-01-10T09:00:00Z',
};
let recorded = 0;
const move = (type: Movement['type'], to: MovementPlace, date: string, shelter: string | null = null): Movement =>
  ({ id: `m${++recorded}`, type, from: null, to, shelter, date, recordedAt: `2016-01-01T00:00:${String(recorded).padStart(2, '0')}Z` });

describe('the current state of a household from its timeline', () => {
  it('is where it was registered, displaced since its displacement, while no movement is recorded', () => {
    expect(currentState(registration, [])).toEqual({ location: registration.place, shelter: 'camp', status: 'displaced', since: '2014-06', movementId: null });
    expect(currentState({ ...registration, displacedOn: null }, []).since).toBe('2015-01-10');
  });

  it('follows the movement that happened last, not the one reported last', () => {
    const relocation = move('relocation', at('IQG11Q04', 'Debaga camp'), '2015-03', 'camp');
    const late = move('secondary_displacement', at('IQG09Q03'), '2015-02-20', 'host_family');
    const state = currentState(registration, [relocation, late]);
    expect(state).toMatchObject({ location: { pcode: 'IQG11Q04', place: 'Debaga camp' }, shelter: 'camp', status: 'displaced', movementId: relocation.id });
    expect(state.since).toBe('2014-06');
  });

  it('keeps the household where it was registered when a late report describes its earlier flight', () => {
    const flight = move('displacement', at('IQG11Q01'), '2014-06-12', 'host_family');
    expect(currentState(registration, [flight])).toMatchObject({ location: registration.place, movementId: null, since: '2014-06' });
  });

  it('says returned after a return, displaced again after a new displacement, abroad after leaving', () => {
    const home = move('return', at('IQG15Q05'), '2017-09');
    expect(currentState(registration, [home])).toMatchObject({ status: 'returned', since: '2017-09', shelter: null });
    const again = move('secondary_displacement', at('IQG15Q02'), '2018-02');
    expect(currentState(registration, [again, home])).toMatchObject({ status: 'displaced', since: '2018-02', location: { pcode: 'IQG15Q02' } });
    const abroad = move('departure_abroad', at(null, 'Germany'), '2018-10');
    expect(currentState(registration, [home, abroad, again])).toMatchObject({ status: 'abroad', location: { pcode: null, place: 'Germany' } });
  });

  it('orders a year-only report before the months of that year, and same-day reports by when they were recorded', () => {
    const year = move('relocation', at('IQG11Q06'), '2016');
    const month = move('relocation', at('IQG11Q03'), '2016-01');
    const first = move('relocation', at('IQG11Q02'), '2016-01-01');
    const second = move('return', at('IQG15Q05'), '2016-01-01');
    expect(orderTimeline([second, month, first, year]).map((m) => m.id)).toEqual([year.id, month.id, first.id, second.id]);
  });

  it('starts each movement where the event before left the household when the report gives no start', () => {
    const a = move('relocation', at('IQG11Q04'), '2015-03');
    const b = move('return', at('IQG15Q05'), '2017-09');
    const flight = move('displacement', at('IQG11Q01'), '2014-06');
    expect(withStarts(registration, [b, a, flight]).map((m) => [m.id, m.start.pcode])).toEqual([
      [flight.id, 'IQG11Q02'], [a.id, 'IQG11Q02'], [b.id, 'IQG11Q04'],
    ]);
  });
});

describe('the stays a timeline makes', () => {
  it('is one open stay where the household was registered', () => {
    expect(stays(registration, [])).toEqual([{ from: '2015-01-10', to: null, place: registration.place, shelter: 'camp', status: 'displaced' }]);
  });

  it('starts with a flight reported before the registration and ends each stay where the next begins', () => {
    const flight = move('displacement', at('IQG11Q01'), '2014-06', 'host_family');
    const home = move('return', at('IQG15Q05'), '2017-09-15');
    expect(stays(registration, [home, flight]).map((s) => [s.from, s.to, s.place.pcode, s.status, s.shelter])).toEqual([
      ['2014-06-01', '2015-01-10', 'IQG11Q01', 'displaced', 'host_family'],
      ['2015-01-10', '2017-09-15', 'IQG11Q02', 'displaced', 'camp'],
      ['2017-09-15', null, 'IQG15Q05', 'returned', null],
    ]);
  });

  it('keeps only the last of several events of one day, and joins stays in the same place', () => {
    const wrong = move('relocation', at('IQG11Q04'), '2016-02-01', 'camp');
    const right = move('relocation', at('IQG11Q05'), '2016-02-01', 'camp');
    const back = move('relocation', at('IQG11Q02', 'Baharka camp'), '2016-01-05', 'camp');
    expect(stays(registration, [right, wrong, back]).map((s) => [s.from, s.to, s.place.pcode])).toEqual([
      ['2015-01-10', '2016-02-01', 'IQG11Q02'],
      ['2016-02-01', null, 'IQG11Q05'],
    ]);
  });
});

describe('a movement as recorded', () => {
  it('needs a P-code to go to, except abroad where a place will do', () => {
    expect(MovementInput.safeParse({ type: 'relocation', to: { place: 'a camp' }, date: '2015' }).success).toBe(false);
    expect(MovementInput.safeParse({ type: 'departure_abroad', to: { place: 'Germany' }, date: '2016-05' }).success).toBe(true);
    expect(MovementInput.safeParse({ type: 'departure_abroad', to: {}, date: '2016-05' }).success).toBe(false);
    const parsed = MovementInput.parse({ type: 'return', to: { pcode: 'iqg15q05' }, date: '٢٠١٧-٠٩' });
    expect(parsed).toMatchObject({ to: { pcode: 'IQG15Q05', siteId: null, place: null }, date: '2017-09', from: null, note: null, shelter: null });
  });

  it('refuses a date in the future, an unknown type, and a shelter after a return', () => {
    expect(MovementInput.safeParse({ type: 'relocation', to: { pcode: 'IQG11Q04' }, date: '2999' }).success).toBe(false);
    expect(MovementInput.safeParse({ type: 'teleport', to: { pcode: 'IQG11Q04' }, date: '2015' }).success).toBe(false);
    const returned = MovementInput.safeParse({ type: 'return', to: { pcode: 'IQG15Q05' }, shelter: 'camp', date: '2017' });
    expect(returned.error?.issues[0]).toMatchObject({ path: ['shelter'], message: 'movement.no_shelter' });
  });
});
