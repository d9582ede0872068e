import { householdInput } from '../../../test/factories.ts';

/**
 * Families for the dedup tests, each written the way MoMD (Arabic), BMD (Kurdish Sorani) or a
 * partner (Latin) would write it. Every family has its own names, years and phone, so that the
 * tests of one file (one database) do not find each other's families.
 */

export type Script = 'ar' | 'ckb' | 'lat';

const NAMES: Record<string, [ar: string, ckb: string, lat: string]> = {
  mohammed: ['محمد', 'محەمەد', 'Mohammed'], hussein: ['حسين', 'حوسێن', 'Hussein'], ali: ['علي', 'عەلی', 'Ali'],
  jubouri: ['الجبوري', 'جبووری', 'al-Jubouri'], fatima: ['فاطمة', 'فاتیمە', 'Fatima'], mahmoud: ['محمود', 'مەحموود', 'Mahmoud'],
  obaidi: ['العبيدي', 'عوبەیدی', 'al-Obaidi'], hassan: ['حسن', 'حەسەن', 'Hassan'], omar: ['عمر', 'عومەر', 'Omar'],
  dulaimi: ['الدليمي', 'دولەیمی', 'al-Dulaimi'], khadija: ['خديجة', 'خەدیجە', 'Khadija'], saad: ['سعد', 'سەعد', 'Saad'],
  rawi: ['الراوي', 'ڕاوی', 'al-Rawi'], khalid: ['خالد', 'خالید', 'Khalid'], ibrahim: ['إبراهيم', 'ئیبراهیم', 'Ibrahim'],
  yousif: ['يوسف', 'یوسف', 'Yousif'], kubaisi: ['الكبيسي', 'کوبەیسی', 'al-Kubaisi'], zainab: ['زينب', 'زەینەب', 'Zainab'],
  karim: ['كريم', 'کەریم', 'Karim'], tamimi: ['التميمي', 'تەمیمی', 'al-Tamimi'], maryam: ['مريم', 'مەریەم', 'Maryam'],
  yasir: ['ياسر', 'یاسر', 'Yasir'], tariq: ['طارق', 'تاریق', 'Tariq'], abbas: ['عباس', 'عەباس', 'Abbas'],
  zubaidi: ['الزبيدي', 'زوبەیدی', 'al-Zubaidi'], huda: ['هدى', 'هودا', 'Huda'], ziyad: ['زياد', 'زیاد', 'Ziyad'],
  ani: ['العاني', 'عانی', 'al-Ani'], haidar: ['حيدر', 'حەیدەر', 'Haidar'], kadhim: ['كاظم', 'کازم', 'Kadhim'],
  raad: ['رعد', 'ڕەعد', 'Raad'], khafaji: ['الخفاجي', 'خەفاجی', 'al-Khafaji'], layla: ['ليلى', 'لەیلا', 'Layla'],
  jamal: ['جمال', 'جەمال', 'Jamal'], janabi: ['الجنابي', 'جەنابی', 'al-Janabi'], ismail: ['إسماعيل', 'ئیسماعیل', 'Ismail'],
  faisal: ['فيصل', 'فەیسەڵ', 'Faisal'], jalal: ['جلال', 'جەلال', 'Jalal'], azzawi: ['العزاوي', 'عەززاوی', 'al-Azzawi'],
  samarrai: ['السامرائي', 'سامەڕایی', 'al-Samarrai'], qasim: ['قاسم', 'قاسم', 'Qasim'], asmaa: ['أسماء', 'ئەسما', 'Asmaa'],
  nouri: ['نوري', 'نووری', 'Nouri'], hameed: ['حميد', 'حەمید', 'Hameed'], tai: ['الطائي', 'تائی', 'al-Tai'],
  mustafa: ['مصطفى', 'مستەفا', 'Mustafa'], sara: ['سارة', 'سارا', 'Sara'], jaafar: ['جعفر', 'جەعفەر', 'Jaafar'],
  majeed: ['مجيد', 'مەجید', 'Majeed'], hadithi: ['الحديثي', 'حەدیسی', 'al-Hadithi'], suad: ['سعاد', 'سوعاد', 'Suad'],
  waleed: ['وليد', 'وەلید', 'Waleed'], sami: ['سامي', 'سامی', 'Sami'], mashhadani: ['المشهداني', 'مەشهەدانی', 'al-Mashhadani'],
  salman: ['سلمان', 'سەلمان', 'Salman'], fadhil: ['فاضل', 'فازڵ', 'Fadhil'], bayati: ['البياتي', 'بەیاتی', 'al-Bayati'],
  rana: ['رنا', 'ڕەنا', 'Rana'], akram: ['أكرم', 'ئەکرەم', 'Akram'], musawi: ['الموسوي', 'مووسەوی', 'al-Musawi'],
  saeed: ['سعيد', 'سەعید', 'Saeed'], younis: ['يونس', 'یونس', 'Younis'], khalil: ['خليل', 'خەلیل', 'Khalil'],
  rubaie: ['الربيعي', 'ڕوبەیعی', 'al-Rubaie'], iman: ['إيمان', 'ئیمان', 'Iman'], adil: ['عادل', 'عادل', 'Adil'],
  shammari: ['الشمري', 'شەممەری', 'al-Shammari'], nadia: ['نادية', 'نادیە', 'Nadia'], salih: ['صالح', 'ساڵح', 'Salih'],
  hamdani: ['الحمداني', 'حەمدانی', 'al-Hamdani'], amal: ['أمل', 'ئەمەل', 'Amal'], sabah: ['صباح', 'سەباح', 'Sabah'],
  zebari: ['الزيباري', 'زێباری', 'Zebari'], mahdi: ['مهدي', 'مەهدی', 'Mahdi'], hanan: ['حنان', 'حەنان', 'Hanan'],
};

const SCRIPT_INDEX: Record<Script, 0 | 1 | 2> = { ar: 0, ckb: 1, lat: 2 };

export interface Person { relationship: string; names: [string, string, string, string]; sex: 'm' | 'f'; birthDate: string }
export interface Family { phone: string; origin: string; people: Person[] }

const person = (relationship: string, names: string, sex: 'm' | 'f', birthDate: string): Person =>
  ({ relationship, names: names.split(' ') as Person['names'], sex, birthDate });

/** A family: its head, then its members, as `given father grandfather family` keys of NAMES. */
export function family(phone: string, people: [string, string, 'm' | 'f', string][], origin = 'IQG15Q05'): Family {
  return { phone, origin, people: people.map(([relationship, names, sex, birth]) => person(relationship, names, sex, birth)) };
}

/** The registration body of a family as written in one script (POST /api/households, /api/dedup/check). */
export function written(f: Family, script: Script, overrides: Record<string, unknown> = {}) {
  const spell = (key: string) => {
    const entry = NAMES[key];
    if (!entry) throw new Error(`no spelling for ${key}`);
    return entry[SCRIPT_INDEX[script]];
  };
  return householdInput({
    phone: f.phone,
    origin: { pcode: f.origin, place: null },
    current: { pcode: script === 'ar' ? 'IQG08Q01' : 'IQG11Q01', siteId: null, address: null },
    members: f.people.map((p) => ({
      relationship: p.relationship, givenName: spell(p.names[0]), fatherName: spell(p.names[1]), grandfatherName: spell(p.names[2]),
      familyName: spell(p.names[3]), sex: p.sex, birthDate: p.birthDate,
    })),
    ...overrides,
  });
}
