import { describe, expect, it } from 'vitest';
import { ProgrammeInput, ProgrammeUpdate } from '#domain/assistance/programmes';
import { programmeBody, valuesOf } from './programme-body.ts';

const values = { ...valuesOf(null), code: 'WINTER-24', name: 'Winter 2024', nameAr: 'الشتاء 2024', sector: 'shelter_nfi', areas: ['IQG11', 'IQG09Q02'], startsOn: '2024-01-01' };

describe('the programme form', () => {
  it('sends a new programme the server\'s schema accepts as it is', () => {
    const body = programmeBody(values, null);
    const parsed = ProgrammeInput.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toEqual({ ...body, endsOn: null });
    expect(body).toMatchObject({ nameCkb: null, endsOn: null, areas: ['IQG11', 'IQG09Q02'] });
  });

  it('sends an edit at the version read, without the code and sector that do not change', () => {
    const body = programmeBody({ ...values, closed: true, endsOn: '2024-12-31' }, { version: 4 });
    const parsed = ProgrammeUpdate.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(body).toMatchObject({ version: 4, status: 'closed', endsOn: '2024-12-31' });
    expect(body).not.toHaveProperty('code');
    expect(body).not.toHaveProperty('sector');
  });

  it('is refused by the schema when the period ends before it starts', () => {
    const parsed = ProgrammeInput.safeParse(programmeBody({ ...values, endsOn: '2023-12-31' }, null));
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['endsOn'], message: 'range.reversed' });
  });
});
