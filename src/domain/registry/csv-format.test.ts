import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  HOUSEHOLD_COLUMNS, detectHeader, guardCell, headerRows, householdToRows, rowsToHouseholds, unguardCell,
} from './csv-format.ts';
import { HouseholdInput, type Household } from './household.ts';

const HEADERS = HOUSEHOLD_COLUMNS.map((c) => c.header);
const col = (name: string) => HEADERS.indexOf(name);

/** A row with the household columns filled and the given overrides. */
function row(over: Record<string, string>): string[] {
  const base: Record<string, string> = {
    household_ref: 'H1', registry: 'MOMD', relationship: 'head', given_name: 'أحمد', father_name: 'حسن',
    grandfather_name: 'علي', family_name: 'الجبوري', sex: 'm', birth_date: '1975',
    origin_pcode: 'IQG15Q05', origin_place: 'الموصل', displaced_on: '2014-06', current_pcode: 'IQG11Q02',
    shelter: 'camp', phone: '0750 123 4567', legal_basis: 'vital_interest', consent_given: 'yes',
    consent_date: '2014-09-02', consent_scope: 'registration;assistance',
  };
  const cells = { ...base, ...over };
  return HEADERS.map((h) => cells[h] ?? '');
}

const child = (over: Record<string, string> = {}) =>
  row({ relationship: 'son', given_name: 'علي', father_name: 'أحمد', grandfather_name: 'حسن', birth_date: '2005-03-14', ...over });

function storedHousehold(input: HouseholdInput): Household {
  return {
    ...input,
    id: '0b7a4d0e-2f41-4c53-9a39-8d2f7f1d6a11',
    registrationNumber: 'MOMD-IQG11-0000042',
    registrationNumbers: ['MOMD-IQG11-0000042'],
    registry: 'MOMD',
    notes: null,
    status: 'active',
    registeredOn: input.registeredOn ?? '2014-07-20',
    displacement: { status: 'displaced', since: '2014-06', movementId: null },
    size: input.members.length,
    version: 1,
    members: input.members.map((m, i) => ({ ...m, id: `0b7a4d0e-2f41-4c53-9a39-8d2f7f1d6a2${i}` })),
    createdAt: '2014-09-02T08:00:00Z',
    updatedAt: '2014-09-02T08:00:00Z',
  };
}

describe('detectHeader', () => {
  it('reads a plain header row', () => {
    const found = detectHeader([HEADERS, row({})]);
    expect(found).toMatchObject({ dataStart: 1 });
    if ('columnIndex' in found) expect(found.columnIndex.get('phone')).toBe(col('phone'));
  });

  it('reads a plain row followed by a tag row', () => {
    expect(detectHeader([...headerRows(), row({})])).toMatchObject({ dataStart: 2 });
  });

  it('matches hashtags with extra attributes in any order', () => {
    const tags = HOUSEHOLD_COLUMNS.map((c) => c.hxl);
    tags[col('given_name')] = '#beneficiary +given +i_ar +name';
    tags[col('consent_scope')] = '#meta+scope+consent';
    const found = detectHeader([tags]);
    if (!('columnIndex' in found)) throw new Error(found.error);
    expect(found.columnIndex.get('given_name')).toBe(col('given_name'));
    expect(found.columnIndex.get('consent_scope')).toBe(col('consent_scope'));
    expect(found.columnIndex.get('consent_given')).toBe(col('consent_given'));
  });

  it('names the required columns a file lacks', () => {
    expect(detectHeader([['household_ref', 'given_name', 'sex']])).toMatchObject({
      error: 'csv.missing_columns', columns: ['relationship', 'origin_pcode', 'current_pcode', 'shelter', 'legal_basis'],
    });
  });

  it('refuses an empty file and a file with no known column', () => {
    expect(detectHeader([])).toEqual({ error: 'csv.empty' });
    expect(detectHeader([['name', 'age'], ['x', '3']])).toEqual({ error: 'csv.no_header' });
  });
});

