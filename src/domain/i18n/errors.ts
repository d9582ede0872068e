/**
 * Error messages a person reads, in the three languages. Schemas use the keys as zod messages;
 * the server and the web app translate them. A test fails when a language misses a key.
 * `{name}` placeholders are filled from the issue (minimum, maximum, ...).
 */
import { assessmentErrors } from './errors-assessments.ts';
import { movementErrors } from './errors-movement.ts';

export const LOCALES = ['en', 'ar', 'ckb'] as const;
export type Locale = (typeof LOCALES)[number];

const coreEn = {
  'required': 'This field is required.',
  'invalid_type': 'This value has the wrong type.',
  'invalid_value': 'This value is not one of the allowed choices.',
  'too_small': 'This value is too small (minimum {minimum}).',
  'too_big': 'This value is too large (maximum {maximum}).',
  'too_many': 'Too many entries.',
  'unknown_field': 'This field is not expected: {keys}.',
  'invalid': 'This value is not valid.',
  'date.invalid': 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD, and make it a real date.',
  'date.future': 'This date is in the future.',
  'pcode.invalid': 'This is not a P-code (for example IQG15 or IQG15Q05).',
  'pcode.unknown': 'There is no area with this P-code.',
  'site.unknown': 'There is no site with this id.',
  'name.too_long': 'This name is too long (80 characters at most).',
  'text.too_long': 'This text is too long.',
  'phone.invalid': 'This is not a phone number (for example 0750 123 4567 or +964 750 123 4567).',
  'document.type': 'Choose a document type from the list.',
  'need.invalid': 'This is not a specific-needs code (for example SM or SC-UC).',
  'need.unknown': 'This specific-needs code is not in the list.',
  'uuid.invalid': 'This is not a valid identifier.',
  'relationship.invalid': 'Choose the relationship to the head of household.',
  'sex.invalid': 'Choose the sex: m or f.',
  'consent.scope': 'This consent scope is not in the list.',
  'consent.required': 'Consent is the legal basis, so it must be recorded as given.',
  'registry.invalid': 'This is not a registry code.',
  'registry.not_yours': 'You can only register households in your organisation\'s registry.',
  'shelter.invalid': 'Choose a shelter type from the list.',
  'shelter.unknown': 'This shelter type is not in the list.',
  'legal_basis.invalid': 'Choose the legal basis for registering this household.',
  'members.none': 'A household needs at least one member.',
  'members.no_head': 'Mark one member as the head of household.',
  'members.two_heads': 'Only one member can be the head of household.',
  'members.unknown': 'This member does not belong to this household.',
  'page.invalid': 'This page number is not valid.',
  'scope.outside': 'This place is outside the area you work in.',
  'username.invalid': 'A username has 3 to 40 letters, digits, dots, dashes or underscores.',
  'username.taken': 'This username is already taken.',
  'password.weak': 'A password needs at least 10 characters.',
  'role.unknown': 'There is no such role.',
  'organization.unknown': 'There is no such organisation.',
  'organization.code_taken': 'An organisation with this code already exists.',
  'code.invalid': 'A code has 2 to 16 capital letters, digits or underscores.',
  'mfa.code_invalid': 'The verification code is not correct.',
  'mfa.not_set_up': 'Set up two-factor authentication first.',
  'csv.empty': 'The file is empty.',
  'csv.no_header': 'No known column headers were found. Use the plain names or the HXL tags from the template.',
  'csv.missing_columns': 'The file lacks required columns: {columns}.',
  'csv.duplicate_column': 'Two columns in the file name the same field.',
  'csv.household_mismatch': 'This household value differs from the one on the head\'s row.',
  'csv.boolean': 'Write yes or no.',
  'csv.document_count': 'Give one document number for each document type, separated by ;.',
  'dedup.survivor_not_in_pair': 'The surviving household must be one of the two households of this pair.',
  'problem.household_merged': 'This household was merged into another record. Open the surviving household instead.',
  'problem.pair_decided': 'Someone has already decided this pair. Reload the queue.',
  'problem.merge_stale': 'One of these households has been merged or closed since this pair was proposed. Reload the queue.',
  'problem.merge_undone': 'This merge has already been undone.',
  'problem.undo_conflict': 'This merge cannot be undone cleanly: the surviving household has since been merged again, or members who came from the merged household are no longer in it.',
  'problem.bad_request': 'The request is not valid.',
  'problem.validation': 'Some fields need correcting.',
  'problem.unauthorized': 'Sign in to continue.',
  'problem.login_failed': 'The username or password is not correct.',
  'problem.mfa_required': 'Enter the code from your authenticator app.',
  'problem.mfa_setup_required': 'Your administrator requires two-factor authentication: set it up to continue.',
  'problem.locked': 'Too many failed sign-ins. Try again in {minutes} minutes.',
  'problem.rate_limited': 'Too many requests. Wait a moment and try again.',
  'problem.forbidden': 'You do not have permission to do this.',
  'problem.csrf': 'This form has expired. Reload the page and try again.',
  'problem.not_found': 'Not found.',
  'problem.conflict_version': 'Someone else changed this record after you opened it. Review the current version and try again.',
  'problem.idempotency_mismatch': 'This idempotency key was already used for a different request.',
  'problem.conflict': 'This conflicts with existing data.',
  'problem.too_large': 'The request is too large.',
  'problem.unsupported_media': 'Send the body as JSON.',
  'problem.server': 'Something went wrong on the server. The error has been logged.',
} as const;

