import { governorateOf, type AreaLevel } from './pcode.ts';

/** One administrative area: P-code, level, parent and its names in English, Arabic and Kurdish Sorani. */
export interface AreaRecord {
  pcode: string;
  level: AreaLevel;
  parentPcode: string | null;
  nameEn: string;
  nameAr: string;
  nameCkb: string | null;
  legacyCode: string | null;
}

function governorate(pcode: string, nameEn: string, nameAr: string, nameCkb: string): AreaRecord {
  const legacyCode = `IQ-G${pcode.slice(3)}`;
  return Object.freeze({ pcode, level: 1, parentPcode: null, nameEn, nameAr, nameCkb, legacyCode });
}

function district(pcode: string, nameEn: string, nameAr: string, nameCkb: string | null): AreaRecord {
  const parentPcode = governorateOf(pcode);
  return Object.freeze({ pcode, level: 2, parentPcode, nameEn, nameAr, nameCkb, legacyCode: null });
}

/**
 * Iraq's 18 governorates then 101 districts (OCHA COD-AB, CSO 2019), sorted by P-code.
 * English and Arabic names as published (IQG10Q03's Arabic name is Mandali in the source);
 * Sorani names for every governorate, the Kurdistan Region's districts and Kurdish-named
 * districts in the disputed areas, null where no established Sorani name is known.
 */
