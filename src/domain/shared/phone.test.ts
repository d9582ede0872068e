import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneSearchForms } from './phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['07501234567', '+9647501234567'], ['0750 123 4567', '+9647501234567'], ['+964 750 123 4567', '+9647501234567'],
    ['00964-750-123-4567', '+9647501234567'], ['9647501234567', '+9647501234567'], ['7501234567', '+9647501234567'],
    ['٠٧٥٠١٢٣٤٥٦٧', '+9647501234567'], ['+964 (0) 770 555 1234', '+9647705551234'], ['+90 532 123 45 67', '+905321234567'],
    ['01 718 1234', '+96417181234'],
  ])('reads %s as %s', (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it.each(['12', 'phone', '0750-abc', '+964 750 12', '+9647501234567890123'])('refuses %s', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('gives the forms a clerk may search by', () => {
    expect(phoneSearchForms('+9647501234567')).toEqual(['9647501234567', '07501234567']);
  });
});
