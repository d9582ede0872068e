/**
 * Targeting and issuing entitlements at scale (target: seconds, not minutes, for 200,000
 * households on PostgreSQL), called as the routes call them:
 *   DATABASE_URL=postgres://... npx tsx bench/assistance/issue.ts [--households 200000] [--runs 3] [--keep]
 * Writes a synthetic registry straight in SQL (households of 1 to 9 people in six districts,
 * some returned, some with needs, a few open duplicate pairs), then: a first round of the sector
 * for the smallest families (so that the second meets the "served in the period" exclusion), the
 * preview of the main round (score, bands and per-person cash), its issue, a second issue
 * (nothing more), and the reports over the result.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { connect } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createSealer } from '../../src/server/shared/crypto.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import type { Actor, Ctx } from '../../src/server/context.ts';
import { createUser } from '../../src/server/identity/users.ts';
import { organizationByCode } from '../../src/server/identity/users-store.ts';
import { actorByUserId } from '../../src/server/identity/store.ts';
import { createProgramme } from '../../src/server/assistance/programmes.ts';
import { createRound, shownRound } from '../../src/server/assistance/rounds.ts';
import { approveRound, submitRound } from '../../src/server/assistance/approval.ts';
import { issueEntitlements, previewRound } from '../../src/server/assistance/issue.ts';
import { assistanceDashboard, reachReport, threeWRows } from '../../src/server/assistance/reports.ts';
import { RoundInput } from '../../src/domain/assistance/rounds.ts';
import { ProgrammeInput } from '../../src/domain/assistance/programmes.ts';
import { scratchDatabase } from '../../test/postgres.ts';
import { fixed, machine } from '../support.ts';

const { values } = parseArgs({ options: { households: { type: 'string', default: '200000' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } } });
const N = Number(values.households);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL (PostgreSQL)');

const DISTRICTS = ['IQG11Q01', 'IQG11Q04', 'IQG09Q01', 'IQG09Q02', 'IQG06Q01', 'IQG08Q01'];
const SHELTERS = ['host_family', 'rented_house', 'camp', 'school', 'unfinished_building', 'informal_settlement'];

/** The registry, in a few statements: households, their members (head first), some open pairs. */
async function loadRegistry(ctx: Ctx, organizationId: string) {
  const db = ctx.db.kysely;
  await sql`insert into households (id, registry_organization_id, registration_number, origin_pcode, current_pcode, shelter, legal_basis,
      consent, size, registered_pcode, registered_shelter, displacement_status, status_since, displaced_on, registered_on)
    select gen_random_uuid(), ${organizationId}, 'MOMD-BENCH-' || g, 'IQG15Q05', d, s, 'vital_interest', '{"given":false,"date":null,"scope":[]}'::jsonb,
      1 + (g * 13) % 9, d, s, case when g % 10 = 0 then 'returned' else 'displaced' end,
      case when g % 10 = 0 then '2016-05' else '2014-0' || (6 + g % 3) end, '2014-0' || (6 + g % 3), '2015-01-10'
    from generate_series(1, ${N}) g,
      lateral (select (${sql.val(DISTRICTS)}::text[])[1 + g % ${DISTRICTS.length}] as d, (${sql.val(SHELTERS)}::text[])[1 + (g * 7) % ${SHELTERS.length}] as s) x`.execute(db);
  await sql`insert into individuals (id, household_id, position, relationship, given_name, family_name, sex, birth_date, specific_needs)
    select gen_random_uuid(), h.id, p, case when p = 0 then 'head' else 'son' end, 'Bench', 'Family',
      case when random() < 0.5 then 'm' else 'f' end, (1940 + floor(random() * 74))::int::text,
      case when random() < 0.04 then array['SM'] when random() < 0.04 then array['DS', 'PL'] else '{}'::text[] end
    from households h, generate_series(0, h.size - 1) p where h.registration_number like 'MOMD-BENCH-%'`.execute(db);
  await sql`insert into dedup_pairs (id, household_a, household_b, score, band, source)
    select gen_random_uuid(), least(a.id, b.id), greatest(a.id, b.id), 0.95, 'likely', 'batch'
    from (select id, row_number() over (order by id) as n from households where registration_number like 'MOMD-BENCH-%' limit 2000) a
    join (select id, row_number() over (order by id desc) as n from households where registration_number like 'MOMD-BENCH-%' limit 2000) b on a.n = b.n
    where a.id <> b.id on conflict do nothing`.execute(db);
  await ctx.db.exec('analyze');
  const people = await sql<{ n: number }>`select count(*)::int as n from individuals`.execute(db);
  return people.rows[0].n;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label.padEnd(52)} ${fixed((performance.now() - started) / 1000, 2)} s`);
  return result;
}

async function approvedRound(ctx: Ctx, maker: Actor, checker: Actor, programmeId: string, input: Record<string, unknown>) {
  const round = (await createRound(ctx, maker, programmeId, RoundInput.parse(input))).body;
  const submitted = await submitRound(ctx, maker, round.id, round.version);
  await approveRound(ctx, checker, round.id, submitted.version);
  return round.id;
}

async function main() {
  console.log(machine());
  const scratch = await scratchDatabase(url!, 'amina_aid');
  const db = await connect({ databaseUrl: scratch.url });
  try {
    await migrate(db);
    const ctx: Ctx = { db, config: { ...loadConfig({}), adminPassword: 'bench-admin' }, sealer: createSealer(randomBytes(32)), log: { info() {}, warn() {}, error: console.error } };
    await bootstrap(ctx);
    const org = (await organizationByCode(db.kysely, 'MOMD'))!;
    const person = async (username: string) => {
      const user = await createUser(ctx, null, { username, displayName: username, password: 'bench-password-2014', organizationId: org.id, role: 'programme_manager', scope: [], locale: 'en', mfaRequired: false });
      return (await actorByUserId(db.kysely, user.id))!;
    };
    const [maker, checker] = [await person('bench.maker'), await person('bench.checker')];
    const people = await timed(`registry: ${N} households`, () => loadRegistry(ctx, org.id));
    console.log(`  ${people} individuals`);
    const programme = (await createProgramme(ctx, maker, ProgrammeInput.parse({ code: 'WINTER-2014', name: 'Winterisation', sector: 'shelter_nfi', startsOn: '2014-09-01' }))).body;
    const first = await approvedRound(ctx, maker, checker, programme.id, {
      startsOn: '2014-10-15', endsOn: '2014-11-15', rules: { size: { max: 2 } },
      formula: { parts: [{ per: 'household', lines: [{ code: 'food_parcel', quantity: 1 }] }] },
    });
    const version = async (id: string) => (await shownRound(db.kysely, id)).version;
    const firstIssued = await timed('issue round 1 (families of 1-2)', async () => issueEntitlements(ctx, maker, first, await version(first)));
    console.log(`  created ${firstIssued.created}`);
    const main = await approvedRound(ctx, maker, checker, programme.id, {
      startsOn: '2014-11-01', endsOn: '2014-11-30', rules: { statuses: ['displaced', 'returned'], areas: ['IQG11', 'IQG09', 'IQG06', 'IQG08'] },
      formula: { parts: [
        { per: 'household', lines: [{ code: 'food_parcel', quantity: 1 }] },
        { per: 'person', lines: [{ code: 'cash_grant', quantity: 25000 }], maxPeople: 8 },
        { per: 'band', bands: [{ from: 1, to: 3, lines: [{ code: 'blanket', quantity: 2 }] }, { from: 4, to: 6, lines: [{ code: 'blanket', quantity: 4 }] }, { from: 7, lines: [{ code: 'winter_kit', quantity: 1 }] }] },
      ] },
    });
    const runs = Number(values.runs);
    for (let i = 0; i < runs; i += 1) {
      const preview = await timed(`preview round 2 (run ${i + 1})`, () => previewRound(ctx, maker, main));
      if (i === 0) console.log(`  ${preview.households} households, ${preview.people} people; excluded: served ${preview.excluded.servedInSector}, open pairs ${preview.excluded.openDuplicates}`);
    }
    const seen = await version(main);
    const issued = await timed('issue round 2', () => issueEntitlements(ctx, maker, main, seen));
    console.log(`  created ${issued.created}, targeted ${issued.round.targetedHouseholds} households, ${issued.round.targetedPeople} people`);
    const again = await timed('issue round 2 again at the version read before (refused: 409)', () => issueEntitlements(ctx, maker, main, seen).then(() => 'issued twice!', (e: { status?: number }) => `refused ${e.status}`));
    console.log(`  ${again}`);
    await ctx.db.exec('analyze');
    await timed('report: reach by district', () => reachReport(ctx, maker, { by: 'area', level: 2 }));
    await timed('report: reach by sector', () => reachReport(ctx, maker, { by: 'sector', level: 1 }));
    await timed('report: 3W rows', () => threeWRows(ctx, maker, {}));
    await timed('report: dashboard', () => assistanceDashboard(ctx, maker));
  } finally {
    await db.close();
    if (values.keep) console.log(`kept: ${scratch.url}`);
    else await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
