import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '#web/i18n/en.ts';
import { i18next } from '#web/i18n/index.ts';
import { describePath, describeValue } from './history-text.ts';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

describe('history wording', () => {
  const members = new Map([['01a21940-bd97-7210-829f-037fd23354e8', { n: 2, name: 'Nadia' }]]);

  it('names fields and members', () => {
    expect(describePath('origin.pcode')).toBe('Area of origin');
    expect(describePath('members.01a21940-bd97-7210-829f-037fd23354e8.birthDate', members)).toBe('Member 2 (Nadia) · Date of birth');
    expect(describePath('members.0.documents.1.number')).toBe('Member 1 · Document 2 · Document number');
    expect(describePath('members.01a21940-0000-7000-8000-000000000000.givenName', members)).toBe('Members (01a21940…) · Given name');
  });

  it('shows values as text', () => {
    expect(describeValue(null)).toBe('—');
    expect(describeValue(true)).toBe('Yes');
    expect(describeValue(['registration', 'assistance'])).toBe('registration, assistance');
    expect(describeValue({ givenName: 'Omar', fatherName: 'Ahmed' })).toBe('Omar Ahmed');
  });
});
