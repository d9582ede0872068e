// Over 500 lines: the place, wave and shelter tables the generator draws from belong beside it (names are in names.ts).
import type { HouseholdInput, MemberInput } from '../registry/household.ts';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, type NameEntry } from './names.ts';

/**
 * Synthetic displaced households for the demo and benchmarks, deterministic from a seed: Iraqi
 * four-part names in three scripts, the 2014-2016 displacement waves, the MoMD/BMD split, and
 * the same family registered twice with the spelling drift that makes deduplication hard.
 */
export interface SyntheticOptions {
  seed: number;
  households: number;
  /** Share of families also registered by the other registry, default 0.08. */
  overlap?: number;
}

export interface SyntheticHousehold {
  ref: string;
  registry: 'MOMD' | 'BMD';
  script: 'arabic' | 'kurdish' | 'latin';
  duplicateOf: string | null;
  input: HouseholdInput;
  /**
   * The real person behind each of `input.members` (same order): `${original ref}:${index in the
   * original family}`, so a member of a duplicate maps to the same id as in the original.
   */
  people: string[];
}

type Registry = SyntheticHousehold['registry'];
type Script = SyntheticHousehold['script'];
export type Rng = () => number;

const SAME_REGISTRY_DUPLICATES = 0.02;
/** A duplicate is registered within this many new families after the original. */
const DUPLICATE_DELAY = 2000;

// ---------------------------------------------------------------- randomness

/** mulberry32: small, fast, and the same stream on every platform for a given seed. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(items: readonly T[], weightOf: (t: T) => number): (r: Rng) => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((t, i) => { total += weightOf(t); cumulative[i] = total; });
  return (r) => {
    const x = r() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

function choice<T>(pairs: readonly (readonly [T, number])[]): (r: Rng) => T {
  const draw = weighted(pairs, (p) => p[1]);
  return (r) => draw(r)[0];
}

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, items: readonly T[]) => items[Math.floor(r() * items.length)];
const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const digits = (r: Rng, count: number) => {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(r() * 10);
  return out;
};

// ---------------------------------------------------------------- places and waves

type Wave = 'general' | 'anbar' | 'mosul' | 'august';
interface Origin { pcode: string; en: string; ar: string; ckb: string; weight: number; wave: Wave; kurdish: number }
type Camp = readonly [en: string, ar: string, ckb: string];
interface Area { pcode: string; weight: number; camps: readonly Camp[] }

const o = (pcode: string, en: string, ar: string, ckb: string, weight: number, wave: Wave = 'general', kurdish = 0.05): Origin =>
  ({ pcode, en, ar, ckb, weight, wave, kurdish });

/** Districts of origin (OCHA P-codes), weighted roughly like DTM's 2014-2016 caseload. */
const ORIGINS: readonly Origin[] = [
  o('IQG15Q05', 'Mosul', 'الموصل', 'موسڵ', 20, 'mosul'),
  o('IQG15Q07', 'Sinjar', 'سنجار', 'شنگال', 8, 'august', 0.9),
  o('IQG15Q08', 'Telafar', 'تلعفر', 'تەلەعفەر', 4, 'mosul'),
  o('IQG15Q03', 'Al-Hamdaniya', 'الحمدانية', 'حەمدانیە', 4, 'august', 0.1),
  o('IQG15Q09', 'Tilkaef', 'تلكيف', 'تلکێف', 2, 'august', 0.2),
  o('IQG15Q02', 'Al-Baaj', 'البعاج', 'بەعاج', 1, 'august'),
  o('IQG15Q04', 'Al-Hatra', 'الحضر', 'حەزەر', 1, 'mosul'),
  o('IQG01Q03', 'Al-Ramadi', 'الرمادي', 'ڕومادی', 13, 'anbar'),
  o('IQG01Q01', 'Al-Falluja', 'الفلوجة', 'فەللووجە', 11, 'anbar'),
  o('IQG01Q07', 'Heet', 'هيت', 'هیت', 3, 'anbar'),
  o('IQG01Q06', 'Haditha', 'حديثة', 'حەدیسە', 1, 'anbar'),
  o('IQG01Q02', 'Al-Kaim', 'القائم', 'قائیم', 2, 'anbar'),
  o('IQG16Q06', 'Tikrit', 'تكريت', 'تکریت', 4),
  o('IQG16Q03', 'Beygee', 'بيجي', 'بێجی', 4),
  o('IQG16Q02', 'Al-Shirqat', 'الشرقاط', 'شەرقات', 3),
  o('IQG16Q05', 'Samarra', 'سامراء', 'سامەڕا', 2),
  o('IQG16Q04', 'Balad', 'بلد', 'بەلەد', 1),
  o('IQG16Q07', 'Tooz Khurmato', 'طوز خورماتو', 'دووزخورماتوو', 2, 'general', 0.3),
  o('IQG16Q01', 'Al-Daur', 'الدور', 'دوور', 1),
  o('IQG13Q01', 'Al-Hawiga', 'الحويجة', 'حەویجە', 4),
  o('IQG13Q02', 'Daquq', 'داقوق', 'داقوق', 0.5, 'general', 0.3),
  o('IQG10Q02', 'Al-Muqdadiya', 'المقدادية', 'موقدادیە', 2),
  o('IQG10Q04', 'Baquba', 'بعقوبة', 'بەعقووبە', 1.5),
  o('IQG10Q05', 'Khanaqin', 'خانقين', 'خانەقین', 1.5, 'general', 0.6),
  o('IQG08Q05', 'Al-Mahmoudiya', 'المحمودية', 'مەحموودیە', 1),
  o('IQG08Q03', 'Al-Karkh', 'الكرخ', 'کەرخ', 1.5),
  o('IQG07Q04', 'Al-Mussyab', 'المسيب', 'موسەییب', 1.5),
  o('IQG11Q04', 'Makhmour', 'مخمور', 'مەخموور', 1, 'general', 0.5),
];

