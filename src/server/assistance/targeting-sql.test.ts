import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { entitlementFor, formulaTotals, EntitlementFormula } from '#domain/assistance/formula';
import { TargetingRules, matchesRules, type HouseholdFacts } from '#domain/assistance/targeting';
import { vulnerabilityScore } from '#domain/assistance/vulnerability';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { newProgramme, newRound, organisation, register, type FamilySpec } from './assistance.fixture.ts';
import { sql } from 'kysely';
import { scoredWeights } from './catalogue.ts';
import { TABLED_PEOPLE, contentsSql, contentsTable } from './targeting-sql.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const FORMULA = {
  parts: [
    { per: 'household', lines: [{ code: 'food_parcel', quantity: 1 }] },
    { per: 'person', lines: [{ code: 'cash_grant', quantity: 25000 }], maxPeople: 8 },
    { per: 'band', bands: [{ from: 1, to: 3, lines: [{ code: 'blanket', quantity: 2 }] }, { from: 6, lines: [{ code: 'blanket', quantity: 5 }, { code: 'winter_kit', quantity: 1 }] }] },
  ],
};
const PLACES = ['IQG09Q01', 'IQG11Q01', 'IQG11Q04'];
const SHELTERS: Record<string, string> = { host_family: 'private', school: 'critical', camp: 'camp', rented_house: 'private' };
const SINCE = ['2014', '2014-06', '2014-08-15', '2015-03'];
const NEEDS = ['SM', 'DS', 'PL', 'ER'];

/** A household of a seeded variety: place, shelter, date, size, sexes, birth years and needs. */
function spec(r: () => number): FamilySpec {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const size = 1 + Math.floor(r() * 9);
  return {
    pcode: pick(PLACES), shelter: pick(Object.keys(SHELTERS)), displacedOn: pick(SINCE),
    members: Array.from({ length: size }, (_, i) => ({
      sex: r() < 0.5 ? 'f' : 'm', birth: r() < 0.1 ? null : String(1940 + Math.floor(r() * 74)),
      needs: NEEDS.filter(() => r() < 0.12), relationship: i === 0 ? 'head' : 'son',
    })),
  };
}

const facts = (s: FamilySpec): HouseholdFacts => ({
  pcode: s.pcode!, siteId: null, shelter: s.shelter!, shelterCategory: SHELTERS[s.shelter!], status: 'displaced', since: s.displacedOn!,
  people: s.members!.length, needs: [...new Set(s.members!.flatMap((m) => m.needs ?? []))], headSex: s.members![0].sex!,
  headBirthYear: s.members![0].birth ? Number(s.members![0].birth) : null, active: true, openDuplicate: false, servedInSector: false,
});

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs]);
const rulesArbitrary = fc.record({
  areas: subset(['IQG11', 'IQG11Q04', 'IQG09Q01']),
  statuses: fc.constantFrom(['displaced'], ['displaced', 'returned']),
  since: fc.option(fc.record({ from: fc.constantFrom(undefined, '2014-06-01', '2014-08-15'), to: fc.constantFrom(undefined, '2014-12-31') }), { nil: undefined }),
  shelterTypes: subset(['camp', 'rented_house']),
  shelterCategories: subset(['critical']),
  size: fc.option(fc.record({ min: fc.constantFrom(undefined, 3, 4), max: fc.constantFrom(undefined, 6, 7) }), { nil: undefined }),
  needs: subset(['SM', 'PL']),
  minScore: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
}).map((r) => JSON.parse(JSON.stringify(r)));

describe('the targeting SQL', () => {
  it('says what the domain rules, score and formula say of each household, for any rules (property)', async () => {
    const o = await organisation(server);
    let seed = 7;
    const r = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    const specs = Array.from({ length: 24 }, () => spec(r));
    for (const s of specs) await register(o.clerk.client, s);
    const households = specs.map(facts);
    const weights = await scoredWeights(server.ctx.db.kysely);
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id, { formula: FORMULA });
    const formula = EntitlementFormula.parse(FORMULA);
    let version = round.version;
    const seen = new Set<number>();

    await fc.assert(fc.asyncProperty(rulesArbitrary, async (raw) => {
      const patched = await o.maker.client.patch(`/api/distribution-rounds/${round.id}`, { version, rules: raw });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      version = patched.body.version;
      const preview = (await o.maker.client.post(`/api/distribution-rounds/${round.id}/preview`)).body;
      const rules = TargetingRules.parse(raw);
      const eligible = households.filter((h) => matchesRules(rules, h, ['IQG11', 'IQG09'], vulnerabilityScore(weights, h, '2014-11-01')));
      const entitled = eligible.filter((h) => entitlementFor(formula, h.people).length > 0);
      expect(preview.households).toBe(entitled.length);
      seen.add(entitled.length);
      expect(preview.notEntitled).toBe(eligible.length - entitled.length);
      expect(preview.people).toBe(entitled.reduce((s, h) => s + h.people, 0));
      const districts = preview.governorates.flatMap((g: { districts: { pcode: string; households: number }[] }) => g.districts)
        .map((d: { pcode: string; households: number }) => [d.pcode, d.households]);
      const expected = PLACES.map((pcode) => [pcode, entitled.filter((h) => h.pcode === pcode).length]).filter(([, n]) => n);
      expect(districts).toEqual(expected);
      const bySize = new Map<number, number>();
      for (const h of entitled) bySize.set(h.people, (bySize.get(h.people) ?? 0) + 1);
      expect(preview.lines.map(({ code, quantity }: { code: string; quantity: number }) => ({ code, quantity }))).toEqual(formulaTotals(formula, bySize));
    }), { numRuns: 30 });
    // The rules drawn cut the registry in many different ways, not all or nothing.
    expect(seen.size).toBeGreaterThan(5);
  });

  it('gives a household of any size what the formula gives it, from the table and beyond it', async () => {
    const formula = EntitlementFormula.parse(FORMULA);
    const { contents, any } = contentsSql(formula, sql`g`);
    const computed = await sql<{ people: number; contents: unknown; any: boolean }>`select g as people, ${contents} as contents, ${any} as any
      from generate_series(1, ${TABLED_PEOPLE * 2}) g order by g`.execute(server.ctx.db.kysely);
    for (const r of computed.rows) {
      const lines = typeof r.contents === 'string' ? JSON.parse(r.contents) : r.contents;
      expect(lines, `people ${r.people}`).toEqual(entitlementFor(formula, r.people));
      expect(r.any).toBe(lines.length > 0);
    }
    const tabled = await sql<{ people: number; contents: unknown }>`select * from ${contentsTable(formula)} as f (people, contents) order by people`.execute(server.ctx.db.kysely);
    expect(tabled.rows.map((r) => r.people)).toEqual(Array.from({ length: TABLED_PEOPLE }, (_, i) => i + 1));
    expect(typeof tabled.rows[6].contents === 'string' ? JSON.parse(tabled.rows[6].contents) : tabled.rows[6].contents).toEqual(entitlementFor(formula, 7));
    const bands = EntitlementFormula.parse({ parts: [{ per: 'band', bands: [{ from: 5, to: 6, lines: [{ code: 'blanket', quantity: 1 }] }] }] });
    const some = await sql<{ people: number }>`select people from ${contentsTable(bands)} as f (people, contents)`.execute(server.ctx.db.kysely);
    expect(some.rows.map((r) => r.people)).toEqual([5, 6]);
  });
});
