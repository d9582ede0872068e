/**
 * Month names in the three languages (Iraqi Arabic and Kurdish Sorani names: Chromium has no
 * Kurdish date data). Dates are formatted with them in any language, so they load with the app
 * while the rest of the Arabic and Kurdish catalogues load when chosen.
 */
export const MONTHS = {
  en: {
    m1: 'January',
    m2: 'February',
    m3: 'March',
    m4: 'April',
    m5: 'May',
    m6: 'June',
    m7: 'July',
    m8: 'August',
    m9: 'September',
    m10: 'October',
    m11: 'November',
    m12: 'December',
  },
  ar: {
    m1: 'كانون الثاني',
    m2: 'شباط',
    m3: 'آذار',
    m4: 'نيسان',
    m5: 'أيار',
    m6: 'حزيران',
    m7: 'تموز',
    m8: 'آب',
    m9: 'أيلول',
    m10: 'تشرين الأول',
    m11: 'تشرين الثاني',
    m12: 'كانون الأول',
  },
  ckb: {
    m1: 'کانوونی دووەم',
    m2: 'شوبات',
    m3: 'ئازار',
    m4: 'نیسان',
    m5: 'ئایار',
    m6: 'حوزەیران',
    m7: 'تەمموز',
    m8: 'ئاب',
    m9: 'ئەیلوول',
    m10: 'تشرینی یەکەم',
    m11: 'تشرینی دووەم',
    m12: 'کانوونی یەکەم',
  },
} as const;