const c = (pcode: string, weight: number, ...camps: Camp[]): Area => ({ pcode, weight, camps });

/** Districts of current location: the Kurdistan Region first, then Kirkuk, Baghdad and the south. */
const AREAS: readonly Area[] = [
  c('IQG11Q02', 18, ['Baharka camp', 'مخيم بحركة', 'کەمپی بەحرکە'], ['Harshm camp', 'مخيم هرشم', 'کەمپی هەرشەم']),
  c('IQG11Q04', 2, ['Debaga camp', 'مخيم ديبكة', 'کەمپی دیبەگە']),
  c('IQG11Q06', 1.5), c('IQG11Q03', 1),
  c('IQG09Q02', 8),
  c('IQG09Q03', 6, ['Khanke camp', 'مخيم خانكي', 'کەمپی خانکێ'], ['Sharya camp', 'مخيم شاريا', 'کەمپی شاریا'],
    ['Kabarto camp', 'مخيم كبرتو', 'کەمپی کابەرتۆ'], ['Bajet Kandala camp', 'مخيم باجد كندالا', 'کەمپی باجەد کەندالا']),
  c('IQG09Q04', 6, ['Chamishku camp', 'مخيم جمشكو', 'کەمپی چەمیشکۆ'], ['Rwanga camp', 'مخيم روانكة', 'کەمپی ڕوانگە'],
    ['Berseve camp', 'مخيم بيرسفي', 'کەمپی بێرسیڤێ']),
  c('IQG09Q01', 1.5, ['Dawodiya camp', 'مخيم داودية', 'کەمپی داودیە']),
  c('IQG06Q01', 7, ['Ashti camp', 'مخيم آشتي', 'کەمپی ئاشتی'], ['Arbat IDP camp', 'مخيم عربت', 'کەمپی عەربەت']),
  c('IQG06Q06', 2), c('IQG06Q02', 1),
  c('IQG13Q04', 8, ['Laylan camp', 'مخيم ليلان', 'کەمپی لەیلان'], ['Nazrawa camp', 'مخيم نزراوة', 'کەمپی نەزراوە']),
  c('IQG08Q03', 5), c('IQG08Q06', 2), c('IQG08Q01', 1),
  c('IQG01Q03', 3), c('IQG01Q01', 3, ['Amriyat al-Fallujah camp', 'مخيم عامرية الفلوجة', 'کەمپی عامریەی فەللووجە']),
  c('IQG04Q03', 3), c('IQG12Q03', 2.5), c('IQG07Q02', 1.5),
  c('IQG10Q04', 1.5), c('IQG10Q05', 2), c('IQG16Q06', 1.5), c('IQG16Q05', 1.5),
  c('IQG15Q06', 2), c('IQG15Q01', 1.5, ['Mamilian camp', 'مخيم ماميليان', 'کەمپی مامیلیان']),
  c('IQG02Q02', 1), c('IQG18Q02', 0.5), c('IQG05Q02', 0.5),
];

