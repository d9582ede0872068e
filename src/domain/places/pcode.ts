/** OCHA P-codes for Iraq: governorate IQG##, district IQG##Q##, sub-district IQG##Q##N##. */
export const PCODE = /^IQG\d{2}(Q\d{2}(N\d{2})?)?$/;

export type AreaLevel = 1 | 2 | 3;

/** The administrative level a P-code names, or null for something that is not one. */
export function pcodeLevel(pcode: string): AreaLevel | null {
  if (!PCODE.test(pcode)) return null;
  if (pcode.length === 5) return 1;
  return pcode.length === 8 ? 2 : 3;
}

/** The governorate a P-code lies in (`IQG15Q05` -> `IQG15`). */
export function governorateOf(pcode: string): string {
  return pcode.slice(0, 5);
}

/** True when `pcode` lies inside one of the scope prefixes; an empty scope is the whole country. */
export function inScope(pcode: string | null | undefined, scope: readonly string[]): boolean {
  if (scope.length === 0) return true;
  if (!pcode) return false;
  return scope.some((prefix) => pcode.startsWith(prefix));
}
