import { governorateOf } from '../places/pcode.ts';

/** `MOMD-IQG11-0000123`: registry, governorate of registration, a sequence per both. */
export function formatRegistrationNumber(registry: string, pcode: string, seq: number): string {
  return `${registry}-${governorateOf(pcode)}-${String(seq).padStart(7, '0')}`;
}

export const REGISTRATION_NUMBER = /^[A-Z0-9_]{2,16}-IQG\d{2}-\d{7,}$/;