const inKurdistan = (pcode: string) => /^IQG(06|09|11)/.test(pcode);
const drawOrigin = weighted(ORIGINS, (x) => x.weight);
const drawArea = weighted(AREAS, (x) => x.weight);
const drawKurdistanArea = weighted(AREAS, (x) => (inKurdistan(x.pcode) ? x.weight : 0));

/** Month weights from January 2014 (index 0) to December 2016 (35); unlisted months get `base`. */
function months(base: number, peaks: Record<number, number>): (r: Rng) => number {
  const indices = Array.from({ length: 36 }, (_, i) => i);
  return weighted(indices, (i) => peaks[i] ?? base);
}

/** Anbar from January 2014 and Ramadi 2015; Mosul June 2014; Sinjar and the Plains August 2014. */
const WAVES: Record<Wave, (r: Rng) => number> = {
  general: months(2, { 0: 3, 1: 3, 2: 3, 3: 3, 4: 3, 5: 22, 6: 12, 7: 16, 15: 6, 16: 6, 33: 4, 34: 4, 35: 4 }),
  anbar: months(1, { 0: 10, 1: 8, 2: 8, 3: 8, 4: 8, 5: 4, 6: 4, 7: 4, 15: 14, 16: 12, 17: 4, 28: 6, 29: 8 }),
  mosul: months(1, { 5: 30, 6: 8, 7: 10, 8: 2, 9: 2, 33: 8, 34: 8, 35: 6 }),
  august: months(0.5, { 5: 3, 6: 3, 7: 40, 8: 3 }),
};

const SHELTERS_KRI = choice([
  ['camp', 30], ['host_family', 10], ['rented_house', 35], ['unfinished_building', 10], ['informal_settlement', 4],
  ['collective_centre', 3], ['religious_building', 2], ['school', 2], ['hotel_motel', 1], ['unknown', 3],
] as const);
const SHELTERS_ELSEWHERE = choice([
  ['camp', 15], ['host_family', 20], ['rented_house', 35], ['unfinished_building', 8], ['informal_settlement', 7],
  ['collective_centre', 3], ['religious_building', 5], ['school', 4], ['hotel_motel', 1], ['unknown', 2],
] as const);
const HOUSEHOLD_SIZE = choice([[1, 4], [2, 6], [3, 9], [4, 12], [5, 14], [6, 14], [7, 12], [8, 10], [9, 7], [10, 5], [11, 4], [12, 3]] as const);

// ---------------------------------------------------------------- people

interface Names { m: (r: Rng) => NameEntry; f: (r: Rng) => NameEntry; family: (r: Rng) => NameEntry }

/** Kurdish families also give Arabic-Islamic names; Arab families rarely give Kurdish ones. */
function namesFor(kurdish: boolean): Names {
  const given = (n: NameEntry) => n.weight * (n.kurdish === kurdish ? 1 : kurdish ? 0.6 : 0.02);
  return {
    m: weighted(MALE_NAMES, given),
    f: weighted(FEMALE_NAMES, given),
    family: weighted(FAMILY_NAMES, (n) => (n.kurdish === kurdish ? n.weight : 0)),
  };
}
const ARAB = namesFor(false);
const KURDISH = namesFor(true);

type Relationship = MemberInput['relationship'];
interface Lineage { father: NameEntry | null; grandfather: NameEntry | null; family: NameEntry | null }
interface Person extends Lineage {
  relationship: Relationship;
  sex: 'm' | 'f';
  given: NameEntry;
  year: number;
  birth: string;
  documents: { type: 'national_id' | 'civil_status_id' | 'ration_card'; number: string }[];
  noDocuments: boolean;
  needs: string[];
  /** Position in the family as first built; a resurvey keeps it, so duplicates keep the person. */
  index: number;
}

