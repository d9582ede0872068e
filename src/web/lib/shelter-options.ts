import type { ShelterType } from '#web/api/types.ts';
import type { Lang } from '#web/i18n/index.ts';
import { codeLabel } from './labels.ts';

/** Shelter types as select options grouped by category (camp, critical, private, unknown), in the UI language. */
export function shelterGroups(types: readonly ShelterType[] | undefined, lang: Lang): { group: string; items: { value: string; label: string }[] }[] {
  const list = types ?? [];
  const categories = [...new Set(list.map((s) => s.category))];
  return categories.map((category) => ({
    group: codeLabel('shelterCategory', category),
    items: list.filter((s) => s.category === category).map((s) => ({ value: s.code, label: s.labels[lang] || s.labels.en })),
  }));
}
