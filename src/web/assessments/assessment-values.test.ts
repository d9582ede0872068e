import { describe, expect, it } from 'vitest';
import { AssessmentInput } from '#domain/movement/assessments';
import { assessmentBody, emptyAssessment, estimateOf } from './assessment-values.ts';

const ids = { id: '0190a000-0000-7000-8000-000000000001', roundId: '0190a000-0000-7000-8000-000000000002', locationId: '0190a000-0000-7000-8000-000000000003' };

describe('the assessment form\'s body', () => {
  const typed = {
    ...emptyAssessment('2016-03-10'),
    idpFamilies: 120,
    returneeFamilies: '',
    byOrigin: [{ code: 'IQG15', families: 100 }, { code: 'IQG01', families: '20' }, { code: null, families: '' }],
    priorityNeeds: ['food', 'shelter'],
    informant: { name: ' Mukhtar Salim ', role: 'mukhtar', phone: '' },
  };

  it('leaves individuals blank for the server to estimate (families x 6) and drops empty shares', () => {
    const body = assessmentBody(typed, true);
    expect(body).toMatchObject({ idpFamilies: 120, idpIndividuals: null, returneeFamilies: 0, returneeIndividuals: null });
    expect(body.byOrigin).toEqual([{ code: 'IQG15', families: 100 }, { code: 'IQG01', families: 20 }]);
    expect(estimateOf(typed.idpFamilies)).toBe(720);
    expect(AssessmentInput.safeParse({ ...ids, ...body }).success).toBe(true);
  });

  it('sends the key informant only for someone who may see it, blank meaning removed', () => {
    expect(assessmentBody(typed, true).keyInformant).toEqual({ name: 'Mukhtar Salim', role: 'mukhtar', phone: null });
    expect('keyInformant' in assessmentBody(typed, false)).toBe(false);
    expect(assessmentBody({ ...typed, informant: { name: '', role: 'x', phone: '' } }, true).keyInformant).toBeNull();
  });

  it('is refused by the shared schema when a breakdown does not add up', () => {
    const body = assessmentBody({ ...typed, byOrigin: [{ code: 'IQG15', families: 100 }] }, true);
    const parsed = AssessmentInput.safeParse({ ...ids, ...body });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('byOrigin');
  });
});
