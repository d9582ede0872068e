import { sql, type RawBuilder } from 'kysely';
import { entitlementFor, formulaCodes, type EntitlementFormula } from '#domain/assistance/formula';
import type { TargetingRules } from '#domain/assistance/targeting';
import { ADULT_AGE, ELDERLY_AGE, type Criterion, type ScoredCriterion } from '#domain/assistance/vulnerability';

/**
 * The targeting rules and the entitlement formula of a round as SQL, built from the data: one
 * set-based query over the registry, whatever the number of households (never row by row in
 * JavaScript). It says what `matchesRules`, `vulnerabilityScore` and `entitlementFor` say for
 * one household (domain/assistance), which the server tests hold it to.
 *
 * Read-only targeting SQL over other capabilities' tables: the registry's households and
 * individuals (and shelter_types), dedup's open pairs, and the entitlements of other rounds.
 * A programme targets the households its organisation's registry holds: its own, and those a
 * merge brought into it (`also_registries`); merged and closed households never.
 */
export interface TargetFrame {
  roundId: string; organizationId: string; organizationCode: string; sector: string; programmeAreas: readonly string[];
  startsOn: string; endsOn: string; rules: TargetingRules; weights: readonly ScoredCriterion[];
}

const or = (parts: RawBuilder<unknown>[]) => sql`(${sql.join(parts, sql` or `)})`;
const and = (parts: RawBuilder<unknown>[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);
const prefixes = (column: RawBuilder<unknown>, areas: readonly string[]) => or(areas.map((a) => sql`${column} like ${`${a}%`}`));

/** Households by what the households table says: registry, status, place, shelter, status date. */
function candidateConditions(f: TargetFrame): RawBuilder<unknown> {
  const r = f.rules;
  const where: RawBuilder<unknown>[] = [
    sql`h.status = 'active'`,
    sql`(h.registry_organization_id = ${f.organizationId} or h.also_registries @> array[${f.organizationCode}]::text[])`,
    sql`h.displacement_status in (${sql.join(r.statuses)})`,
  ];
  if (f.programmeAreas.length) where.push(prefixes(sql`h.current_pcode`, f.programmeAreas));
  if (r.areas.length || r.sites.length) {
    where.push(or([
      ...(r.areas.length ? [prefixes(sql`h.current_pcode`, r.areas)] : []),
      ...(r.sites.length ? [sql`h.current_site_id in (${sql.join(r.sites.map((s) => sql`${s}::uuid`))})`] : []),
    ]));
  }
  const since = sql`(case length(h.status_since) when 4 then h.status_since || '-01-01' when 7 then h.status_since || '-01' else h.status_since end)`;
  if (r.since?.from) where.push(sql`${since} >= ${r.since.from}`);
  if (r.since?.to) where.push(sql`${since} <= ${r.since.to}`);
  if (r.shelterTypes.length || r.shelterCategories.length) {
    where.push(or([
      ...(r.shelterTypes.length ? [sql`h.shelter in (${sql.join(r.shelterTypes)})`] : []),
      ...(r.shelterCategories.length ? [sql`st.category in (${sql.join(r.shelterCategories)})`] : []),
    ]));
  }
  return and(where);
}

const year = (day: string) => Number(day.slice(0, 4));

/** One criterion of the score as a condition on a household row `c` (its facts and its members' sums). */
function criterionSql(c: Criterion, needColumn: (code: string) => RawBuilder<unknown>, day: string): RawBuilder<unknown> {
  switch (c.kind) {
    case 'need': return sql`coalesce(${needColumn(c.code)}, false)`;
    case 'size': return c.max === null ? sql`c.people >= ${c.min}` : sql`c.people between ${c.min} and ${c.max}`;
    case 'shelter': return sql`(c.shelter = ${c.code} or c.category = ${c.code})`;
    case 'status': return sql`c.status = ${c.status}`;
    case 'head':
      if (c.what === 'female' || c.what === 'male') return sql`c.head_sex = ${c.what === 'female' ? 'f' : 'm'}`;
      return c.what === 'elderly' ? sql`coalesce(${year(day)}::int - c.head_birth >= ${ELDERLY_AGE}, false)`
        : sql`coalesce(${year(day)}::int - c.head_birth < ${ADULT_AGE}, false)`;
  }
}

const DEMOGRAPHICS = [
  ['female_children', sql`i.sex = 'f' and i.age between 0 and ${ADULT_AGE - 1}`],
  ['female_adults', sql`i.sex = 'f' and i.age between ${ADULT_AGE} and ${ELDERLY_AGE - 1}`],
  ['female_elderly', sql`i.sex = 'f' and i.age >= ${ELDERLY_AGE}`],
  ['male_children', sql`i.sex = 'm' and i.age between 0 and ${ADULT_AGE - 1}`],
  ['male_adults', sql`i.sex = 'm' and i.age between ${ADULT_AGE} and ${ELDERLY_AGE - 1}`],
  ['male_elderly', sql`i.sex = 'm' and i.age >= ${ELDERLY_AGE}`],
  ['age_unknown', sql`(i.age is null or i.age < 0)`],
] as const;
export const DEMOGRAPHIC_COLUMNS = DEMOGRAPHICS.map(([name]) => name);

/** The members' sums of each household (one aggregate over the candidates' members): people, head, needs, sex and age. */
function memberSums(f: TargetFrame, needCodes: readonly string[]): RawBuilder<unknown> {
  const counted = sql`i.same_as is null`;
  return sql.join([
    sql`count(*) filter (where ${counted})::int as people`,
    sql`max(i.sex) filter (where i.relationship = 'head') as head_sex`,
    sql`(max(left(i.birth_date, 4)) filter (where i.relationship = 'head'))::int as head_birth`,
    f.rules.needs.length ? sql`bool_or(i.specific_needs && array[${sql.join(f.rules.needs)}]::text[]) filter (where ${counted}) as any_need` : sql`null::boolean as any_need`,
    ...needCodes.map((code, k) => sql`bool_or(${code} = any (i.specific_needs)) filter (where ${counted}) as ${sql.ref(`need_${k}`)}`),
    ...DEMOGRAPHICS.map(([name, cond]) => sql`count(*) filter (where ${counted} and ${cond})::int as ${sql.ref(name)}`),
  ]);
}

/**
 * Every household that meets the rules, with its people, score, sex-and-age counts, place, and
 * whether an exclusion (open duplicate pair, served in the sector in the period) leaves it out.
 * Exclusions switched off in the rules are never true. One scan of the candidate households
 * joined to their members and grouped by household, then two small sets joined to it.
 */
export function targetedSql(f: TargetFrame): RawBuilder<unknown> {
  const r = f.rules;
  const needCodes = [...new Set(f.weights.flatMap((w) => (w.criterion.kind === 'need' ? [w.criterion.code] : [])))];
  const needColumn = (code: string) => sql.ref(`c.need_${needCodes.indexOf(code)}`);
  const score = f.weights.length
    ? sql.join(f.weights.map((w) => sql`(case when ${criterionSql(w.criterion, needColumn, f.startsOn)} then ${w.weight}::int else 0 end)`), sql` + `)
    : sql`0`;
  const where: RawBuilder<unknown>[] = [sql`c.people >= 1`];
  if (r.size?.min !== undefined) where.push(sql`c.people >= ${r.size.min}`);
  if (r.size?.max !== undefined) where.push(sql`c.people <= ${r.size.max}`);
  if (r.needs.length) where.push(sql`coalesce(c.any_need, false)`);
  if (r.minScore !== undefined) where.push(sql`(${score}) >= ${r.minScore}`);
  const excluding = (on: boolean) => (on ? sql`true` : sql`false`);
  return sql`with served as (
      select distinct coalesce(h2.merged_into, e.household_id) as id
      from entitlements e join distribution_rounds r2 on r2.id = e.round_id join programmes p2 on p2.id = r2.programme_id
        join households h2 on h2.id = e.household_id
      where ${excluding(r.exclude.servedInSector)} and p2.sector_code = ${f.sector} and r2.id <> ${f.roundId}
        and e.status <> 'cancelled' and r2.starts_on <= ${f.endsOn}::date and r2.ends_on >= ${f.startsOn}::date
    ), paired as (
      select household_a as id from dedup_pairs where ${excluding(r.exclude.openDuplicates)} and kind = 'household' and status = 'open'
      union
      select household_b from dedup_pairs where ${excluding(r.exclude.openDuplicates)} and kind = 'household' and status = 'open'
    )
    select c.id, c.pcode, c.site_id, c.people, (${score})::int as score, ${sql.join(DEMOGRAPHICS.map(([name]) => sql.ref(`c.${name}`)))},
      paired.id is not null as open_duplicate, served.id is not null as served
    from (
      select h.id, h.current_pcode as pcode, h.current_site_id as site_id, h.shelter, st.category, h.displacement_status as status,
        ${memberSums(f, needCodes)}
      from households h join shelter_types st on st.code = h.shelter
        join (select i.*, ${year(f.startsOn)}::int - left(i.birth_date, 4)::int as age from individuals i) i on i.household_id = h.id
      where ${candidateConditions(f)}
      group by h.id, st.category
    ) c left join paired on paired.id = c.id left join served on served.id = c.id
    where ${and(where)}`;
}

/** Quantity of one code for a household of `people` (a SQL expression), summed over the formula's parts. */
function quantitySql(formula: EntitlementFormula, code: string, people: RawBuilder<unknown>): RawBuilder<unknown> {
  const terms = formula.parts.flatMap((part): RawBuilder<unknown>[] => {
    if (part.per === 'band') {
      const bands = part.bands.flatMap((b) => b.lines.filter((l) => l.code === code).map((l) => ({ ...b, quantity: l.quantity })));
      if (!bands.length) return [];
      return [sql`(case ${sql.join(bands.map((b) => sql`when ${people} between ${b.from} and ${b.to ?? 1_000_000} then ${b.quantity}::bigint`), sql` `)} else 0 end)`];
    }
    const line = part.lines.find((l) => l.code === code);
    if (!line) return [];
    return [part.per === 'household' ? sql`${line.quantity}::bigint` : sql`${line.quantity}::bigint * least(${people}, ${part.maxPeople ?? 1_000_000})`];
  });
  return terms.length ? sql`(${sql.join(terms, sql` + `)})` : sql`0::bigint`;
}

/**
 * What a household of `people` receives as jsonb lines `[{code, quantity}]` (zero lines left out)
 * and whether it receives anything. Mirrors `entitlementFor`.
 */
export function contentsSql(formula: EntitlementFormula, people: RawBuilder<unknown>) {
  const codes = formulaCodes(formula);
  if (!codes.length) return { contents: sql`'[]'::jsonb`, any: sql`false` };
  const quantities = codes.map((code) => ({ code, q: quantitySql(formula, code, people) }));
  return {
    contents: sql`jsonb_path_query_array(jsonb_build_array(${sql.join(quantities.map(({ code, q }) => sql`jsonb_build_object('code', ${code}::text, 'quantity', ${q})`))}), '$[*] ? (@.quantity > 0)')`,
    any: or(quantities.map(({ q }) => sql`${q} > 0`)),
  };
}


/** Households up to this size get their contents from a table made by `entitlementFor`; larger ones from `contentsSql`. */
export const TABLED_PEOPLE = 60;

/**
 * What households of 1 to TABLED_PEOPLE people receive, as a VALUES table `(people, contents)`
 * with only the sizes that receive something: a hash join instead of building jsonb per row.
 */
export function contentsTable(formula: EntitlementFormula): RawBuilder<unknown> {
  const rows = Array.from({ length: TABLED_PEOPLE }, (_, i) => [i + 1, entitlementFor(formula, i + 1)] as const).filter(([, lines]) => lines.length);
  if (!rows.length) return sql`(select null::int as people, null::jsonb as contents where false)`;
  return sql`(values ${sql.join(rows.map(([people, lines]) => sql`(${people}::int, ${JSON.stringify(lines)}::jsonb)`))})`;
}
