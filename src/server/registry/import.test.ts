import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { syntheticHouseholds } from '#domain/demo/synthetic';
import { headerRows, householdInputToRows, rowsToHouseholds } from '#domain/registry/csv-format';
import { HouseholdInput } from '#domain/registry/household';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { householdInput, makeUser } from '../../../test/factories.ts';
import { actorByUserId } from '../identity/store.ts';
import { importHouseholds, validateForImport, type ImportHousehold } from './import.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

/** A user of the role, its actor for calling the import service, and its API client. */
async function person(role: string, o: { scope?: string[] } = {}) {
  const { user, client } = await makeUser(server, { role, ...o });
  const actor = (await actorByUserId(server.ctx.db.kysely, user.id))!;
  return { actor, client };
}

/** The file the households would make (header rows, one row per person), read back as an import does. */
function fileOf(inputs: HouseholdInput[]) {
  const rows = [...headerRows(), ...inputs.flatMap((h, i) => householdInputToRows(`H${i + 1}`, h))];
  return { rows, ...rowsToHouseholds(rows) };
}

const made = (over: Record<string, unknown> = {}) => HouseholdInput.parse(householdInput(over));
const generated = (seed: number, count: number) =>
  [...syntheticHouseholds({ seed, households: count })].map((h) => ({ ...h.input, registry: undefined }));