type CoreKey = keyof typeof coreEn;

const coreAr: Record<CoreKey, string> = {
  'required': 'هذا الحقل مطلوب.',
  'invalid_type': 'نوع هذه القيمة غير صحيح.',
  'invalid_value': 'هذه القيمة ليست من الخيارات المسموح بها.',
  'too_small': 'هذه القيمة صغيرة جداً (الحد الأدنى {minimum}).',
  'too_big': 'هذه القيمة كبيرة جداً (الحد الأقصى {maximum}).',
  'too_many': 'عدد الإدخالات كبير جداً.',
  'unknown_field': 'هذا الحقل غير متوقع: {keys}.',
  'invalid': 'هذه القيمة غير صالحة.',
  'date.invalid': 'اكتب التاريخ بصيغة YYYY أو YYYY-MM أو YYYY-MM-DD، ويجب أن يكون تاريخاً صحيحاً.',
  'date.future': 'هذا التاريخ في المستقبل.',
  'pcode.invalid': 'هذا ليس رمزاً مكانياً (P-code)، مثل IQG15 أو IQG15Q05.',
  'pcode.unknown': 'لا توجد منطقة بهذا الرمز المكاني.',
  'site.unknown': 'لا يوجد موقع بهذا المعرّف.',
  'name.too_long': 'هذا الاسم طويل جداً (80 حرفاً كحد أقصى).',
  'text.too_long': 'هذا النص طويل جداً.',
  'phone.invalid': 'هذا ليس رقم هاتف (مثل 0750 123 4567 أو ‎+964 750 123 4567).',
  'document.type': 'اختر نوع الوثيقة من القائمة.',
  'need.invalid': 'هذا ليس رمز احتياج خاص (مثل SM أو SC-UC).',
  'need.unknown': 'رمز الاحتياج الخاص هذا غير موجود في القائمة.',
  'uuid.invalid': 'هذا ليس معرّفاً صالحاً.',
  'relationship.invalid': 'اختر صلة القرابة برب الأسرة.',
  'sex.invalid': 'اختر الجنس: ذكر أو أنثى.',
  'consent.scope': 'نطاق الموافقة هذا غير موجود في القائمة.',
  'consent.required': 'الموافقة هي الأساس القانوني، لذا يجب تسجيلها على أنها ممنوحة.',
  'registry.invalid': 'هذا ليس رمز سجل.',
  'registry.not_yours': 'يمكنك تسجيل الأسر في سجل مؤسستك فقط.',
  'shelter.invalid': 'اختر نوع المأوى من القائمة.',
  'shelter.unknown': 'نوع المأوى هذا غير موجود في القائمة.',
  'legal_basis.invalid': 'اختر الأساس القانوني لتسجيل هذه الأسرة.',
  'members.none': 'يجب أن تضم الأسرة فرداً واحداً على الأقل.',
  'members.no_head': 'حدد فرداً واحداً بصفته رب الأسرة.',
  'members.two_heads': 'يمكن أن يكون فرد واحد فقط رب الأسرة.',
  'members.unknown': 'هذا الفرد لا ينتمي إلى هذه الأسرة.',
  'page.invalid': 'رقم الصفحة هذا غير صالح.',
  'scope.outside': 'هذا المكان خارج المنطقة التي تعمل فيها.',
  'username.invalid': 'اسم المستخدم من 3 إلى 40 حرفاً أو رقماً أو نقطة أو شرطة.',
  'username.taken': 'اسم المستخدم هذا مستخدم بالفعل.',
  'password.weak': 'يجب أن تتكون كلمة المرور من 10 أحرف على الأقل.',
  'role.unknown': 'لا يوجد دور بهذا الاسم.',
  'organization.unknown': 'لا توجد مؤسسة بهذا الاسم.',
  'organization.code_taken': 'توجد مؤسسة بهذا الرمز بالفعل.',
  'code.invalid': 'يتكون الرمز من 2 إلى 16 حرفاً لاتينياً كبيراً أو رقماً أو شرطة سفلية.',
  'mfa.code_invalid': 'رمز التحقق غير صحيح.',
  'mfa.not_set_up': 'قم بإعداد المصادقة الثنائية أولاً.',
  'csv.empty': 'الملف فارغ.',
  'csv.no_header': 'لم يتم العثور على عناوين أعمدة معروفة. استخدم الأسماء العادية أو وسوم HXL من النموذج.',
  'csv.missing_columns': 'الملف ينقصه أعمدة مطلوبة: {columns}.',
  'csv.duplicate_column': 'عمودان في الملف يشيران إلى الحقل نفسه.',
  'csv.household_mismatch': 'قيمة الأسرة هذه تختلف عن القيمة في صف رب الأسرة.',
  'csv.boolean': 'اكتب نعم أو لا.',
  'csv.document_count': 'أدخل رقم وثيقة واحداً لكل نوع وثيقة، مفصولة بـ ;.',
  'dedup.survivor_not_in_pair': 'يجب أن تكون الأسرة الباقية إحدى الأسرتين في هذا الزوج.',
  'problem.household_merged': 'دُمجت هذه الأسرة في سجل آخر. افتح سجل الأسرة الباقية بدلاً منها.',
  'problem.pair_decided': 'اتخذ شخص آخر قراراً بشأن هذا الزوج. أعد تحميل القائمة.',
  'problem.merge_stale': 'دُمجت إحدى هاتين الأسرتين أو أُغلقت منذ اقتراح هذا الزوج. أعد تحميل القائمة.',
  'problem.merge_undone': 'تم التراجع عن هذا الدمج من قبل.',
  'problem.undo_conflict': 'لا يمكن التراجع عن هذا الدمج بشكل سليم: دُمجت الأسرة الباقية مرة أخرى، أو لم يعد فيها أفراد جاؤوا من الأسرة المدمجة.',
  'problem.bad_request': 'الطلب غير صالح.',
  'problem.validation': 'بعض الحقول تحتاج إلى تصحيح.',
  'problem.unauthorized': 'سجّل الدخول للمتابعة.',
  'problem.login_failed': 'اسم المستخدم أو كلمة المرور غير صحيحة.',
  'problem.mfa_required': 'أدخل الرمز من تطبيق المصادقة.',
  'problem.mfa_setup_required': 'يشترط المسؤول المصادقة الثنائية: قم بإعدادها للمتابعة.',
  'problem.locked': 'محاولات دخول فاشلة كثيرة. حاول مرة أخرى بعد {minutes} دقيقة.',
  'problem.rate_limited': 'طلبات كثيرة جداً. انتظر قليلاً ثم حاول مرة أخرى.',
  'problem.forbidden': 'ليست لديك صلاحية للقيام بذلك.',
  'problem.csrf': 'انتهت صلاحية هذا النموذج. أعد تحميل الصفحة وحاول مرة أخرى.',
  'problem.not_found': 'غير موجود.',
  'problem.conflict_version': 'قام شخص آخر بتعديل هذا السجل بعد أن فتحته. راجع النسخة الحالية ثم حاول مرة أخرى.',
  'problem.idempotency_mismatch': 'مفتاح عدم التكرار هذا استُخدم لطلب مختلف.',
  'problem.conflict': 'هذا يتعارض مع بيانات موجودة.',
  'problem.too_large': 'الطلب كبير جداً.',
  'problem.unsupported_media': 'أرسل محتوى الطلب بصيغة JSON.',
  'problem.server': 'حدث خطأ في الخادم. تم تسجيل الخطأ.',
};

