import { mulberry32, type Rng } from '#domain/demo/synthetic';
import type { Actor, Ctx } from '#server/context';
import { createSite } from '#server/places/service';
import { recordAssessment } from '#server/assessments/service';
import { createLocation } from '#server/assessments/locations';
import { closeRound, createRound } from '#server/assessments/rounds';
import { recordFlow } from '#server/assessments/flows';
import { FLOW_GROUPS } from '#domain/movement/flows';

/**
 * The demo's displacement tracking: transit points with six weeks of daily counts both ways, DTM
 * locations (the camps, and villages and neighbourhoods where families live among the host
 * community), and six monthly rounds of key-informant assessments in the first half of 2017,
 * the first five closed. Approximate coordinates; invented informants.
 */

const POINTS = [
  { name: 'Ibrahim Khalil border crossing', nameAr: 'منفذ إبراهيم الخليل الحدودي', nameCkb: 'دەروازەی سنووری ئیبراهیم خەلیل', pcode: 'IQG09Q04', latitude: 37.11, longitude: 42.37, transitType: 'border_crossing' as const },
  { name: 'Khazir checkpoint', nameAr: 'سيطرة الخازر', nameCkb: 'بازگەی خازر', pcode: 'IQG15Q03', latitude: 36.28, longitude: 43.58, transitType: 'checkpoint' as const },
  { name: 'Kalak checkpoint', nameAr: 'سيطرة الكلك', nameCkb: 'بازگەی کەلەک', pcode: 'IQG11Q02', latitude: 36.27, longitude: 43.64, transitType: 'checkpoint' as const },
  { name: 'Bzebiz bridge', nameAr: 'جسر بزيبز', nameCkb: 'پردی بزێبز', pcode: 'IQG01Q01', latitude: 33.19, longitude: 43.97, transitType: 'checkpoint' as const },
];

const PLACES: [string, string, string, string][] = [
  ['IQG11Q02', 'Ankawa', 'عنكاوا', 'عەنکاوە'], ['IQG11Q02', 'Bahirka', 'بحركة', 'بەحرکە'], ['IQG11Q04', 'Makhmour centre', 'مركز مخمور', 'ناوەندی مەخموور'],
  ['IQG11Q06', 'Shaqlawa centre', 'مركز شقلاوة', 'ناوەندی شەقڵاوە'], ['IQG09Q02', 'Duhok Malta', 'دهوك - مالطا', 'دهۆک - مالتا'],
  ['IQG09Q03', 'Sumail centre', 'مركز سميل', 'ناوەندی سێمێل'], ['IQG09Q04', 'Zakho centre', 'مركز زاخو', 'ناوەندی زاخۆ'],
  ['IQG09Q01', 'Amadiya centre', 'مركز العمادية', 'ناوەندی ئامێدی'], ['IQG06Q01', 'Sulaymaniyah Bakrajo', 'السليمانية - بكرجو', 'سلێمانی - بەکرەجۆ'],
  ['IQG13Q04', 'Kirkuk Hay al-Askari', 'كركوك - حي العسكري', 'کەرکووک - گەڕەکی عەسکەری'], ['IQG13Q02', 'Daquq centre', 'مركز داقوق', 'ناوەندی داقووق'],
  ['IQG08Q03', 'Al-Karkh Hay al-Jihad', 'الكرخ - حي الجهاد', 'کەرخ - گەڕەکی جیهاد'], ['IQG08Q06', 'Al-Risafa Zayouna', 'الرصافة - زيونة', 'ڕوسافە - زەیوونە'],
  ['IQG01Q01', 'Amiriyat al-Fallujah', 'عامرية الفلوجة', 'عامریەی فەللووجە'], ['IQG01Q03', 'Ramadi Hay al-Tamim', 'الرمادي - حي التأميم', 'ڕەمادی - گەڕەکی تەئمیم'],
  ['IQG15Q05', 'Mosul al-Zahraa', 'الموصل - حي الزهراء', 'مووسڵ - گەڕەکی زەهرا'], ['IQG15Q05', 'Mosul Gogjali', 'الموصل - كوكجلي', 'مووسڵ - گۆگجەلی'],
  ['IQG15Q03', 'Bartella', 'برطلة', 'بەرتەلە'], ['IQG15Q06', 'Shekhan centre', 'مركز الشيخان', 'ناوەندی شێخان'], ['IQG15Q01', 'Aqra centre', 'مركز عقرة', 'ناوەندی ئاکرێ'],
];