const clampYear = (y: number) => Math.min(1996, Math.max(1936, y));

/** Dates of birth as registered: often only the year, or a default 1 January / 1 July. */
function birthDate(r: Rng, year: number): string {
  const adult = year < 1997;
  const x = r();
  const yearOnly = adult ? 0.55 : 0.3;
  if (x < yearOnly) return `${year}`;
  if (x < yearOnly + (adult ? 0.25 : 0.1)) return r() < 0.6 ? `${year}-01-01` : `${year}-07-01`;
  if (x < yearOnly + (adult ? 0.28 : 0.15)) return `${year}-${pad(int(r, 1, 12))}`;
  return dayIn(r, year, int(r, 1, 12));
}

const daysIn = (year: number, month: number) =>
  (month === 2 ? (year % 4 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

function dayIn(r: Rng, year: number, month: number, from = 1): string {
  return `${year}-${pad(month)}-${pad(int(r, from, daysIn(year, month)))}`;
}

function person(r: Rng, relationship: Relationship, sex: 'm' | 'f', given: NameEntry, year: number, lineage: Lineage): Person {
  return { relationship, sex, given, year, birth: birthDate(r, year), ...lineage, documents: [], noDocuments: false, needs: [], index: 0 };
}

/** A given name nobody in the household has yet: parents do not give two children the same one. */
function freshName(r: Rng, draw: (r: Rng) => NameEntry, taken: Set<NameEntry>): NameEntry {
  let name = draw(r);
  for (let i = 0; i < 8 && taken.has(name); i++) name = draw(r);
  taken.add(name);
  return name;
}

/** Sons and daughters carry the father's given name and the paternal grandfather's name. */
function children(r: Rng, names: Names, count: number, motherYear: number, lineage: Lineage, taken: Set<NameEntry>): Person[] {
  const lo = Math.max(motherYear + 18, 1975);
  const hi = Math.max(lo, Math.min(motherYear + 42, 2014));
  const years = Array.from({ length: count }, () => int(r, lo, hi)).sort((x, y) => x - y);
  // Births a year apart where the span allows; twins only when it does not.
  for (let i = 1; i < years.length; i++) years[i] = Math.min(hi, Math.max(years[i], years[i - 1] + 1));
  let firstSon = true;
  return years.map((year) => {
    const sex = r() < 0.5 ? 'm' : 'f';
    const afterGrandfather = sex === 'm' && firstSon && lineage.grandfather && !taken.has(lineage.grandfather) && r() < 0.2;
    const given = afterGrandfather ? lineage.grandfather! : freshName(r, sex === 'm' ? names.m : names.f, taken);
    taken.add(given);
    if (sex === 'm') firstSon = false;
    return person(r, sex === 'm' ? 'son' : 'daughter', sex, given, year, lineage);
  });
}

/** Sometimes a married son lives with his parents: his wife and children replace the youngest. */
function grandchildren(r: Rng, names: Names, kids: Person[], taken: Set<NameEntry>): Person[] {
  const son = kids.find((k) => k.relationship === 'son' && k.year <= 1993);
  if (!son || kids.length < 4 || r() >= 0.3) return kids;
  const take = Math.min(3, kids.length - 2);
  const kept = kids.slice(0, kids.length - take);
  const wifeYear = clampYear(son.year + int(r, 0, 6));
  const wifeLineage = { father: names.m(r), grandfather: names.m(r), family: son.family ? names.family(r) : null };
  const wife = person(r, 'daughter_in_law', 'f', freshName(r, names.f, taken), wifeYear, wifeLineage);
  const lineage = { father: son.given, grandfather: son.father, family: son.family };
  const babies = children(r, names, take - 1, wifeYear, lineage, taken)
    .map((b) => ({ ...b, relationship: 'grandchild' as const, year: Math.max(b.year, 2005) }))
    .map((b) => ({ ...b, birth: birthDate(r, b.year) }));
  return [...kept, wife, ...babies];
}

/** The head's widowed mother or a sibling (who shares the head's father and grandfather). */
function relatives(r: Rng, names: Names, head: Person, room: number): Person[] {
  const out: Person[] = [];
  if (room >= 2 && head.year >= 1968 && r() < 0.08) {
    const lineage = { father: names.m(r), grandfather: names.m(r), family: head.family ? names.family(r) : null };
    out.push(person(r, 'mother', 'f', names.f(r), Math.max(1936, head.year - int(r, 18, 30)), lineage));
  }
  if (room - out.length >= 3 && r() < 0.05) {
    const sex = r() < 0.5 ? 'm' : 'f';
    out.push(person(r, sex === 'm' ? 'brother' : 'sister', sex, sex === 'm' ? names.m(r) : names.f(r),
      clampYear(head.year + int(r, -8, 10)), { father: head.father, grandfather: head.grandfather, family: head.family }));
  }
  return out;
}

/**
 * Head (15% women, mostly widows), spouse, sometimes relatives, then children. The children's
 * father is the head or, in a female-headed household, her husband, present or not.
 */
function people(r: Rng, names: Names, size: number): Person[] {
  const tribe = r() < 0.65 ? names.family(r) : null;
  const femaleHead = r() < 0.15;
  const headYear = 1950 + Math.floor(((r() + r()) / 2) * 41);
  const head = person(r, 'head', femaleHead ? 'f' : 'm', femaleHead ? names.f(r) : names.m(r), headYear,
    { father: names.m(r), grandfather: r() < 0.95 ? names.m(r) : null, family: tribe });
  const partnerFamily = tribe && r() < (femaleHead ? 0.6 : 0.4) ? tribe : tribe ? names.family(r) : null;
  const partner = { given: femaleHead ? names.m(r) : names.f(r), father: names.m(r), grandfather: names.m(r), family: partnerFamily };
  const partnerYear = clampYear(femaleHead ? headYear - int(r, 0, 8) : headYear + int(r, 0, 10));
  const all = [head];
  if (size > 1 && r() < (femaleHead ? 0.1 : 0.93)) {
    all.push(person(r, 'spouse', femaleHead ? 'm' : 'f', partner.given, partnerYear, partner));
  }
  all.push(...relatives(r, names, head, size - all.length));
  const father = femaleHead ? partner : { given: head.given, father: head.father, family: tribe };
  const lineage = { father: father.given, grandfather: father.father, family: father.family };
  const motherYear = femaleHead ? headYear : all[1]?.relationship === 'spouse' ? partnerYear : headYear + 5;
  const taken = new Set(all.map((p) => p.given));
  const kids = children(r, names, size - all.length, motherYear, lineage, taken);
  return [...all, ...grandchildren(r, names, kids, taken)];
}

const ADULT_RELATIONSHIPS = new Set<Relationship>(['head', 'spouse', 'daughter_in_law']);

/** Specific needs (UNHCR codes plus PL, pregnant or lactating) in plausible proportions. */
function addNeeds(r: Rng, p: Person, household: { spouse: boolean; children: boolean }): void {
  if (p.year <= 1954 && r() < 0.4) p.needs.push('ER');
  if (r() < 0.04) p.needs.push('SM');
  if (r() < 0.03) p.needs.push('DS');
  if (p.sex === 'f' && p.year >= 1970 && ADULT_RELATIONSHIPS.has(p.relationship) && r() < 0.12) p.needs.push('PL');
  if (p.year >= 1998 && r() < 0.02) p.needs.push('CR');
  if (p.relationship !== 'head') return;
  if (p.sex === 'f' && r() < 0.35) p.needs.push('WR');
  if (!household.spouse && household.children && r() < (p.sex === 'f' ? 0.7 : 0.5)) p.needs.push('SP');
  if (r() < 0.06) p.needs.push('LP-MD');
}

/** Most carry a civil status ID (the national ID card came in 2016); documents lost in flight get LP-ND. */
function addDocuments(r: Rng, p: Person, allLost: boolean): void {
  if (allLost || r() < 0.09) {
    p.noDocuments = true;
    p.needs.push('LP-ND');
    return;
  }
  const national = r() < (p.year < 1997 ? 0.35 : 0.1);
  p.documents.push(national
    ? { type: 'national_id', number: `${int(r, 1, 2)}${digits(r, 11)}` }
    : { type: 'civil_status_id', number: digits(r, 8) });
  if (p.relationship === 'head' && r() < 0.1) p.documents.push({ type: 'ration_card', number: digits(r, 6) });
}

// ---------------------------------------------------------------- families

type LegalBasis = HouseholdInput['legalBasis'];
type Consent = HouseholdInput['consent'];

interface Family {
  people: Person[];
  origin: Origin;
  originPlace: boolean;
  displacedOn: string;
  area: Area;
  shelter: string;
  camp: Camp | null;
  phone: string | null;
  phoneFormat: number;
  legalBasis: LegalBasis;
  consent: Consent;
}

const LEGAL_BASES_WITH_CONSENT = choice<LegalBasis>([['vital_interest', 45], ['public_interest', 45], ['consent', 10]]);

function settle(r: Rng, area: Area): Pick<Family, 'area' | 'shelter' | 'camp'> {
  const shelter = inKurdistan(area.pcode) ? SHELTERS_KRI(r) : SHELTERS_ELSEWHERE(r);
  const camp = shelter === 'camp' && area.camps.length > 0 ? pick(r, area.camps) : null;
  return { area, shelter, camp };
}

/** Registration, and the consent taken at it, within months of arrival and never before it. */
function consentAfter(r: Rng, arrival: { index: number; day: number }, hasPhone: boolean) {
  const given = r() < 0.92;
  const index = Math.min(35, arrival.index + int(r, 0, 8));
  const [year, month] = [2014 + Math.floor(index / 12), (index % 12) + 1];
  const scope = (['registration', 'assistance', 'referral', 'sharing', 'contact'] as const).filter((s) =>
    s === 'registration' || s === 'assistance' || (s === 'referral' && r() < 0.3)
    || (s === 'sharing' && r() < 0.15) || (s === 'contact' && hasPhone && r() < 0.7));
  const consent: Consent = given
    ? { given, date: dayIn(r, year, month, index === arrival.index ? arrival.day : 1), scope }
    : { given, date: null, scope: [] };
  const legalBasis: LegalBasis = given ? LEGAL_BASES_WITH_CONSENT(r) : r() < 0.5 ? 'vital_interest' : 'public_interest';
  return { consent, legalBasis };
}

/** Displacement dates follow the waves of the family's district and are mostly remembered to the month. */
function displacement(r: Rng, wave: Wave, hasPhone: boolean) {
  const index = WAVES[wave](r);
  const [year, month] = [2014 + Math.floor(index / 12), (index % 12) + 1];
  const day = int(r, 1, daysIn(year, month));
  const x = r();
  const displacedOn = x < 0.7 ? `${year}-${pad(month)}` : x < 0.9 ? `${year}-${pad(month)}-${pad(day)}` : `${year}`;
  return { displacedOn, ...consentAfter(r, { index, day }, hasPhone) };
}

function buildFamily(r: Rng): Family {
  const origin = drawOrigin(r);
  const names = r() < origin.kurdish ? KURDISH : ARAB;
  const members = people(r, names, HOUSEHOLD_SIZE(r));
  members.forEach((p, i) => { p.index = i; });
  const household = { spouse: members.some((p) => p.relationship === 'spouse'), children: members.some((p) => p.year >= 1997) };
  const allLost = r() < 0.12;
  for (const p of members) {
    addNeeds(r, p, household);
    addDocuments(r, p, allLost);
  }
  let area = drawArea(r);
  if (area.pcode === origin.pcode) area = drawArea(r);
  const phone = r() < 0.85 ? `7${int(r, 5, 9)}${digits(r, 8)}` : null;
  return {
    people: members, origin, originPlace: r() < 0.6, ...settle(r, area), phone, phoneFormat: PHONE_FORMAT(r),
    ...displacement(r, origin.wave, phone !== null),
  };
}

/**
 * The same family at a second registration: a member missing, dates of birth cut to the year,
 * the grandfather's or tribal name left out, documents not recorded, the phone typed differently.
 */
function resurvey(r: Rng, f: Family, moveTo: Area | null): Family {
  const dropGrandfather = r() < 0.15;
  const dropFamily = r() < 0.15;
  const people = f.people.filter((p) => p.relationship === 'head' || r() >= 0.06).map((p) => ({
    ...p,
    birth: r() < 0.35 ? p.birth.slice(0, 4) : p.birth,
    grandfather: dropGrandfather ? null : p.grandfather,
    family: dropFamily ? null : p.family,
    documents: r() < 0.2 ? [] : p.documents,
  }));
  const phoneFormat = (f.phoneFormat + int(r, 1, PHONE_FORMATS.length - 1)) % PHONE_FORMATS.length;
  const moved = moveTo ? settle(r, moveTo) : {};
  const displacedOn = r() < 0.4 ? f.displacedOn.slice(0, 4) : f.displacedOn;
  return { ...f, ...moved, people, phoneFormat, displacedOn, phone: r() < 0.1 ? null : f.phone };
}

// ---------------------------------------------------------------- writing it down

const eastern = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
/** The ways a clerk writes an Iraqi mobile number (national digits `7XXXXXXXXX`). */
export const PHONE_FORMATS: readonly ((n: string) => string)[] = [
  (n) => `0${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
  (n) => `0${n}`,
  (n) => `+964 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
  (n) => `+964${n}`,
  (n) => `00964${n}`,
  (n) => eastern(`0${n}`),
];
const PHONE_FORMAT = choice([[0, 25], [1, 30], [2, 15], [3, 15], [4, 5], [5, 10]]);
const EASTERN_FORMAT = 5;

/** One clerk's habits, kept for a whole household, and the spelling chosen for each name. */
interface Clerk {
  script: Script;
  spelled: Map<NameEntry, string>;
  dropHamza: boolean;
  plainHeh: boolean;
  plainYeh: boolean;
  splitAbd: boolean;
  dropAl: boolean;
  arabicKeyboard: boolean;
  al: (latin: string) => string;
}

const AL_FORMS: readonly ((s: string) => string)[] = [
  (s) => s, (s) => `Al-${s.slice(3)}`, (s) => `Al ${s.slice(3)}`, (s) => `Al${s.slice(3).toLowerCase()}`, (s) => s.slice(3),
];

function clerk(r: Rng, script: Script): Clerk {
  return {
    script, spelled: new Map(), dropHamza: r() < 0.35, plainHeh: r() < 0.15, plainYeh: r() < 0.2,
    splitAbd: r() < 0.4, dropAl: r() < 0.15, arabicKeyboard: r() < 0.15, al: pick(r, AL_FORMS),
  };
}

function write(r: Rng, c: Clerk, n: NameEntry): string {
  if (c.script === 'latin') {
    const latin = r() < 0.55 ? n.latin[0] : pick(r, n.latin);
    return latin.startsWith('al-') ? c.al(latin) : latin;
  }
  if (c.script === 'kurdish') return c.arabicKeyboard ? n.ckb.replace(/ک/g, 'ك').replace(/ی/g, 'ي').replace(/ە/g, 'ه') : n.ckb;
  let text = n.ar;
  if (c.dropHamza) text = text.replace(/[أإآ]/g, 'ا');
  if (c.plainHeh) text = text.replace(/ة$/, 'ه');
  if (c.plainYeh) text = text.replace(/ى$/, 'ي');
  if (c.splitAbd && text.startsWith('عبد') && text.length > 3) text = `عبد ${text.slice(3)}`;
  if (c.dropAl && text.startsWith('ال')) text = text.slice(2);
  return text;
}

/** A name is spelled the same way throughout one household (the same clerk wrote it). */
function spell(r: Rng, c: Clerk, n: NameEntry | null): string | null {
  if (n === null) return null;
  let text = c.spelled.get(n);
  if (text === undefined) {
    text = write(r, c, n);
    c.spelled.set(n, text);
  }
  return text;
}

function member(r: Rng, c: Clerk, p: Person): MemberInput {
  return {
    relationship: p.relationship, givenName: spell(r, c, p.given)!, fatherName: spell(r, c, p.father),
    grandfatherName: spell(r, c, p.grandfather), familyName: spell(r, c, p.family), sex: p.sex, birthDate: p.birth,
    documents: p.documents.map((d) => ({ ...d })), noDocuments: p.noDocuments, specificNeeds: [...p.needs],
  };
}

const SCRIPT_INDEX: Record<Script, 0 | 1 | 2> = { latin: 0, arabic: 1, kurdish: 2 };

function render(r: Rng, f: Family, registry: Registry, script: Script): HouseholdInput {
  const c = clerk(r, script);
  const place = [f.origin.en, f.origin.ar, f.origin.ckb][SCRIPT_INDEX[script]];
  const format = script === 'latin' && f.phoneFormat === EASTERN_FORMAT ? 1 : f.phoneFormat;
  return {
    registry,
    origin: { pcode: f.origin.pcode, place: f.originPlace ? place : null },
    displacedOn: f.displacedOn,
    current: { pcode: f.area.pcode, siteId: null, address: f.camp ? f.camp[SCRIPT_INDEX[script]] : null },
    shelter: f.shelter,
    phone: f.phone === null ? null : PHONE_FORMATS[format](f.phone),
    legalBasis: f.legalBasis,
    consent: { ...f.consent, scope: [...f.consent.scope] },
    notes: null,
    members: f.people.map((p) => member(r, c, p)),
  };
}

// ---------------------------------------------------------------- the stream

const BMD_SCRIPTS = choice<Script>([['kurdish', 45], ['arabic', 40], ['latin', 15]]);
const MOMD_SCRIPTS = choice<Script>([['arabic', 85], ['latin', 15]]);

function scriptFor(r: Rng, registry: Registry, not: Script | null = null): Script {
  for (;;) {
    const script = registry === 'BMD' ? BMD_SCRIPTS(r) : MOMD_SCRIPTS(r);
    if (script !== not) return script;
  }
}

type Pending = Omit<SyntheticHousehold, 'ref'>;

const personIds = (ref: string, f: Family) => f.people.map((p) => `${ref}:${p.index}`);

/** The other registry (moving the family into the Kurdistan Region for BMD), and same-registry repeats. */
function duplicates(r: Rng, f: Family, original: SyntheticHousehold, overlap: number): Pending[] {
  const out: Pending[] = [];
  if (r() < overlap) {
    const registry: Registry = original.registry === 'BMD' ? 'MOMD' : 'BMD';
    const moveTo = registry === 'BMD' && !inKurdistan(f.area.pcode) ? drawKurdistanArea(r) : null;
    const script = scriptFor(r, registry, original.script);
    const again = resurvey(r, f, moveTo);
    out.push({ registry, script, duplicateOf: original.ref, input: render(r, again, registry, script), people: personIds(original.ref, again) });
  }
  if (r() < SAME_REGISTRY_DUPLICATES) {
    const registry = original.registry;
    const script = r() < 0.7 ? original.script : scriptFor(r, registry, original.script);
    const moveTo = r() < 0.3 ? (registry === 'BMD' ? drawKurdistanArea(r) : drawArea(r)) : null;
    const again = resurvey(r, f, moveTo);
    out.push({ registry, script, duplicateOf: original.ref, input: render(r, again, registry, script), people: personIds(original.ref, again) });
  }
  return out;
}

/**
 * Yields exactly `households` registrations, deterministic from `seed`. Duplicates (other registry
 * at `overlap`, same registry at 2%) come up to a few thousand records after their original.
 */
export function* syntheticHouseholds(opts: SyntheticOptions): Generator<SyntheticHousehold> {
  const r = mulberry32(opts.seed);
  const overlap = opts.overlap ?? 0.08;
  const pending = new Map<number, Pending[]>();
  let count = 0;
  const ref = (registry: Registry) => `${registry}-${String(++count).padStart(7, '0')}`;
  for (let step = 0; count < opts.households; step++) {
    for (const d of pending.get(step) ?? []) {
      if (count >= opts.households) return;
      yield { ref: ref(d.registry), ...d };
    }
    pending.delete(step);
    if (count >= opts.households) return;
    const f = buildFamily(r);
    const registry: Registry = inKurdistan(f.area.pcode) && r() < 0.75 ? 'BMD' : 'MOMD';
    const script = scriptFor(r, registry);
    const id = ref(registry);
    const original = { ref: id, registry, script, duplicateOf: null, input: render(r, f, registry, script), people: personIds(id, f) };
    yield original;
    for (const d of duplicates(r, f, original, overlap)) {
      const due = step + int(r, 1, DUPLICATE_DELAY);
      pending.set(due, [...(pending.get(due) ?? []), d]);
    }
  }
}
