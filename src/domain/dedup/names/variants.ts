import { normalizeNamePart, withoutArticle } from './normalize.ts';

/**
 * Variant table of common Iraqi given and family names: a canonical id (a plain Latin spelling)
 * with its Arabic and Kurdish Sorani spellings and its usual Latin transliterations, '|'-separated.
 * Lookups go through `normalizeNamePart` and `withoutArticle`, so case, accents, hamza forms,
 * ta marbuta, Kurdish letters, the article and joined/split compounds need no extra rows.
 * The table is where the rules of `transliterate.ts` give up (Karim/كريم, Mahmud/محمود,
 * Khalid/خالید, Juburi/الجبوري, Rebwar/ڕێبوار) and where they merge names that differ (نور/نوري).
 */
export const NAME_VARIANTS: readonly (readonly [id: string, arabicScript: string, latin: string])[] = [
  ['mohammed', 'محمد|محەمەد', "Mohammed|Muhammad|Mohamed|Mohammad|Muhammed|Mohamad|Muhamad|Mouhamad|Mhamad|Mohd|Mahammad"],
  ['ali', 'علي|عەلی', "Ali|Aly|Alee|Ally"],
  ['hussein', 'حسين|حوسێن', "Hussein|Hussain|Husain|Husayn|Hussien|Husein|Hossein"],
  ['ahmed', 'أحمد|ئەحمەد', "Ahmed|Ahmad|Ahmet"],
  ['abbas', 'عباس|عەباس', "Abbas|Abas"],
  ['omar', 'عمر|عومەر', "Omar|Umar|Omer|Umer"],
  ['khalid', 'خالد|خالید', "Khalid|Khaled|Khaleed|Khalied|Kalid"],
  ['abdullah', 'عبدالله|عەبدوڵڵا|عبد الله', "Abdullah|Abdallah|Abdulla|Abd Allah"],
  ['mustafa', 'مصطفى|مستەفا', "Mustafa|Mustapha|Mostafa|Moustafa|Mostapha|Mustefa"],
  ['hassan', 'حسن|حەسەن', "Hassan|Hasan|Hassen"],
  ['mahmoud', 'محمود|مەحموود', "Mahmoud|Mahmood|Mahmud|Mahmod|Mehmud"],
  ['ibrahim', 'إبراهيم|ئیبراهیم', "Ibrahim|Ebrahim|Ibraheem|Ibrahem"],
  ['yousif', 'يوسف|یوسف|یووسف', "Yousif|Yousef|Yusuf|Youssef|Yosef|Yousuf|Yusif"],
  ['jasim', 'جاسم', "Jasim|Jassim|Jasem"],
  ['karim', 'كريم|کەریم', "Karim|Kareem|Kerim|Karem"],
  ['salih', 'صالح|ساڵح', "Salih|Saleh"],
  ['saad', 'سعد|سەعد', "Saad|Sa'ad"],
  ['qasim', 'قاسم', "Qasim|Kasim|Qassim"],
  ['jaafar', 'جعفر|جەعفەر', "Jaafar|Jafar|Ja'far"],
  ['haidar', 'حيدر|حەیدەر', "Haidar|Hayder|Haider"],
  ['kadhim', 'كاظم|کازم', "Kadhim|Kazim|Kadhem"],
  ['raad', 'رعد|ڕەعد', "Raad|Ra'ad"],
  ['salman', 'سلمان|سەلمان', "Salman|Salmaan"],
  ['fadhil', 'فاضل|فازڵ', "Fadhil|Fadel|Fadil"],
  ['adil', 'عادل', "Adil|Adel"],
  ['waleed', 'وليد|وەلید', "Waleed|Walid"],
  ['tariq', 'طارق|تاریق', "Tariq|Tarik|Tareq"],
  ['yasir', 'ياسر|یاسر', "Yasir|Yaser|Yasser"],
  ['ziyad', 'زياد|زیاد', "Ziyad|Ziad"],
  ['sami', 'سامي|سامی', "Sami|Samy"],
  ['abdulrahman', 'عبدالرحمن|عەبدولڕەحمان', "Abdulrahman|Abd al-Rahman|Abdul Rahman|Abdelrahman"],
  ['abdulkarim', 'عبدالكريم|عەبدولکەریم', "Abdulkarim|Abd al-Karim|Abdul Kareem"],
  ['mahdi', 'مهدي|مەهدی', "Mahdi|Mehdi"],
  ['sabah', 'صباح|سەباح', "Sabah|Sabbah"],
  ['nouri', 'نوري|نووری', "Nouri|Nuri|Noori"],
  ['hameed', 'حميد|حەمید', "Hameed|Hamid"],
  ['majeed', 'مجيد|مەجید', "Majeed|Majid"],
  ['saeed', 'سعيد|سەعید', "Saeed|Said|Sayeed"],
  ['younis', 'يونس|یونس', "Younis|Yunus|Younes"],
  ['khalil', 'خليل|خەلیل', "Khalil|Khaleel"],
  ['ismail', 'إسماعيل|ئیسماعیل', "Ismail|Ismael|Esmail"],
  ['faisal', 'فيصل|فەیسەڵ', "Faisal|Feisal|Faysal"],
  ['jamal', 'جمال|جەمال', "Jamal|Jamaal"],
  ['akram', 'أكرم|ئەکرەم', "Akram|Akrem"],
  ['jalal', 'جلال|جەلال', "Jalal|Jalaal"],
  ['khidir', 'خضر|خدر', "Khidir|Khudher|Khider"],
  ['dakhil', 'دخيل|دەخیل', "Dakhil|Dakheel"],
  ['hawre', 'هاوري|هاوڕێ', "Hawre|Hawri|Hawrey"],
  ['karwan', 'كاروان|کاروان', "Karwan|Karuan"],
  ['dilshad', 'دلشاد|دڵشاد', "Dilshad|Delshad|Dlshad"],
  ['rebwar', 'ريبوار|ڕێبوار', "Rebwar|Rebuar|Reebwar"],
  ['azad', 'آزاد|ئازاد', "Azad|Azaad"],
  ['sherwan', 'شيروان|شێروان', "Sherwan|Shirwan|Sherwen"],
  ['bakhtiyar', 'بختيار|بەختیار', "Bakhtiyar|Bakhtiar|Bakhtyar"],
  ['hiwa', 'هيوا|هیوا', "Hiwa|Hewa"],
  ['kamaran', 'كامران|کامەران', "Kamaran|Kamran"],
  ['zana', 'زانا', "Zana|Zanna"],
  ['sirwan', 'سيروان|سیروان', "Sirwan|Serwan"],
  ['aram', 'آرام|ئارام', "Aram|Araam"],
  ['hemin', 'هيمن|هێمن', "Hemin|Hemn|Himin"],
  ['shwan', 'شوان', "Shwan|Shuan"],
  ['nawzad', 'نوزاد|نەوزاد', "Nawzad|Nozad"],
  ['fatima', 'فاطمة|فاتیمە', "Fatima|Fatimah|Fatma|Fatema|Fatmah|Fatimeh"],
  ['zainab', 'زينب|زەینەب', "Zainab|Zaynab|Zeinab|Zainap|Zeynab"],
  ['maryam', 'مريم|مەریەم', "Maryam|Mariam|Mariem"],
  ['noor', 'نور|نوور', "Noor|Nour|Nur|Nor"],
  ['zahraa', 'زهراء|زەهرا', "Zahraa|Zahra|Zahra'a"],
  ['aisha', 'عائشة|عائیشە', "Aisha|Aysha|Ayesha"],
  ['khadija', 'خديجة|خەدیجە', "Khadija|Khadeeja|Khadijah"],
  ['sara', 'سارة|سارا', "Sara|Sarah"],
  ['huda', 'هدى|هودا', "Huda|Hoda"],
  ['ruqaya', 'رقية|ڕوقەییە', "Ruqaya|Ruqayya|Roqaya"],
  ['suad', 'سعاد|سوعاد', "Suad|Souad"],
  ['amal', 'أمل|ئەمەل', "Amal|Amel"],
  ['iman', 'إيمان|ئیمان', "Iman|Eman"],
  ['rana', 'رنا|ڕەنا', "Rana|Ranaa"],
  ['samira', 'سميرة|سەمیرە', "Samira|Sameera"],
  ['nadia', 'نادية|نادیە', "Nadia|Nadiya"],
  ['layla', 'ليلى|لەیلا', "Layla|Laila|Leila"],
  ['salma', 'سلمى|سەلما', "Salma|Selma"],
  ['hanan', 'حنان|حەنان', "Hanan|Hannan"],
  ['wafaa', 'وفاء|وەفا', "Wafaa|Wafa"],
  ['siham', 'سهام|سیهام', "Siham|Seham"],
  ['bushra', 'بشرى|بوشرا', "Bushra|Boushra"],
  ['asmaa', 'أسماء|ئەسما', "Asmaa|Asma"],
  ['hanaa', 'هناء|هەنا', "Hanaa|Hana"],
  ['rasha', 'رشا|ڕەشا', "Rasha|Racha"],
  ['duaa', 'دعاء|دوعا', "Duaa|Doaa|Du'a"],
  ['tabarak', 'تبارك|تەبارەک', "Tabarak|Tabark"],
  ['kawthar', 'كوثر|کەوسەر', "Kawthar|Kauthar|Kawther"],
  ['jamila', 'جميلة|جەمیلە', "Jamila|Jameela"],
  ['hero', 'هيرو|هێرۆ', "Hêro|Hero|Hiro"],
  ['shirin', 'شيرين|شیرین', "Shirin|Shireen|Sherin"],
  ['nazdar', 'نازدار', "Nazdar|Nazdaar"],
  ['nasrin', 'نسرين|نەسرین', "Nasrin|Nesrin"],
  ['gelawezh', 'كلاويز|گەلاوێژ', "Gelawezh|Galawej|Gelawej"],
  ['shilan', 'شيلان|شیلان', "Shilan|Shelan"],
  ['runak', 'روناك|ڕووناک', "Runak|Rounak|Roonak"],
  ['jwan', 'جوان', "Jwan|Jiwan"],
  ['berivan', 'بيريفان|بێریڤان', "Berivan|Briwan"],
  ['vian', 'فيان|ڤیان', "Vian|Viyan"],
  ['nask', 'ناسك|ناسک', "Nask|Nasik"],
  ['gulistan', 'كلستان|گوڵستان', "Gulistan|Golestan"],
  ['jubouri', 'الجبوري|جبووری', "al-Jubouri|al-Juburi|al-Jabouri|al-Jbouri|Jubouri|Juburi|Jbouri|Al Juburi"],
  ['dulaimi', 'الدليمي|دولەیمی', "al-Dulaimi|al-Dulaymi|al-Dlaimi|Dulaimi|Dulaymi|Dleimi"],
  ['obaidi', 'العبيدي|عوبەیدی', "al-Obaidi|al-Ubaidi|al-Obaydi"],
  ['shammari', 'الشمري|شەممەری', "al-Shammari|al-Shamari|al-Shammary"],
  ['tamimi', 'التميمي|تەمیمی', "al-Tamimi|al-Timimi|al-Tamimy"],
  ['ani', 'العاني|عانی', "al-Ani|al-Aani|al-Anee"],
  ['hamdani', 'الحمداني|حەمدانی', "al-Hamdani|al-Hamadani"],
  ['zubaidi', 'الزبيدي|زوبەیدی', "al-Zubaidi|al-Zubaydi|al-Zobaidi"],
  ['khafaji', 'الخفاجي|خەفاجی', "al-Khafaji|al-Khafagi"],
  ['janabi', 'الجنابي|جەنابی', "al-Janabi|al-Jenabi"],
  ['azzawi', 'العزاوي|عەززاوی', "al-Azzawi|al-Azawi"],
  ['kubaisi', 'الكبيسي|کوبەیسی', "al-Kubaisi|al-Kubaysi|al-Kbeisi"],
  ['samarrai', 'السامرائي|سامەڕایی', "al-Samarrai|al-Samaraie|al-Samarraie"],
  ['tai', 'الطائي|تائی', "al-Tai|al-Taie|al-Taee"],
  ['hadithi', 'الحديثي|حەدیسی', "al-Hadithi|al-Haditi"],
  ['rawi', 'الراوي|ڕاوی', "al-Rawi|al-Rawee"],
  ['mashhadani', 'المشهداني|مەشهەدانی', "al-Mashhadani|al-Mashadani"],
  ['bayati', 'البياتي|بەیاتی', "al-Bayati|al-Bayaty"],
  ['musawi', 'الموسوي|مووسەوی', "al-Musawi|al-Mousawi|al-Moussawi"],
  ['rubaie', 'الربيعي|ڕوبەیعی', "al-Rubaie|al-Rubaiy|al-Rubaye"],
  ['saadi', 'الساعدي|ساعیدی', "al-Saadi|al-Sa'idi"],
  ['luhaibi', 'اللهيبي|لەهەیبی', "al-Luhaibi|al-Lehaibi"],
  ['hayali', 'الحيالي|حەیالی', "al-Hayali|al-Hayyali"],
  ['jumaili', 'الجميلي|جومەیلی', "al-Jumaili|al-Jumayli|al-Jmeili"],
  ['zebari', 'الزيباري|زێباری', "Zebari|Zibari|Zeebari"],
  ['jaff', 'الجاف|جاف', "Jaff|Jaf"],
  ['hawrami', 'الهورامي|هەورامی', "Hawrami|Hawramy|Horami"],
  ['dizayee', 'دزيي|دزەیی', "Dizayee|Dizayi|Dezaee"],
  ['sorchi', 'السورجي|سورچی', "Sorchi|Surchi"],
  ['mizuri', 'الميزوري|میزووری', "Mizuri|Mizouri|Mizori"],
  ['doski', 'الدوسكي|دۆسکی', "Doski|Dosky"],
  ['berwari', 'البرواري|بەرواری', "Berwari|Barwari"],
  ['sindi', 'السندي|سیندی', "Sindi|Sendi"],
  ['goyi', 'الكويي|گۆیی', "Goyi|Koyi"],
  ['harki', 'الهركي|هەرکی', "Harki|Herki"],
  ['shirwani', 'الشيرواني|شێروانی', "Shirwani|Sherwani"],
  ['khoshnaw', 'الخوشناو|خۆشناو', "Khoshnaw|Khoshnao"],
  ['zangana', 'زنكنة|زەنگەنە', "Zangana|Zangane"],
  ['pishdari', 'البشدري|پشدەری', "Pishdari|Pshdari"],
  ['bilbas', 'البلباس|بڵباس', "Bilbas|Bilbaz"],
];

/** Builds the lookup from normalized spelling (article removed) to canonical id. */
function buildIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const [id, arabic, latin] of NAME_VARIANTS) {
    for (const spelling of [id, ...arabic.split('|'), ...latin.split('|')]) {
      const key = withoutArticle(normalizeNamePart(spelling));
      if (key && !index.has(key)) index.set(key, id);
    }
  }
  return index;
}

const INDEX = buildIndex();

/** Canonical id of a normalized name part whose article is already removed, or null. */
export function canonicalOfStripped(stripped: string): string | null {
  return INDEX.get(stripped) ?? null;
}

/** Canonical id of an already normalized name part, or null when the table does not know it. */
export function canonicalOfNormalized(normalized: string): string | null {
  return INDEX.get(withoutArticle(normalized)) ?? null;
}

/** Canonical id of a raw name part in any script (e.g. محەمەد / Muhammad -> "mohammed"), or null. */
export function canonicalName(raw: string): string | null {
  return canonicalOfNormalized(normalizeNamePart(raw));
}
