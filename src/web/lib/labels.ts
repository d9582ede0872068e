import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAreas, useReference } from '#web/api/queries.ts';
import type { Area, Labels } from '#web/api/types.ts';
import { currentLang, i18next } from '#web/i18n/index.ts';
import { areaName } from './areas.ts';

function label(labels: Labels | undefined, fallback: string): string {
  if (!labels) return fallback;
  return labels[currentLang()] || labels.en || fallback;
}

/** Labels of the configurable reference lists (shelter types, needs, roles, waves, sectors, priority needs) in the UI language. */
export function useReferenceLabels() {
  const { i18n } = useTranslation();
  const reference = useReference();
  return useMemo(() => {
    const shelters = new Map(reference.data?.shelterTypes.map((s) => [s.code, s.labels]));
    const needs = new Map(reference.data?.specificNeeds.map((s) => [s.code, s.labels]));
    const roles = new Map(reference.data?.roles.map((s) => [s.code, s.labels]));
    const waves = new Map(reference.data?.waves?.map((s) => [s.code, s.labels]));
    const sectors = new Map(reference.data?.sectors?.map((s) => [s.code, s.labels]));
    const priorities = new Map(reference.data?.priorityNeeds?.map((s) => [s.code, s.labels]));
    return {
      shelter: (code: string) => label(shelters.get(code), code),
      need: (code: string) => label(needs.get(code), code),
      role: (code: string) => label(roles.get(code), code),
      wave: (code: string) => label(waves.get(code), code),
      sector: (code: string) => label(sectors.get(code), code),
      priorityNeed: (code: string) => label(priorities.get(code), code),
    };
    // The language is a dependency: labels are picked per language.
  }, [reference.data, i18n.language]);
}

/**
 * Names for P-codes from the cached governorate and district lists: "Mosul (Ninewa)".
 * A sub-district shows its district's name; the code itself is shown beside it by callers.
 */
export function useAreaNames() {
  const { i18n } = useTranslation();
  const governorates = useAreas(1);
  const districts = useAreas(2);
  const index = useMemo(() => {
    const map = new Map<string, Area>();
    for (const a of [...(governorates.data ?? []), ...(districts.data ?? [])]) map.set(a.pcode, a);
    return map;
  }, [governorates.data, districts.data]);
  return useCallback(
    (pcode: string | null | undefined): string => {
      if (!pcode) return '';
      const lang = currentLang();
      const own = index.get(pcode) ?? index.get(pcode.slice(0, 8));
      const gov = index.get(pcode.slice(0, 5));
      if (!own) return gov ? areaName(gov, lang) : pcode;
      if (own.level === 1 || !gov) return areaName(own, lang);
      return `${areaName(own, lang)} (${areaName(gov, lang)})`;
    },
    [index, i18n.language],
  );
}

/** A translation for a code the server owns (status, kinds) that may be unknown to the UI. */
export function codeLabel(key: string, code: string): string {
  const full = `${key}.${code}`;
  return i18next.exists(full) ? i18next.t(full as never) : code;
}

/** Badge colour of a household status. */
export function statusColor(status: string): string {
  return status === 'active' ? 'teal' : status === 'merged' ? 'grape' : 'gray';
}

/**
 * `dir` for a free-text input: "auto" once something is typed, so an Arabic name reads right to
 * left in an English page and a Latin one left to right in an Arabic page; while empty it follows
 * the page, so the caret and placeholder sit where the reader expects.
 */
export function autoDir(value: string): 'auto' | undefined {
  return value ? 'auto' : undefined;
}

/** An organisation's name in the UI language, falling back to its English name. */
/** A registry as a select option: its code, then its organisation's name in the current language. */
export function registryOption(org: { code: string; name: string; nameAr?: string | null; nameCkb?: string | null }): { value: string; label: string } {
  return { value: org.code, label: `${org.code} — ${organizationName(org)}` };
}

export function organizationName(org: { name: string; nameAr?: string | null; nameCkb?: string | null }): string {
  const lang = currentLang();
  if (lang === 'ar') return org.nameAr || org.name;
  if (lang === 'ckb') return org.nameCkb || org.nameAr || org.name;
  return org.name;
}

/** A site's name in the interface language (Kurdish falls back to Arabic, then to the name given). */
export function siteName(site: { name: string; nameAr?: string | null; nameCkb?: string | null }): string {
  const lang = currentLang();
  if (lang === 'ar') return site.nameAr || site.name;
  if (lang === 'ckb') return site.nameCkb || site.nameAr || site.name;
  return site.name;
}
