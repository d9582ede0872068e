import { earliestDay, parsePartialDate } from '#domain/shared/partial-date';

/**
 * A movement dated before the family's registration (a late report of its earlier flight) is
 * kept in its history, but the registration, coming after it, still says where the family is.
 * True when the date typed (any precision, any digits) falls there; false while it is not a date.
 */
export function beforeRegistration(typed: string, registeredOn: string | null | undefined): boolean {
  const date = parsePartialDate(typed.trim());
  if (!date || !registeredOn) return false;
  return earliestDay(date.value) < registeredOn;
}
