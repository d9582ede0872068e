/**
 * What `amina demo` creates besides households: a user per role in each ministry, and camps and
 * collective centres. Camp names are spelled as the synthetic generator writes them in the
 * household address, so that households are placed at their camp. Coordinates are approximate.
 */

export interface DemoUser { username: string; org: 'MOMD' | 'BMD'; role: string; scope: string[] }

/** The Kurdistan Region's governorates: Sulaymaniyah, Duhok, Erbil. */
const KURDISTAN = ['IQG06', 'IQG09', 'IQG11'];

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'momd.registrar', org: 'MOMD', role: 'registration_officer', scope: [] },
  { username: 'momd.manager', org: 'MOMD', role: 'data_manager', scope: [] },
  { username: 'momd.viewer', org: 'MOMD', role: 'viewer', scope: [] },
  { username: 'momd.protection', org: 'MOMD', role: 'protection_officer', scope: [] },
  { username: 'momd.coordinator', org: 'MOMD', role: 'coordinator', scope: [] },
  { username: 'momd.programme', org: 'MOMD', role: 'programme_manager', scope: [] },
  { username: 'momd.distribution', org: 'MOMD', role: 'distribution_officer', scope: [] },
  { username: 'bmd.registrar', org: 'BMD', role: 'registration_officer', scope: KURDISTAN },
  { username: 'bmd.manager', org: 'BMD', role: 'data_manager', scope: KURDISTAN },
  { username: 'bmd.viewer', org: 'BMD', role: 'viewer', scope: KURDISTAN },
  { username: 'bmd.enumerator', org: 'BMD', role: 'enumerator', scope: KURDISTAN },
  { username: 'bmd.admin', org: 'BMD', role: 'administrator', scope: KURDISTAN },
];

/** Who imports each registry's share of the demo households. */
export const DEMO_IMPORTERS = { MOMD: 'momd.manager', BMD: 'bmd.manager' } as const;

export interface DemoSite {
  name: string; nameAr: string; nameCkb: string; kind: 'camp' | 'collective_centre';
  pcode: string; latitude: number; longitude: number; capacity: number; managedBy: 'MOMD' | 'BMD';
}

const camp = (name: string, nameAr: string, nameCkb: string, pcode: string, latitude: number, longitude: number, capacity: number): DemoSite =>
  ({ name, nameAr, nameCkb, kind: 'camp', pcode, latitude, longitude, capacity, managedBy: KURDISTAN.includes(pcode.slice(0, 5)) ? 'BMD' : 'MOMD' });
const centre = (name: string, nameAr: string, nameCkb: string, pcode: string, latitude: number, longitude: number): DemoSite =>
  ({ ...camp(name, nameAr, nameCkb, pcode, latitude, longitude, 400), kind: 'collective_centre' });

export const DEMO_SITES: readonly DemoSite[] = [
  camp('Domiz camp', 'مخيم دوميز', 'کەمپی دۆمیز', 'IQG09Q03', 36.78, 42.89, 30000),
  camp('Khanke camp', 'مخيم خانكي', 'کەمپی خانکێ', 'IQG09Q03', 36.96, 42.75, 18000),
  camp('Sharya camp', 'مخيم شاريا', 'کەمپی شاریا', 'IQG09Q03', 36.84, 43.02, 18000),
  camp('Kabarto camp', 'مخيم كبرتو', 'کەمپی کابەرتۆ', 'IQG09Q03', 36.92, 42.82, 15000),
  camp('Bajet Kandala camp', 'مخيم باجد كندالا', 'کەمپی باجەد کەندالا', 'IQG09Q03', 37.06, 42.38, 12000),
  camp('Chamishku camp', 'مخيم جمشكو', 'کەمپی چەمیشکۆ', 'IQG09Q04', 37.12, 42.70, 26000),
  camp('Rwanga camp', 'مخيم روانكة', 'کەمپی ڕوانگە', 'IQG09Q04', 37.06, 42.58, 15000),
  camp('Berseve camp', 'مخيم بيرسفي', 'کەمپی بێرسیڤێ', 'IQG09Q04', 37.14, 42.82, 12000),
  camp('Dawodiya camp', 'مخيم داودية', 'کەمپی داودیە', 'IQG09Q01', 37.03, 43.35, 4500),
  camp('Baharka camp', 'مخيم بحركة', 'کەمپی بەحرکە', 'IQG11Q02', 36.30, 44.00, 5000),
  camp('Harshm camp', 'مخيم هرشم', 'کەمپی هەرشەم', 'IQG11Q02', 36.21, 44.06, 1500),
  camp('Debaga camp', 'مخيم ديبكة', 'کەمپی دیبەگە', 'IQG11Q04', 35.95, 43.75, 30000),
  camp('Ashti camp', 'مخيم آشتي', 'کەمپی ئاشتی', 'IQG06Q01', 35.50, 45.35, 15000),
  camp('Arbat IDP camp', 'مخيم عربت', 'کەمپی عەربەت', 'IQG06Q01', 35.43, 45.58, 8000),
  camp('Laylan camp', 'مخيم ليلان', 'کەمپی لەیلان', 'IQG13Q04', 35.30, 44.57, 6000),
  camp('Nazrawa camp', 'مخيم نزراوة', 'کەمپی نەزراوە', 'IQG13Q04', 35.43, 44.43, 5000),
  camp('Amriyat al-Fallujah camp', 'مخيم عامرية الفلوجة', 'کەمپی عامریەی فەللووجە', 'IQG01Q01', 33.17, 43.95, 25000),
  camp('Mamilian camp', 'مخيم ماميليان', 'کەمپی مامیلیان', 'IQG15Q01', 36.70, 43.80, 6000),
  centre('Ankawa collective centre', 'مركز عنكاوا الجماعي', 'سەنتەری بەکۆمەڵی عەنکاوە', 'IQG11Q02', 36.23, 43.99),
  centre('Duhok collective centre', 'مركز دهوك الجماعي', 'سەنتەری بەکۆمەڵی دهۆک', 'IQG09Q02', 36.87, 42.99),
  centre('Sulaymaniyah collective centre', 'مركز السليمانية الجماعي', 'سەنتەری بەکۆمەڵی سلێمانی', 'IQG06Q01', 35.56, 45.43),
  centre('Kirkuk collective centre', 'مركز كركوك الجماعي', 'سەنتەری بەکۆمەڵی کەرکووک', 'IQG13Q04', 35.47, 44.39),
  centre('Al-Karkh collective centre', 'مركز الكرخ الجماعي', 'سەنتەری بەکۆمەڵی کەرخ', 'IQG08Q03', 33.31, 44.37),
];
