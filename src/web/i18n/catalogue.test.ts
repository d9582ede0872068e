import { describe, expect, it } from 'vitest';
import { ar } from './ar.ts';
import { ckb } from './ckb.ts';
import { en } from './en.ts';
import { movementAr } from './movement/ar.ts';
import { movementCkb } from './movement/ckb.ts';
import { movementEn } from './movement/en.ts';
import { distributionAr } from './distribution/ar.ts';
import { distributionCkb } from './distribution/ckb.ts';
import { distributionEn } from './distribution/en.ts';
import { assistanceAr } from './assistance/ar.ts';
import { assistanceCkb } from './assistance/ckb.ts';
import { assistanceEn } from './assistance/en.ts';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a catalogue as `section.key` -> text. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** The catalogue loaded with the app, and the one loaded with the movement pages. */
const sets = {
  main: { en, ar, ckb },
  movement: { en: movementEn, ar: movementAr, ckb: movementCkb },
  distribution: { en: distributionEn, ar: distributionAr, ckb: distributionCkb },
  assistance: { en: assistanceEn, ar: assistanceAr, ckb: assistanceCkb },
} as Record<string, Record<string, Tree>>;

for (const [name, catalogues] of Object.entries(sets)) {
  const all = Object.fromEntries(Object.entries(catalogues).map(([lang, tree]) => [lang, leaves(tree)]));

  describe(`web catalogues (${name})`, () => {
    for (const [lang, keys] of Object.entries(all)) {
      for (const [other, otherKeys] of Object.entries(all)) {
        if (other === lang) continue;
        it(`${lang} has every key ${other} has`, () => {
          const missing = [...otherKeys.keys()].filter((k) => !keys.has(k));
          expect(missing).toEqual([]);
        });
      }

      it(`${lang} has no empty or non-string text`, () => {
        const bad = [...keys].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
        expect(bad).toEqual([]);
      });
    }

    for (const lang of ['ar', 'ckb']) {
      it(`${lang} keeps the placeholders of the English text`, () => {
        const wrong = [...all.en].filter(([k, v]) => placeholders(String(v)).join() !== placeholders(String(all[lang].get(k) ?? '')).join());
        expect(wrong.map(([k]) => k)).toEqual([]);
      });

      it(`${lang} is translated, not copied from English`, () => {
        const copied = [...all.en]
          .filter(([k]) => !k.startsWith('lang.'))
          .filter(([k, v]) => /[A-Za-z]{3}/.test(String(v).replace(/\{\{\s*\w+\s*\}\}/g, '')) && all[lang].get(k) === v)
          .map(([k]) => k);
        expect(copied).toEqual([]);
      });
    }
  });
}

describe('the movement catalogue', () => {
  it('adds sections of its own, never replacing the main catalogue\'s', () => {
    expect(Object.keys(movementEn).filter((section) => section in en)).toEqual([]);
  });
});

describe('the distribution catalogue', () => {
  it('adds sections of its own, never replacing the main or the movement catalogue\'s', () => {
    expect(Object.keys(distributionEn).filter((section) => section in en || section in movementEn)).toEqual([]);
  });
});

describe('the assistance catalogue', () => {
  it('adds sections of its own, never replacing another catalogue\'s', () => {
    expect(Object.keys(assistanceEn).filter((section) => section in en || section in movementEn || section in distributionEn)).toEqual([]);
  });
});
