import { describe, expect, it } from 'vitest';
import { AssessmentContent, AssessmentInput, AssessmentQuery, AssessmentUpdate, Day, LocationInput, LocationUpdate, RoundInput, individualsOf } from './assessments.ts';
import { FlowInput, FlowQuery, FlowUpdate, sumCounts } from './flows.ts';

const ids = { roundId: '01890a5d-ac96-774b-bcce-b302099a8057', locationId: '01890a5d-ac96-774b-bcce-b302099a8058' };
const assessment = (over: Record<string, unknown> = {}) => ({ ...ids, assessedOn: '2014-09-10', idpFamilies: 100, ...over });
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);

describe('a location assessment', () => {
  it('takes families alone, the rest defaulted', () => {
    const a = AssessmentInput.parse(assessment());
    expect(a).toMatchObject({ idpFamilies: 100, idpIndividuals: null, returneeFamilies: 0, returneeIndividuals: null, byOrigin: [], priorityNeeds: [] });
    expect(a.keyInformant).toBeUndefined();
  });

  it.each([
    [{ idpFamilies: 10, idpIndividuals: 9 }, 'idpIndividuals:assessment.individuals'],
    [{ idpFamilies: 0, idpIndividuals: 5 }, 'idpIndividuals:assessment.individuals'],
    [{ returneeFamilies: 3, returneeIndividuals: 2 }, 'returneeIndividuals:assessment.individuals'],
    [{ idpFamilies: -1 }, 'idpFamilies:number.invalid'],
    [{ idpFamilies: 2.5 }, 'idpFamilies:number.invalid'],
    [{ idpFamilies: '12' }, 'idpFamilies:number.invalid'],
    [{ assessedOn: '2014-02-30' }, 'assessedOn:day.invalid'],
    [{ assessedOn: '2014-09' }, 'assessedOn:day.invalid'],
    [{ assessedOn: '2099-01-01' }, 'assessedOn:date.future'],
    [{ byOrigin: [{ code: 'IQG15', families: 60 }, { code: 'IQG01', families: 30 }] }, 'byOrigin:breakdown.sum'],
    [{ byOrigin: [{ code: 'IQG15Q05', families: 100 }] }, 'byOrigin.0.code:pcode.governorate'],
    [{ byWave: [{ code: 'august_2014', families: 50 }, { code: 'august_2014', families: 50 }] }, 'byWave.1.code:breakdown.duplicate'],
    [{ byShelter: [{ code: 'Camp!', families: 100 }] }, 'byShelter.0.code:shelter.invalid'],
    [{ priorityNeeds: ['food', 'water', 'health', 'shelter'] }, 'priorityNeeds:needs.too_many'],
    [{ priorityNeeds: ['food', 'food'] }, 'priorityNeeds.1:needs.duplicate'],
    [{ keyInformant: { name: 'Mukhtar', phone: '12' } }, 'keyInformant.phone:phone.invalid'],
    [{ keyInformant: { name: '' } }, 'keyInformant.name:required'],
  ])('refuses %j', (over, issue) => {
    expect(issues(AssessmentInput.safeParse(assessment(over)))).toContain(issue);
  });

  it('accepts breakdowns that share out every family, in any case and digits', () => {
    const a = AssessmentInput.parse(assessment({
      assessedOn: '٢٠١٤-٠٩-١٠', idpIndividuals: 640,
      byOrigin: [{ code: 'iqg15', families: 70 }, { code: 'IQG01', families: 30 }],
      byWave: [{ code: 'August_2014', families: 100 }],
      byShelter: [{ code: 'camp', families: 0 }, { code: 'host_family', families: 100 }],
      keyInformant: { name: 'مختار القرية', role: 'mukhtar', phone: '0750 123 4567' },
    }));
    expect(a.assessedOn).toBe('2014-09-10');
    expect(a.byOrigin[0].code).toBe('IQG15');
    expect(a.byWave[0].code).toBe('august_2014');
    expect(a.keyInformant).toEqual({ name: 'مختار القرية', role: 'mukhtar', phone: '+9647501234567' });
  });

  it('estimates individuals as families x 6 only when they were not given', () => {
    expect(individualsOf(100, null)).toEqual({ individuals: 600, estimated: true });
    expect(individualsOf(100, 640)).toEqual({ individuals: 640, estimated: false });
  });

  it('checks an edit once it is applied: the content schema has the same rules', () => {
    expect(issues(AssessmentContent.safeParse({ assessedOn: '2014-09-10', idpFamilies: 5, byWave: [{ code: 'august_2014', families: 4 }] })))
      .toEqual(['byWave:breakdown.sum']);
    expect(AssessmentUpdate.parse({ version: 3, notes: 'recount' })).toEqual({ version: 3, notes: 'recount' });
    expect(AssessmentQuery.parse({ round: '12' }).round).toBe('12');
    expect(issues(AssessmentQuery.safeParse({ round: 'twelve' }))).toEqual(['round:round.unknown']);
  });
});

