/** Error messages of movements and figures (issue 4), in the three languages; see errors.ts. */
const en = {
  'movement.no_shelter': 'A return or a departure abroad has no shelter type.',
  'movement.withdrawn': 'This movement has already been withdrawn.',
  'current.follows_movements': 'Where this household is now follows its recorded movements. Record a movement instead of changing the location here.',
  'date.too_early': 'This date is too early.',
  'registered_on.invalid': 'Write the registration date as YYYY-MM-DD, not in the future.',
  'site.inactive': 'This site is closed.',
  'site.not_transit': 'This site is not a transit point.',
  'site.transit_type': 'A transit point needs its type (checkpoint, border crossing...), and only a transit point has one.',
  'wave.unknown': 'There is no such displacement wave.',
} as const;

type Key = keyof typeof en;

const ar: Record<Key, string> = {
  'movement.no_shelter': 'العودة أو المغادرة إلى الخارج ليس لها نوع مأوى.',
  'movement.withdrawn': 'تم سحب هذه الحركة من قبل.',
  'current.follows_movements': 'مكان هذه الأسرة الحالي يتبع حركاتها المسجلة. سجّل حركة بدلاً من تغيير الموقع هنا.',
  'date.too_early': 'هذا التاريخ مبكر جداً.',
  'registered_on.invalid': 'اكتب تاريخ التسجيل بصيغة YYYY-MM-DD، ولا يكون في المستقبل.',
  'site.inactive': 'هذا الموقع مغلق.',
  'site.not_transit': 'هذا الموقع ليس نقطة عبور.',
  'site.transit_type': 'نقطة العبور تحتاج إلى نوعها (سيطرة، منفذ حدودي...)، ولا يكون النوع إلا لنقطة عبور.',
  'wave.unknown': 'لا توجد موجة نزوح كهذه.',
};

const ckb: Record<Key, string> = {
  'movement.no_shelter': 'گەڕانەوە یان ڕۆیشتن بۆ دەرەوەی وڵات جۆری پەناگەی نییە.',
  'movement.withdrawn': 'ئەم جوڵەیە پێشتر کشێنراوەتەوە.',
  'current.follows_movements': 'شوێنی ئێستای ئەم خێزانە بەپێی جوڵە تۆمارکراوەکانییەتی. لەبری گۆڕینی شوێن لێرە، جوڵەیەک تۆمار بکە.',
  'date.too_early': 'ئەم بەروارە زۆر زووە.',
  'registered_on.invalid': 'بەرواری تۆمارکردن بەم شێوەیە بنووسە YYYY-MM-DD، و با لە داهاتوودا نەبێت.',
  'site.inactive': 'ئەم شوێنە داخراوە.',
  'site.not_transit': 'ئەم شوێنە خاڵی تێپەڕین نییە.',
  'site.transit_type': 'خاڵی تێپەڕین پێویستی بە جۆرەکەیەتی (بازگە، دەروازەی سنووری...)، و تەنها خاڵی تێپەڕین جۆری هەیە.',
  'wave.unknown': 'شەپۆلێکی ئاوارەبوونی وا نییە.',
};

export const movementErrors = { en, ar, ckb };