const ORIGINS = ['IQG15', 'IQG15', 'IQG15', 'IQG01', 'IQG14', 'IQG10'];
const WAVES = ['june_july_2014', 'august_2014', 'post_september_2014', 'post_april_2015', 'post_march_2016'];
const NEEDS = ['food', 'shelter', 'nfi', 'water', 'health', 'livelihoods', 'documentation', 'education'];
const INFORMANTS = [['Mukhtar Salim', 'mukhtar'], ['Camp manager', 'camp management'], ['Nasreen Ali', 'teacher'], ['Sheikh Younis', 'community leader']];

/** Shares `total` families over codes at random, adding up. */
function shares(total: number, codes: readonly string[], r: Rng) {
  const counts = new Map<string, number>();
  for (let i = 0; i < total; i++) {
    const code = codes[Math.floor(r() * codes.length)];
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].map(([code, families]) => ({ code, families }));
}

const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

async function points(ctx: Ctx, manager: Actor, r: Rng) {
  const today = new Date();
  for (const p of POINTS) {
    const site = await createSite(ctx, manager, { ...p, kind: 'transit_point', shelter: null, capacity: null, managingOrganizationId: null });
    for (let d = 1; d <= 42; d++) {
      const countedOn = new Date(today.getTime() - d * 86_400_000).toISOString().slice(0, 10);
      for (const direction of ['incoming', 'outgoing'] as const) {
        const size = direction === 'incoming' ? 120 : 60;
        const counts = Object.fromEntries(FLOW_GROUPS.map((g) => [g, Math.floor(r() * size * (g.endsWith('Elderly') ? 0.2 : 1))]));
        await recordFlow(ctx, manager, { pointId: site.id, countedOn, direction, ...counts, note: null } as Parameters<typeof recordFlow>[2]);
      }
    }
  }
}

/** Loads the transit points, their counts, the DTM locations and the rounds, as MoMD's data manager. */
export async function loadDemoTracking(ctx: Ctx, manager: Actor, camps: { id: string; pcode: string; name: string }[], seed: number) {
  const r = mulberry32(seed + 5);
  await points(ctx, manager, r);
  const locations = [];
  for (const [i, c] of camps.entries()) {
    locations.push((await createLocation(ctx, manager, { code: `DTM-C${String(i + 1).padStart(3, '0')}`, name: c.name, nameAr: null, nameCkb: null, kind: 'camp', pcode: c.pcode, siteId: c.id, latitude: null, longitude: null })).body);
  }
  for (const [i, [pcode, name, nameAr, nameCkb]] of PLACES.entries()) {
    const kind = name.includes(' ') && !name.endsWith('centre') ? 'neighbourhood' : 'village';
    locations.push((await createLocation(ctx, manager, { code: `DTM-L${String(i + 1).padStart(3, '0')}`, name, nameAr, nameCkb, kind, pcode, siteId: null, latitude: null, longitude: null })).body);
  }
  for (let month = 1; month <= 6; month++) {
    const round = (await createRound(ctx, manager, {
      number: 70 + month, name: `Round ${70 + month}`, startsOn: `2017-${String(month).padStart(2, '0')}-01`,
      endsOn: monthEnd(2017, month), reportedOn: monthEnd(2017, month),
    })).body;
    for (const l of locations) {
      const families = Math.floor((l.kind === 'camp' ? 900 : 300) * (0.5 + r()) * (1 - month * 0.04));
      const [name, role] = INFORMANTS[Math.floor(r() * INFORMANTS.length)];
      const needs = [...NEEDS].sort(() => r() - 0.5).slice(0, 3);
      await recordAssessment(ctx, manager, {
        roundId: round.id, locationId: l.id, assessedOn: `2017-${String(month).padStart(2, '0')}-${String(5 + Math.floor(r() * 20)).padStart(2, '0')}`,
        idpFamilies: families, idpIndividuals: r() < 0.5 ? null : Math.floor(families * (5 + r() * 2)),
        returneeFamilies: l.pcode.startsWith('IQG15') || l.pcode.startsWith('IQG01') ? Math.floor(families * month * 0.1) : 0, returneeIndividuals: null,
        byOrigin: shares(families, ORIGINS, r), byWave: shares(families, WAVES, r),
        byShelter: l.kind === 'camp' ? [{ code: 'camp', families }] : shares(families, ['host_family', 'rented_house', 'unfinished_building', 'school'], r),
        priorityNeeds: needs, keyInformant: { name, role, phone: `0750${String(1000000 + Math.floor(r() * 8999999))}` }, notes: null,
      });
    }
    if (month < 6) await closeRound(ctx, manager, round.id);
  }
  console.log(`${POINTS.length} transit points with 6 weeks of counts, ${locations.length} DTM locations, 6 rounds (5 closed)`);
}
