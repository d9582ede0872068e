import { asciiDigits } from './partial-date.ts';

/**
 * Phone numbers as clerks type them: `0750 123 4567`, `+964 750...`, `00964750...`, `750...`,
 * with Eastern Arabic digits. Iraqi numbers become E.164 (+964...); other international numbers
 * keep their country code. Returns null for something that cannot be a phone number.
 */
export function normalizePhone(raw: string): string | null {
  let digits = asciiDigits(raw).replace(/[\s\-().\u200e\u200f]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = `964${digits.slice(1)}`;
  else if (/^7\d{9}$/.test(digits)) digits = `964${digits}`;
  if (digits.startsWith('9640')) digits = `964${digits.slice(4)}`;
  if (digits.startsWith('964')) {
    const national = digits.slice(3);
    // Mobiles are 7XX XXX XXXX; landlines 1-2 digit area code + 6-7 digits.
    if (/^7\d{9}$/.test(national) || /^[1-6]\d{6,8}$/.test(national)) return `+${digits}`;
    return null;
  }
  return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
}

/** The forms a person may search a phone by: E.164 and the national `07...` form. */
export function phoneSearchForms(e164: string): string[] {
  if (!e164.startsWith('+964')) return [e164.slice(1)];
  const national = e164.slice(4);
  return [e164.slice(1), `0${national}`];
}
