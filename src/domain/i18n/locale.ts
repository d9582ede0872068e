/** The three languages of Amina, how a request names one, and how a message's placeholders are filled. */
export const LOCALES = ['en', 'ar', 'ckb'] as const;
export type Locale = (typeof LOCALES)[number];

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

/** `{name}` placeholders filled from the parameters (missing ones left empty). */
export function fillPlaceholders(text: string, params: Record<string, unknown> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}