const coreCkb: Record<CoreKey, string> = {
  'required': 'ئەم خانەیە پێویستە.',
  'invalid_type': 'جۆری ئەم بەهایە هەڵەیە.',
  'invalid_value': 'ئەم بەهایە لە هەڵبژاردنە ڕێگەپێدراوەکان نییە.',
  'too_small': 'ئەم بەهایە زۆر بچووکە (کەمترین {minimum}).',
  'too_big': 'ئەم بەهایە زۆر گەورەیە (زۆرترین {maximum}).',
  'too_many': 'ژمارەی تۆمارەکان زۆرە.',
  'unknown_field': 'ئەم خانەیە چاوەڕوان نەکراوە: {keys}.',
  'invalid': 'ئەم بەهایە دروست نییە.',
  'date.invalid': 'بەروار بەم شێوەیە بنووسە: YYYY یان YYYY-MM یان YYYY-MM-DD، و با بەرواری ڕاستەقینە بێت.',
  'date.future': 'ئەم بەروارە لە داهاتوودایە.',
  'pcode.invalid': 'ئەمە P-code نییە (بۆ نموونە IQG15 یان IQG15Q05).',
  'pcode.unknown': 'هیچ ناوچەیەک بەم P-codeـە نییە.',
  'site.unknown': 'هیچ شوێنێک بەم ناسنامەیە نییە.',
  'name.too_long': 'ئەم ناوە زۆر درێژە (زۆرترین 80 پیت).',
  'text.too_long': 'ئەم دەقە زۆر درێژە.',
  'phone.invalid': 'ئەمە ژمارەی تەلەفۆن نییە (بۆ نموونە 0750 123 4567 یان ‎+964 750 123 4567).',
  'document.type': 'جۆری بەڵگەنامە لە لیستەکە هەڵبژێرە.',
  'need.invalid': 'ئەمە کۆدی پێداویستی تایبەت نییە (بۆ نموونە SM یان SC-UC).',
  'need.unknown': 'ئەم کۆدی پێداویستییە لە لیستەکەدا نییە.',
  'uuid.invalid': 'ئەمە ناسنامەیەکی دروست نییە.',
  'relationship.invalid': 'پەیوەندی بە سەرۆکی خێزانەوە هەڵبژێرە.',
  'sex.invalid': 'ڕەگەز هەڵبژێرە: نێر یان مێ.',
  'consent.scope': 'ئەم بواری ڕەزامەندییە لە لیستەکەدا نییە.',
  'consent.required': 'ڕەزامەندی بنەمای یاساییە، بۆیە دەبێت وەک دراو تۆمار بکرێت.',
  'registry.invalid': 'ئەمە کۆدی تۆمار نییە.',
  'registry.not_yours': 'تەنها دەتوانیت خێزان لە تۆماری ڕێکخراوەکەی خۆت تۆمار بکەیت.',
  'shelter.invalid': 'جۆری پەناگە لە لیستەکە هەڵبژێرە.',
  'shelter.unknown': 'ئەم جۆرە پەناگەیە لە لیستەکەدا نییە.',
  'legal_basis.invalid': 'بنەمای یاسایی بۆ تۆمارکردنی ئەم خێزانە هەڵبژێرە.',
  'members.none': 'خێزان دەبێت لانیکەم یەک ئەندامی هەبێت.',
  'members.no_head': 'یەک ئەندام وەک سەرۆکی خێزان دیاری بکە.',
  'members.two_heads': 'تەنها یەک ئەندام دەتوانێت سەرۆکی خێزان بێت.',
  'members.unknown': 'ئەم ئەندامە سەر بەم خێزانە نییە.',
  'page.invalid': 'ئەم ژمارەی پەڕەیە دروست نییە.',
  'scope.outside': 'ئەم شوێنە لە دەرەوەی ئەو ناوچەیەیە کە تێیدا کار دەکەیت.',
  'username.invalid': 'ناوی بەکارهێنەر لە 3 بۆ 40 پیت، ژمارە، خاڵ یان هێڵ پێکدێت.',
  'username.taken': 'ئەم ناوی بەکارهێنەرە پێشتر گیراوە.',
  'password.weak': 'وشەی نهێنی دەبێت لانیکەم 10 پیت بێت.',
  'role.unknown': 'ڕۆڵێکی وا نییە.',
  'organization.unknown': 'ڕێکخراوێکی وا نییە.',
  'organization.code_taken': 'ڕێکخراوێک بەم کۆدە پێشتر هەیە.',
  'code.invalid': 'کۆد لە 2 بۆ 16 پیتی گەورەی لاتینی، ژمارە یان هێڵی ژێرەوە پێکدێت.',
  'mfa.code_invalid': 'کۆدی پشتڕاستکردنەوە هەڵەیە.',
  'mfa.not_set_up': 'سەرەتا ناسینەوەی دوو هەنگاوی ڕێک بخە.',
  'csv.empty': 'فایلەکە بەتاڵە.',
  'csv.no_header': 'هیچ سەردێڕێکی ستوونی ناسراو نەدۆزرایەوە. ناوە ئاساییەکان یان تاگەکانی HXL لە نموونەکەوە بەکاربهێنە.',
  'csv.missing_columns': 'فایلەکە ستوونی پێویستی کەمە: {columns}.',
  'csv.duplicate_column': 'دوو ستوون لە فایلەکەدا هەمان خانە دیاری دەکەن.',
  'csv.household_mismatch': 'ئەم بەهایەی خێزان جیاوازە لەوەی لە ڕیزی سەرۆکی خێزاندایە.',
  'csv.boolean': 'بنووسە بەڵێ یان نەخێر.',
  'csv.document_count': 'بۆ هەر جۆرێکی بەڵگەنامە یەک ژمارە بنووسە، بە ; جیا بکرێنەوە.',
  'dedup.survivor_not_in_pair': 'خێزانی ماوە دەبێت یەکێک بێت لە دوو خێزانەکەی ئەم جووتە.',
  'problem.household_merged': 'ئەم خێزانە لەگەڵ تۆمارێکی تر یەکخراوە. لەبری ئەوە تۆماری خێزانی ماوە بکەرەوە.',
  'problem.pair_decided': 'کەسێکی تر پێشتر بڕیاری لەسەر ئەم جووتە داوە. لیستەکە نوێ بکەرەوە.',
  'problem.merge_stale': 'یەکێک لەم دوو خێزانە لەو کاتەوەی ئەم جووتە پێشنیار کراوە یەکخراوە یان داخراوە. لیستەکە نوێ بکەرەوە.',
  'problem.merge_undone': 'ئەم یەکخستنە پێشتر هەڵوەشێنراوەتەوە.',
  'problem.undo_conflict': 'ناتوانرێت ئەم یەکخستنە بە پاکی هەڵبوەشێنرێتەوە: خێزانی ماوە دواتر دووبارە یەکخراوە، یان ئەو ئەندامانەی لە خێزانی یەکخراوەوە هاتبوون تێیدا نەماون.',
  'problem.bad_request': 'داواکارییەکە دروست نییە.',
  'problem.validation': 'هەندێک خانە پێویستیان بە ڕاستکردنەوە هەیە.',
  'problem.unauthorized': 'بۆ بەردەوامبوون بچۆ ژوورەوە.',
  'problem.login_failed': 'ناوی بەکارهێنەر یان وشەی نهێنی هەڵەیە.',
  'problem.mfa_required': 'کۆدەکە لە بەرنامەی ناسینەوەکەت بنووسە.',
  'problem.mfa_setup_required': 'بەڕێوەبەر ناسینەوەی دوو هەنگاوی داوا دەکات: بۆ بەردەوامبوون ڕێکی بخە.',
  'problem.locked': 'هەوڵی چوونەژوورەوەی هەڵەی زۆر. دوای {minutes} خولەک دووبارە هەوڵ بدەرەوە.',
  'problem.rate_limited': 'داواکاری زۆر. کەمێک چاوەڕێ بکە و دووبارە هەوڵ بدەرەوە.',
  'problem.forbidden': 'مۆڵەتی ئەم کارەت نییە.',
  'problem.csrf': 'ئەم فۆرمە بەسەرچووە. پەڕەکە نوێ بکەرەوە و دووبارە هەوڵ بدەرەوە.',
  'problem.not_found': 'نەدۆزرایەوە.',
  'problem.conflict_version': 'کەسێکی تر دوای کردنەوەی تۆ ئەم تۆمارەی گۆڕیوە. وەشانی ئێستا ببینە و دووبارە هەوڵ بدەرەوە.',
  'problem.idempotency_mismatch': 'ئەم کلیلی دووبارەنەبوونەوەیە پێشتر بۆ داواکارییەکی جیاواز بەکارهاتووە.',
  'problem.conflict': 'ئەمە لەگەڵ زانیارییە هەبووەکان ناکۆکە.',
  'problem.too_large': 'داواکارییەکە زۆر گەورەیە.',
  'problem.unsupported_media': 'ناوەڕۆکی داواکارییەکە بە JSON بنێرە.',
  'problem.server': 'هەڵەیەک لە ڕاژەکار ڕوویدا. هەڵەکە تۆمار کرا.',
};

// Each capability with many messages keeps them in a file of its own beside this one.
const en = { ...coreEn, ...movementErrors.en, ...assessmentErrors.en };
export type ErrorKey = keyof typeof en;
type Catalogue = Record<ErrorKey, string>;
const ar: Catalogue = { ...coreAr, ...movementErrors.ar, ...assessmentErrors.ar };
const ckb: Catalogue = { ...coreCkb, ...movementErrors.ckb, ...assessmentErrors.ckb };

export const ERROR_MESSAGES: Record<Locale, Catalogue> = { en, ar, ckb };

/** Picks the best supported locale from an Accept-Language header (q-values respected). */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return 'en';
  const ranked = header.split(',').map((part, i) => {
    const [tag, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, i };
  }).sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'ckb' || tag === 'ku-iq' || tag.startsWith('ku-arab')) return 'ckb';
    if (base === 'ar') return 'ar';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** Translates a message key (falls back to English, then to the generic message). */
export function translateError(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const catalogue = ERROR_MESSAGES[locale] as Record<string, string>;
  const text = catalogue[key] ?? (ERROR_MESSAGES.en as Record<string, string>)[key] ?? catalogue['invalid'];
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

export function isErrorKey(key: string): key is ErrorKey {
  return key in en;
}
