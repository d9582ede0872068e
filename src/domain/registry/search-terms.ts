import { foldKurdishAsArabic, foldName } from '../names/fold.ts';
import { asciiDigits } from '../shared/partial-date.ts';
import { normalizePhone, phoneSearchForms } from '../shared/phone.ts';
import { REGISTRATION_NUMBER } from './registration-number.ts';

/** A document number as compared: ASCII digits, lower case, letters and digits only. */
export function normalizeDocumentNumber(raw: string): string {
  return asciiDigits(raw).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

interface Searchable {
  registrationNumbers: string[];
  phone: string | null;
  members: { givenName: string; fatherName: string | null; grandfatherName: string | null; familyName: string | null; documents: { number: string }[] }[];
}

/**
 * The household's search text: every member's name parts folded, document numbers, phone forms
 * and registration numbers, space-separated with a leading and trailing space so that a word
 * prefix is `% word%`.
 */
export function householdSearchText(h: Searchable): string {
  const words = new Set<string>();
  for (const m of h.members) {
    for (const part of [m.givenName, m.fatherName, m.grandfatherName, m.familyName]) {
      const folded = foldName(part ?? '');
      for (const w of folded.split(' ').filter(Boolean)) words.add(w);
      for (const w of (part ?? '').split(/\s+/)) words.add(foldKurdishAsArabic(w).replace(/ /g, ''));
      // "عبد الله" is also searched as "عبدالله", and "al-Jubouri" as "aljubouri".
      if (folded.includes(' ')) words.add(folded.replace(/ /g, ''));
    }
    for (const d of m.documents) words.add(normalizeDocumentNumber(d.number));
  }
  if (h.phone) for (const form of phoneSearchForms(h.phone)) words.add(form);
  for (const r of h.registrationNumbers) words.add(r.toLowerCase());
  return ` ${[...words].filter(Boolean).join(' ')} `;
}

/**
 * What a search box query looks for: a registration number, a phone number, a document number,
 * or name words. Each term lists its alternatives; a household matches when, for every term,
 * one alternative starts one of its words.
 */
export function searchTerms(query: string): string[][] {
  const q = asciiDigits(query.trim());
  if (!q) return [];
  if (REGISTRATION_NUMBER.test(q.toUpperCase())) return [[q.toLowerCase()]];
  const digits = q.replace(/[\s\-().+]/g, '');
  if (/^\d{9,15}$/.test(digits) && /^[+0\s]|^964|^7/.test(q)) {
    const phone = normalizePhone(q);
    if (phone) return [[phone.slice(1)]];
  }
  if (!/\s/.test(q) && /\d/.test(q)) return [[normalizeDocumentNumber(q)]];
  return q.split(/\s+/).flatMap(wordAlternatives).filter((alternatives) => alternatives.length > 0);
}

/**
 * A name word as folded, and as its Arabic spelling when it is written the Sorani way: the
 * household holds both forms of its own words, so either meets them.
 */
function wordAlternatives(word: string): string[][] {
  const folded = foldName(word).split(' ').filter(Boolean);
  const arabic = foldKurdishAsArabic(word).split(' ').filter(Boolean);
  if (folded.length !== arabic.length) return [...folded, ...arabic].map((w) => [w]);
  return folded.map((w, i) => [...new Set([w, arabic[i]])]);
}
