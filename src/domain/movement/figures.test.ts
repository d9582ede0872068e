import { describe, expect, it } from 'vitest';
import { figureStays, FiguresQuery, estimateIndividuals, type CountedHousehold } from './figures.ts';
import { latestDay, waveOf, type Wave } from './waves.ts';

const WAVES: Wave[] = [
  { code: 'pre_june_2014', startsOn: '2014-01-01', endsOn: '2014-05-31' },
  { code: 'june_july_2014', startsOn: '2014-06-01', endsOn: '2014-07-31' },
  { code: 'august_2014', startsOn: '2014-08-01', endsOn: '2014-08-31' },
  { code: 'post_march_2016', startsOn: '2016-03-01', endsOn: null },
];

describe('displacement waves', () => {
  it.each([
    ['2014-06-10', 'june_july_2014'],
    ['2014-07', 'june_july_2014'],
    ['2014-08-03', 'august_2014'],
    ['2019-04', 'post_march_2016'],
    ['2014', 'unknown'],
    ['2014-06', 'june_july_2014'],
    [null, 'unknown'],
    ['2015-06', 'unknown'],
    ['2013-11', null],
    ['2012', null],
  ])('puts a displacement of %s in %s', (date, wave) => {
    expect(waveOf(date, WAVES)).toBe(wave);
  });

  it('knows the last day a partial date can mean', () => {
    expect([latestDay('2016-02'), latestDay('2015-02'), latestDay('2014'), latestDay('2014-08-03')]).toEqual(['2016-02-29', '2015-02-28', '2014-12-31', '2014-08-03']);
  });
});

const household = (over: Partial<CountedHousehold> = {}): CountedHousehold => ({
  registration: { on: '2014-09-01', place: { pcode: 'IQG11Q02', siteId: null, place: null }, shelter: 'camp', displacedOn: '2014-08-03', recordedAt: '2014-09-01T08:00:00Z' },
  movements: [], originPcode: 'IQG15Q05', counted: 6, active: true, ...over,
});

describe('what the registry counts of a household', () => {
  it('counts its stays with its governorate of origin, wave and members counted once', () => {
    expect(figureStays(household({ counted: 5 }), WAVES)).toEqual([{
      seq: 0, fromDay: '2014-09-01', toDay: null, pcode: 'IQG11Q02', siteId: null, status: 'displaced', shelter: 'camp',
      origin: 'IQG15', wave: 'august_2014', families: 1, individuals: 5,
    }]);
  });

  it('counts nothing of a merged household, nor of one displaced before the first wave', () => {
    expect(figureStays(household({ active: false }), WAVES)).toEqual([]);
    expect(figureStays(household({ registration: { ...household().registration, displacedOn: '2012-03' } }), WAVES)).toEqual([]);
  });

  it('has no shelter once returned and no P-code abroad', () => {
    const movements = [
      { id: 'a', type: 'return' as const, from: null, to: { pcode: 'IQG15Q05', siteId: null, place: null }, shelter: null, date: '2017-10', recordedAt: '2018-01-01T00:00:00Z' },
      { id: 'b', type: 'departure_abroad' as const, from: null, to: { pcode: null, siteId: null, place: 'Germany' }, shelter: null, date: '2018-05', recordedAt: '2018-06-01T00:00:00Z' },
    ];
    expect(figureStays(household({ movements }), WAVES).map((s) => [s.status, s.pcode, s.shelter])).toEqual([
      ['displaced', 'IQG11Q02', 'camp'], ['returned', 'IQG15Q05', ''], ['abroad', '', ''],
    ]);
  });
});

describe('the figures query', () => {
  it('defaults to governorates from the registry and refuses a future or impossible day', () => {
    expect(FiguresQuery.parse({})).toMatchObject({ level: 1, source: 'registry', format: 'json' });
    expect(FiguresQuery.safeParse({ date: '2999-01-01' }).error?.issues[0].message).toBe('date.future');
    expect(FiguresQuery.safeParse({ date: '2015-02-30' }).error?.issues[0].message).toBe('date.invalid');
    expect(FiguresQuery.safeParse({ level: '3' }).success).toBe(false);
    expect(estimateIndividuals(7)).toBe(42);
  });
});