describe('round trip', () => {
  it('export then import gives the same household', () => {
    const input = HouseholdInput.parse({
      registry: 'MOMD', origin: { pcode: 'IQG15Q07', place: 'سنجار' }, displacedOn: '2014-08',
      current: { pcode: 'IQG09Q03', siteId: null, address: 'Khanke camp' }, shelter: 'camp',
      phone: '+9647501234567', legalBasis: 'consent',
      consent: { given: true, date: '2014-10-01', scope: ['registration', 'contact'] },
      registeredOn: '2014-10-02',
      members: [
        { relationship: 'head', givenName: 'خدر', fatherName: 'الياس', grandfatherName: 'حسن', familyName: null,
          sex: 'm', birthDate: '1970', documents: [{ type: 'civil_status_id', number: '00123456' }] },
        { relationship: 'spouse', givenName: 'Nadia', sex: 'f', birthDate: '1978-07-01', specificNeeds: ['PL'],
          documents: [{ type: 'national_id', number: '197812345678' }, { type: 'passport', number: 'A1234567' }] },
        { relationship: 'son', givenName: 'Dilshad', fatherName: 'Khidir', sex: 'm', birthDate: '2009-02',
          noDocuments: true, specificNeeds: ['LP-ND', 'DS'] },
      ],
    });
    const rows = [...headerRows(), ...householdToRows(storedHousehold(input), 'MOMD')];
    const { households, errors } = rowsToHouseholds(rows);
    expect(errors).toEqual([]);
    expect(households).toHaveLength(1);
    expect(households[0].rows).toEqual([3, 4, 5]);
    expect(households[0].input).toEqual(input);
  });

  it('writes the registration number but ignores it on import', () => {
    const input = HouseholdInput.parse(rowsToHouseholds([HEADERS, row({})]).households[0].input);
    const exported = householdToRows(storedHousehold(input), 'MOMD');
    expect(exported[0][col('registration_number')]).toBe('MOMD-IQG11-0000042');
    exported[0][col('registration_number')] = 'anything';
    expect(rowsToHouseholds([HEADERS, ...exported]).errors).toEqual([]);
  });
});

describe('rowsToHouseholds', () => {
  it('reads a file with only an HXL tag row', () => {
    const tags = HOUSEHOLD_COLUMNS.map((c) => c.hxl);
    const { households, errors } = rowsToHouseholds([tags, row({}), child()]);
    expect(errors).toEqual([]);
    expect(households[0].rows).toEqual([2, 3]);
    expect(households[0].input.members[1]).toMatchObject({ givenName: 'علي', fatherName: 'أحمد', relationship: 'son' });
  });

  it('reads a CSV file with a byte-order mark, title rows above the tags and blank lines', () => {
    const text = `\uFEFFAmina export\n${headerRows().map((r) => r.join(',')).join('\n')}\n${row({}).join(',')}\n,,,\n`;
    const { households, errors } = rowsToHouseholds(parse(text, { relax_column_count: true }) as string[][]);
    expect(errors).toEqual([]);
    expect(households).toHaveLength(1);
  });

  it('groups rows by household_ref wherever they are', () => {
    const { households } = rowsToHouseholds([
      HEADERS, row({ household_ref: 'A' }), row({ household_ref: 'B' }), child({ household_ref: 'A' }),
    ]);
    expect(households.map((h) => [h.ref, h.rows])).toEqual([['A', [2, 4]], ['B', [3]]]);
  });

  it('accepts Eastern Arabic digits in dates and phones, and DD/MM/YYYY', () => {
    const { households, errors } = rowsToHouseholds([
      HEADERS,
      row({ birth_date: '١٩٧٥-٠٧-٠١', phone: '٠٧٧٠ ١٢٣ ٤٥٦٧', displaced_on: '٢٠١٤-٠٦' }),
      child({ birth_date: '14/3/2005', phone: '07701234567' }),
    ]);
    expect(errors).toEqual([]);
    const h = households[0].input;
    expect([h.phone, h.displacedOn, h.members[0].birthDate, h.members[1].birthDate])
      .toEqual(['+9647701234567', '2014-06', '1975-07-01', '2005-03-14']);
  });

  it('takes household values from the head row even when the head is not first', () => {
    const { households } = rowsToHouseholds([HEADERS, child({ shelter: '', phone: '' }), row({})]);
    expect(households[0].input).toMatchObject({ shelter: 'camp', phone: '+9647501234567' });
    expect(households[0].input.members.map((m) => m.relationship)).toEqual(['son', 'head']);
  });

  it('reads friendly spellings of codes', () => {
    const { households, errors } = rowsToHouseholds([
      HEADERS, row({ relationship: 'Head of household', sex: 'ذكر', shelter: 'Host family', consent_given: 'نعم' }),
      child({ relationship: 'son in law', sex: 'Male', specific_needs: 'sm ds', shelter: 'host  FAMILY', consent_given: '' }),
    ]);
    expect(errors).toEqual([]);
    expect(households[0].input).toMatchObject({ shelter: 'host_family', consent: { given: true } });
    expect(households[0].input.members[1]).toMatchObject({ relationship: 'son_in_law', sex: 'm', specificNeeds: ['SM', 'DS'] });
  });
});

