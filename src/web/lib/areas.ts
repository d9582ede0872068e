import { foldName } from '#domain/names/fold';
import type { Area } from '#web/api/types.ts';
import type { Lang } from '#web/i18n/index.ts';

/** An area's name in the interface language; Kurdish falls back to the Arabic-script name. */
export function areaName(area: Pick<Area, 'nameEn' | 'nameAr' | 'nameCkb'>, lang: Lang): string {
  if (lang === 'ar') return area.nameAr || area.nameEn;
  if (lang === 'ckb') return area.nameCkb || area.nameAr || area.nameEn;
  return area.nameEn;
}

export interface AreaOption {
  value: string;
  label: string;
  area: Area;
  governorate: Area | null;
  /** Folded names in all three languages plus the P-code, for matching what a clerk types. */
  haystack: string;
}

/** "Mosul (Ninewa) — IQG15Q05"; a governorate is "Ninewa — IQG15". */
export function areaLabel(area: Area, governorate: Area | null, lang: Lang): string {
  const name = areaName(area, lang);
  const parent = governorate && governorate.pcode !== area.pcode ? ` (${areaName(governorate, lang)})` : '';
  return `${name}${parent} — ${area.pcode}`;
}

export function buildAreaOptions(areas: Area[], governorates: Area[], lang: Lang): AreaOption[] {
  const byCode = new Map(governorates.map((g) => [g.pcode, g]));
  return areas.map((area) => {
    const governorate = area.level === 1 ? null : byCode.get(area.pcode.slice(0, 5)) ?? null;
    const names = [area.nameEn, area.nameAr, area.nameCkb ?? ''];
    if (governorate) names.push(governorate.nameEn, governorate.nameAr, governorate.nameCkb ?? '');
    return {
      value: area.pcode,
      label: areaLabel(area, governorate, lang),
      area,
      governorate,
      haystack: `${foldName(names.join(' '))} ${area.pcode.toLowerCase()}`,
    };
  });
}

/**
 * Options matching a search: every word must occur in the folded names or P-code. Own-name
 * matches rank before matches on the governorate name, shorter P-codes (governorates) first.
 */
export function filterAreaOptions(options: AreaOption[], search: string, limit = 60): AreaOption[] {
  const words = foldName(search).split(' ').filter(Boolean);
  if (words.length === 0) return options.slice(0, limit);
  const matches = options.filter((o) => words.every((w) => o.haystack.includes(w)));
  const own = (o: AreaOption) => {
    const name = foldName(`${o.area.nameEn} ${o.area.nameAr} ${o.area.nameCkb ?? ''}`);
    return words.some((w) => name.split(' ').some((part) => part.startsWith(w)) || o.value.toLowerCase().startsWith(w));
  };
  return matches
    .map((o) => ({ o, rank: (own(o) ? 0 : 2) + (o.area.level === 1 ? 0 : 1) }))
    .sort((a, b) => a.rank - b.rank || a.o.value.localeCompare(b.o.value))
    .slice(0, limit)
    .map((x) => x.o);
}