async function countHouseholds(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from households`.execute(server.ctx.db.kysely);
  return Number(r.rows[0].n);
}

/** Another spelling clerks use for the same Arabic letters: bare alef, heh for ta marbuta, yeh for alef maqsura. */
const otherForms = (name: string) => name.replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');

describe('importing a file', () => {
  it('makes 50 generated households searchable like registered ones, by name in other letter forms and by document', async () => {
    const { actor, client } = await person('data_manager');
    const file = fileOf(generated(11, 50));
    expect(file.errors).toEqual([]);
    const result = await importHouseholds(server.ctx, actor, file.households, { file: 'test.csv' });
    expect(result.imported).toBe(50);
    expect(result.individuals).toBe(file.rows.length - 2);
    const hits = async (q: string) => (await client.get(`/api/households?q=${encodeURIComponent(q)}&pageSize=200`)).body.items
      .map((h: { registrationNumber: string }) => h.registrationNumber);
    const variants = file.households.flatMap((h) => h.input.members.map((m) => ({ h, m })))
      .filter(({ m }) => otherForms(`${m.givenName} ${m.fatherName ?? ''}`) !== `${m.givenName} ${m.fatherName ?? ''}`);
    expect(variants.length).toBeGreaterThan(3);
    for (const { h, m } of variants.slice(0, 8)) {
      expect(await hits(otherForms(`${m.givenName} ${m.fatherName ?? ''}`))).toContain(result.registrationNumbers.get(h.ref));
    }
    const documented = file.households.find((h) => h.input.members.some((m) => m.documents.length))!;
    const number = documented.input.members.find((m) => m.documents.length)!.documents[0].number;
    expect(await hits(number)).toContain(result.registrationNumbers.get(documented.ref));
    const one = (await client.get(`/api/households?q=${result.registrationNumbers.get('H1')}`)).body.items[0];
    const read = await client.get(`/api/households/${one.id}`);
    expect(read.body).toMatchObject({ version: 1, size: file.households[0].input.members.length, registry: 'MOMD' });
    const history = await client.get(`/api/households/${one.id}/history`);
    expect(history.body.items[0]).toMatchObject({ action: 'import', actor: { username: actor.username } });
    const audit = await server.ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'household.import')
      .where('actor_id', '=', actor.userId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ count: 50, file: 'test.csv' });
  });

  it('imports nothing from a file with broken rows, and names each broken row', async () => {
    const { actor } = await person('data_manager');
    const before = await countHouseholds();
    const inputs = [made(), made(), made({ current: { pcode: 'IQG11Q02' } }), made()];
    const file = fileOf(inputs);
    // Rows 3-4 are H1, 5-6 H2, 7-8 H3, 9-10 H4: H2's spouse gets a bad date, H4 an unknown P-code.
    file.rows[5][8] = '1980-13';
    for (const row of [8, 9]) file.rows[row][15] = 'IQG99Q01';
    const parsed = rowsToHouseholds(file.rows);
    expect(parsed.errors).toEqual([{ row: 6, column: 'birth_date', message: 'date.invalid' }]);
    const checked = await validateForImport(server.ctx, actor, parsed.households);
    expect(checked.errors).toEqual([{ ref: 'H4', row: 9, column: 'current_pcode', message: 'pcode.unknown' }]);
    await expect(importHouseholds(server.ctx, actor, parsed.households)).rejects.toMatchObject({
      status: 422, options: { errors: [{ path: 'rows.9.current_pcode', key: 'pcode.unknown' }] },
    });
    expect(await countHouseholds()).toBe(before);
  });

  it('with the invalid households left out, imports only the valid ones', async () => {
    const { actor, client } = await person('data_manager');
    const tag = 'Skipvalid';
    const inputs = [0, 1, 2].map((i) => made({
      origin: { pcode: i === 1 ? 'IQG99' : 'IQG15Q05' },
      members: [{ relationship: 'head', givenName: `${tag}${'abc'[i]}`, familyName: tag, sex: 'm' }],
    }));
    const { valid, errors } = await validateForImport(server.ctx, actor, fileOf(inputs).households);
    expect(errors.map((e) => [e.ref, e.column, e.message])).toEqual([['H2', 'origin_pcode', 'pcode.unknown']]);
    expect((await importHouseholds(server.ctx, actor, valid)).imported).toBe(2);
    const found = await client.get(`/api/households?q=${tag}`);
    expect(found.body.items.map((h: { headName: string }) => h.headName).sort()).toEqual([`${tag}a ${tag}`, `${tag}c ${tag}`]);
  });

  it('checks places, sites, codes and permissions against the data, for the whole file', async () => {
    const scoped = await person('data_manager', { scope: ['IQG11'] });
    const file = fileOf([
      made({ current: { pcode: 'IQG08Q03' } }),
      made({ current: { pcode: 'IQG11Q02', siteId: '0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b' }, shelter: 'container' }),
      made({ members: [{ relationship: 'head', givenName: 'Sara', sex: 'f', specificNeeds: ['SV', 'ZZ'] }] }),
      made({ registry: 'BMD' }),
    ]);
    const { errors, valid } = await validateForImport(server.ctx, scoped.actor, file.households);
    expect(valid).toEqual([]);
    expect(errors.map((e) => [e.ref, e.row, e.column, e.message])).toEqual([
      ['H1', 3, 'current_pcode', 'scope.outside'],
      ['H2', 5, 'site_id', 'site.unknown'],
      ['H2', 5, 'shelter', 'shelter.unknown'],
      ['H3', 7, 'specific_needs', 'problem.forbidden'],
      ['H3', 7, 'specific_needs', 'need.unknown'],
      ['H4', 8, 'registry', 'registry.not_yours'],
    ]);
  });

  it('refuses a viewer with a 403 problem', async () => {
    const { actor } = await person('viewer');
    const { households } = fileOf([made()]);
    await expect(importHouseholds(server.ctx, actor, households)).rejects.toMatchObject({ status: 403, key: 'problem.forbidden' });
    await expect(validateForImport(server.ctx, actor, households)).rejects.toMatchObject({ status: 403 });
  });
});

describe('registration numbers', () => {
  it('stay unique and consecutive per governorate when imports and registrations mix', async () => {
    const { actor, client } = await person('data_manager');
    const seq = (n: string) => Number(n.split('-')[2]);
    const first = await client.post('/api/households', householdInput({ current: { pcode: 'IQG18Q02' } }));
    const file: ImportHousehold[] = fileOf([
      made({ current: { pcode: 'IQG18Q02' } }), made({ current: { pcode: 'IQG05Q02' } }),
      made({ current: { pcode: 'IQG18Q01' } }), made({ current: { pcode: 'IQG18Q02' } }),
    ]).households;
    const { registrationNumbers } = await importHouseholds(server.ctx, actor, file);
    const last = await client.post('/api/households', householdInput({ current: { pcode: 'IQG18Q02' } }));
    const inThiQar = [first.body.registrationNumber, ...['H1', 'H3', 'H4'].map((r) => registrationNumbers.get(r)!), last.body.registrationNumber];
    expect(inThiQar.every((n) => n.startsWith('MOMD-IQG18-'))).toBe(true);
    expect(inThiQar.map(seq)).toEqual([0, 1, 2, 3, 4].map((k) => seq(first.body.registrationNumber) + k));
    expect(registrationNumbers.get('H2')).toMatch(/^MOMD-IQG05-\d{7}$/);
    const r = await sql<{ all: number; distinct: number }>`select count(*)::int as all, count(distinct registration_number)::int as distinct
      from households`.execute(server.ctx.db.kysely);
    expect(r.rows[0].all).toBe(r.rows[0].distinct);
  });
});