describe('broken rows', () => {
  const errorsOf = (...rows: string[][]) => rowsToHouseholds([HEADERS, ...rows]);

  it.each([
    ['a bad P-code', { origin_pcode: 'Mosul' }, 'origin_pcode', 'pcode.invalid'],
    ['a bad current P-code', { current_pcode: 'IQG11Q2' }, 'current_pcode', 'pcode.invalid'],
    ['a bad date', { displaced_on: '2014-13' }, 'displaced_on', 'date.invalid'],
    ['a future date', { consent_date: '2199-01-01' }, 'consent_date', 'date.future'],
    ['a bad phone', { phone: '12' }, 'phone', 'phone.invalid'],
    ['a missing given name', { given_name: '' }, 'given_name', 'required'],
    ['an unknown sex', { sex: 'x' }, 'sex', 'sex.invalid'],
    ['a need that is not a code', { specific_needs: 'SM;pregnant' }, 'specific_needs', 'need.invalid'],
    ['an unknown document type', { document_type: 'card', document_number: '12' }, 'document_type', 'document.type'],
    ['a document with no number', { document_type: 'passport' }, 'document_number', 'required'],
    ['a consent that is not yes or no', { consent_given: 'maybe' }, 'consent_given', 'csv.boolean'],
    ['consent as basis without consent', { legal_basis: 'consent', consent_given: 'no' }, 'consent_given', 'consent.required'],
  ])('reports %s on its row and column', (_, over, column, message) => {
    const { households, errors } = errorsOf(row({ household_ref: 'ok' }), child({ household_ref: 'ok' }), row(over));
    expect(errors).toEqual([{ row: 4, column, message }]);
    expect(households.map((h) => h.ref)).toEqual(['ok']);
  });

  it('reports a bad birth date on the member row', () => {
    const { households, errors } = errorsOf(row({}), child(), child({ birth_date: '2005-02-30' }));
    expect(errors).toEqual([{ row: 4, column: 'birth_date', message: 'date.invalid' }]);
    expect(households).toEqual([]);
  });

  it('reports two heads on both head rows, even when another field is wrong', () => {
    const { errors } = errorsOf(row({}), child({ birth_date: 'soon' }), row({ given_name: 'حسين' }));
    expect(errors).toEqual([
      { row: 2, column: 'relationship', message: 'members.two_heads' },
      { row: 3, column: 'birth_date', message: 'date.invalid' },
      { row: 4, column: 'relationship', message: 'members.two_heads' },
    ]);
  });

  it('reports a missing head on the first row of the household', () => {
    const { errors } = errorsOf(row({ household_ref: 'A' }), child({ household_ref: 'B' }), child({ household_ref: 'B' }));
    expect(errors).toEqual([{ row: 3, column: 'relationship', message: 'members.no_head' }]);
  });

  it('reports a household value that differs from the head row on the differing row', () => {
    const { households, errors } = errorsOf(row({}), child({ current_pcode: 'IQG09Q02' }), child({ current_pcode: '' }));
    expect(errors).toEqual([{ row: 3, column: 'current_pcode', message: 'csv.household_mismatch' }]);
    expect(households).toEqual([]);
  });

  it('puts a household field error on the row the value came from', () => {
    const { errors } = errorsOf(row({ shelter: '' }), child({ shelter: 'tent!' }));
    expect(errors).toEqual([{ row: 3, column: 'shelter', message: 'shelter.invalid' }]);
  });

  it('reports a row without household_ref and a document count mismatch', () => {
    const { errors } = errorsOf(row({ household_ref: '' }), row({ document_type: 'national_id;passport', document_number: '123' }));
    expect(errors).toEqual([
      { row: 2, column: 'household_ref', message: 'required' },
      { row: 3, column: 'document_number', message: 'csv.document_count' },
    ]);
  });

  it('reports a header problem on row 1', () => {
    expect(rowsToHouseholds([['a', 'b']])).toEqual({ households: [], errors: [{ row: 1, column: null, message: 'csv.no_header' }] });
  });
});

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+2', `'+1+2`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['+9647501234567', '+9647501234567'],
    ['+964 750 123 4567', `'+964 750 123 4567`],
    ['أحمد', 'أحمد'],
    ["O'Brien", "O'Brien"],
    ['', ''],
  ])('guards %j as %j and reads it back', (value, written) => {
    expect(guardCell(value)).toBe(written);
    expect(unguardCell(guardCell(value))).toBe(value);
  });

  it('leaves an apostrophe that does not guard a formula', () => {
    expect(unguardCell("'Abd")).toBe("'Abd");
  });

  it('imports guarded cells as their value', () => {
    const guarded = row({ given_name: guardCell('=cmd'), family_name: guardCell('-Jubouri'), phone: guardCell('+9647501234567') });
    const { households, errors } = rowsToHouseholds([HEADERS, guarded]);
    expect(errors).toEqual([]);
    expect(households[0].input).toMatchObject({ phone: '+9647501234567', members: [{ givenName: '=cmd', familyName: '-Jubouri' }] });
  });
});