export const IRAQ_AREAS: readonly AreaRecord[] = Object.freeze([
  governorate('IQG01', 'Al-Anbar', 'الانبار', 'ئەنبار'),
  governorate('IQG02', 'Al-Basrah', 'البصرة', 'بەسرە'),
  governorate('IQG03', 'Al-Muthanna', 'المثنى', 'موسەننا'),
  governorate('IQG04', 'Al-Najaf', 'النجف', 'نەجەف'),
  governorate('IQG05', 'Al-Qadissiya', 'القادسية', 'قادسیە'),
  governorate('IQG06', 'Al-Sulaymaniyah', 'السليمانية', 'سلێمانی'),
  governorate('IQG07', 'Babil', 'بابل', 'بابل'),
  governorate('IQG08', 'Baghdad', 'بغداد', 'بەغدا'),
  governorate('IQG09', 'Duhok', 'دهوك', 'دهۆک'),
  governorate('IQG10', 'Diyala', 'ديالى', 'دیالە'),
  governorate('IQG11', 'Erbil', 'اربيل', 'هەولێر'),
  governorate('IQG12', 'Kerbala', 'كربلاء', 'کەربەلا'),
  governorate('IQG13', 'Kirkuk', 'كركوك', 'کەرکووک'),
  governorate('IQG14', 'Maysan', 'ميسان', 'مەیسان'),
  governorate('IQG15', 'Ninewa', 'نينوى', 'نەینەوا'),
  governorate('IQG16', 'Salah Al-Din', 'صلاح الدين', 'سەلاحەدین'),
  governorate('IQG17', 'Thi Qar', 'ذي قار', 'زیقار'),
  governorate('IQG18', 'Wassit', 'واسط', 'واست'),
  district('IQG01Q01', 'Al-Falluja', 'الفلوجة', null),
  district('IQG01Q02', 'Al-Kaim', 'القائم', null),
  district('IQG01Q03', 'Al-Ramadi', 'الرمادي', null),
  district('IQG01Q04', 'Al-Rutba', 'الرطبة', null),
  district('IQG01Q05', 'Ana', 'عنه', null),
  district('IQG01Q06', 'Haditha', 'حديثة', null),
  district('IQG01Q07', 'Heet', 'هيت', null),
  district('IQG02Q01', 'Abu Al-Khaseeb', 'ابي الخصيب', null),
  district('IQG02Q02', 'Al-Basrah', 'البصرة', null),
  district('IQG02Q03', 'Al-Faw', 'الفاو', null),
  district('IQG02Q04', 'Al-Midaina', 'المدينة', null),
  district('IQG02Q05', 'Al-Qurna', 'القرنة', null),
  district('IQG02Q06', 'Al-Zubair', 'الزبير', null),
  district('IQG02Q07', 'Shat Al-Arab', 'شط العرب', null),
  district('IQG03Q01', 'Al-Khidhir', 'الخضر', null),
  district('IQG03Q02', 'Al-Rumaitha', 'الرميثة', null),
  district('IQG03Q03', 'Al-Salman', 'السلمان', null),
  district('IQG03Q04', 'Al-Samawa', 'السماوة', null),
  district('IQG04Q01', 'Al-Kufa', 'الكوفة', null),
  district('IQG04Q02', 'Al-Manathera', 'المناذرة', null),
  district('IQG04Q03', 'Al-Najaf', 'النجف', null),
  district('IQG05Q01', 'Afaq', 'عفك', null),
  district('IQG05Q02', 'Al-Diwaniya', 'الديوانية', null),
  district('IQG05Q03', 'Al-Hamza', 'الحمزة', null),
  district('IQG05Q04', 'Al-Shamiya', 'الشامية', null),
  district('IQG06Q01', 'Al-Sulaymaniyah', 'السليمانية', 'سلێمانی'),
  district('IQG06Q02', 'Chamchamal', 'جمجمال', 'چەمچەماڵ'),
  district('IQG06Q03', 'Derbendikhan', 'دربندخان', 'دەربەندیخان'),
  district('IQG06Q04', 'Dokan', 'دوكان', 'دووکان'),
  district('IQG06Q05', 'Halabcha', 'حلبجة', 'هەڵەبجە'),
  district('IQG06Q06', 'Kalar', 'كلار', 'کەلار'),
  district('IQG06Q07', 'Panjwin', 'بنجوين', 'پێنجوێن'),
  district('IQG06Q08', 'Pshdar', 'بشدر', 'پشدەر'),
  district('IQG06Q09', 'Rania', 'رانية', 'ڕانیە'),
  district('IQG06Q10', 'Sharbazher', 'شهربازار', 'شارباژێڕ'),
  district('IQG07Q01', 'Al-Hashimiya', 'الهاشمية', null),
  district('IQG07Q02', 'Al-Hilla', 'الحلة', null),
  district('IQG07Q03', 'Al-Mahaweel', 'المحاويل', null),
  district('IQG07Q04', 'Al-Mussyab', 'المسيب', null),
  district('IQG08Q01', 'Al-Adhamiya', 'الاعظمية', null),
  district('IQG08Q02', 'Al-Kadhmiyah', 'الكاظمية', null),
  district('IQG08Q03', 'Al-Karkh', 'الكرخ', null),
  district('IQG08Q04', 'Al-Mada\'in', 'المدائن', null),
  district('IQG08Q05', 'Al-Mahmoudiya', 'المحمودية', null),
  district('IQG08Q06', 'Al-Risafa', 'الرصافة', null),
  district('IQG08Q07', 'Al-Thawra', 'الثورة', null),
  district('IQG09Q01', 'Al-Amadiya', 'العمادية', 'ئامێدی'),
  district('IQG09Q02', 'Duhok', 'دهوك', 'دهۆک'),
  district('IQG09Q03', 'Sumail', 'سميل', 'سێمێل'),
  district('IQG09Q04', 'Zakho', 'زاخو', 'زاخۆ'),
  district('IQG10Q01', 'Al-Khalis', 'الخالص', null),
  district('IQG10Q02', 'Al-Muqdadiya', 'المقدادية', null),
  district('IQG10Q03', 'Baladruz', 'مندلي', null),
  district('IQG10Q04', 'Baquba', 'بعقوبة', null),
  district('IQG10Q05', 'Khanaqin', 'خانقين', 'خانەقین'),
  district('IQG10Q06', 'Kifri', 'كفري', 'کفری'),
  district('IQG11Q01', 'Al-Zibar', 'الزيبار', 'زێبار'),
  district('IQG11Q02', 'Erbil', 'اربيل', 'هەولێر'),
  district('IQG11Q03', 'Koysinjaq', 'كويسنجق', 'کۆیە'),
  district('IQG11Q04', 'Makhmour', 'مخمور', 'مەخموور'),
  district('IQG11Q05', 'Rawanduz', 'راوندوز', 'ڕەواندز'),
  district('IQG11Q06', 'Shaqlawa', 'شقلاوة', 'شەقڵاوە'),
  district('IQG12Q01', 'Ain Al-Tamur', 'عين التمر', null),
  district('IQG12Q02', 'Al-Hindiya', 'الهندية', null),
  district('IQG12Q03', 'Kerbela', 'كربلاء', null),
  district('IQG13Q01', 'Al-Hawiga', 'الحويجة', null),
  district('IQG13Q02', 'Daquq', 'داقوق', 'داقووق'),
  district('IQG13Q03', 'Dibis', 'دبس', 'دوبز'),
  district('IQG13Q04', 'Kirkuk', 'كركوك', 'کەرکووک'),
  district('IQG14Q01', 'Al-Amara', 'العمارة', null),
  district('IQG14Q02', 'Ali Al-Gharbi', 'علي الغربي', null),
  district('IQG14Q03', 'Al-Kahla', 'الكحلاء', null),
  district('IQG14Q04', 'Al-Maimouna', 'الميمونة', null),
  district('IQG14Q05', 'Al-Mejar Al-Kabir', 'المجر الكبير', null),
  district('IQG14Q06', 'Qalat Saleh', 'قلعة صالح', null),
  district('IQG15Q01', 'Aqra', 'عقرة', 'ئاکرێ'),
  district('IQG15Q02', 'Al-Baaj', 'البعاج', null),
  district('IQG15Q03', 'Al-Hamdaniya', 'الحمدانية', null),
  district('IQG15Q04', 'Al-Hatra', 'الحضر', null),
  district('IQG15Q05', 'Al-Mosul', 'الموصل', 'مووسڵ'),
  district('IQG15Q06', 'Al-Shikhan', 'الشيخان', 'شێخان'),
  district('IQG15Q07', 'Sinjar', 'سنجار', 'شنگال'),
  district('IQG15Q08', 'Telafar', 'تلعفر', null),
  district('IQG15Q09', 'Tilkaef', 'تلكيف', 'تلکێف'),
  district('IQG16Q01', 'Al-Daur', 'الدور', null),
  district('IQG16Q02', 'Al-Shirqat', 'الشرقاط', null),
  district('IQG16Q03', 'Beygee', 'بيجي', null),
  district('IQG16Q04', 'Balad', 'بلد', null),
  district('IQG16Q05', 'Samarra', 'سامراء', null),
  district('IQG16Q06', 'Tikrit', 'تكريت', null),
  district('IQG16Q07', 'Tooz Khurmato', 'طوز خورماتو', 'دووزخورماتوو'),
  district('IQG17Q01', 'Al-Chibayish', 'الجبايش', null),
  district('IQG17Q02', 'Al-Rifai', 'الرفاعي', null),
  district('IQG17Q03', 'Al-Shatra', 'الشطرة', null),
  district('IQG17Q04', 'Al-Nasiriya', 'الناصرية', null),
  district('IQG17Q05', 'Suq Al-Shoyokh', 'سوق الشيوخ', null),
  district('IQG18Q01', 'Al-Hai', 'الحي', null),
  district('IQG18Q02', 'Al-Kut', 'الكوت', null),
  district('IQG18Q03', 'Al-Namaniya', 'النعمانية', null),
  district('IQG18Q04', 'Al-Suwaira', 'الصويرة', null),
  district('IQG18Q05', 'Badra', 'بدرة', null),
]);