describe('a DTM location', () => {
  it('keeps its own code apart from the P-code, and wants coordinates in pairs', () => {
    const l = LocationInput.parse({ code: 'IQ-NIN-0042', name: 'Bashiqa', nameAr: 'بعشيقة', pcode: 'iqg15q03' });
    expect(l).toMatchObject({ code: 'IQ-NIN-0042', pcode: 'IQG15Q03', kind: 'village', latitude: null, siteId: null });
    expect(issues(LocationInput.safeParse({ code: 'a b', name: 'x', pcode: 'IQG15', latitude: 36.4 })))
      .toEqual(['code:location.code_invalid', 'longitude:location.coordinates']);
    expect(issues(LocationInput.safeParse({ code: 'L1', name: 'x', pcode: 'Mosul' }))).toEqual(['pcode:pcode.invalid']);
  });

  it('is edited field by field at a version', () => {
    expect(LocationUpdate.parse({ version: 2, name: 'New' })).toEqual({ version: 2, name: 'New' });
    expect(issues(LocationUpdate.safeParse({ name: 'New' })).map((i) => i.split(':')[0])).toEqual(['version']);
  });
});

describe('a round', () => {
  it('reports on a day inside or after it, and ends after it starts', () => {
    expect(RoundInput.parse({ number: 3, startsOn: '2014-09-01', endsOn: '2014-09-30', reportedOn: '2014-09-30' }).name).toBeNull();
    expect(issues(RoundInput.safeParse({ number: 0, startsOn: '2014-09-01', endsOn: '2014-08-30', reportedOn: '2014-08-01' })))
      .toEqual(['number:too_small', 'endsOn:round.dates', 'reportedOn:round.reported_before_start']);
    expect(Day.safeParse('2015-02-29').success).toBe(false);
  });
});

describe('flow counts', () => {
  const point = '01890a5d-ac96-774b-bcce-b302099a8059';
  it('defaults missing groups to 0 and sums them', () => {
    const f = FlowInput.parse({ pointId: point, countedOn: '2014-08-04', direction: 'incoming', femaleChildren: 40, maleAdults: 12 });
    expect(f.maleChildren).toBe(0);
    expect(sumCounts([f, { ...f, maleElderly: 3 }])).toMatchObject({ femaleChildren: 80, maleAdults: 24, maleElderly: 3, total: 107 });
  });

  it('refuses an unknown direction, negative counts and a reversed period', () => {
    expect(issues(FlowInput.safeParse({ pointId: point, countedOn: '2014-08-04', direction: 'north', maleAdults: -1 })))
      .toEqual(['direction:invalid_value', 'maleAdults:number.invalid']);
    expect(issues(FlowQuery.safeParse({ from: '2014-09-01', to: '2014-08-01' }))).toEqual(['to:range.reversed']);
    expect(FlowUpdate.parse({ version: 1, maleAdults: 4 })).toEqual({ version: 1, maleAdults: 4 });
  });
});
