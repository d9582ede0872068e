import { describe, expect, it } from 'vitest';
import { ar } from './ar.ts';
import { ckb } from './ckb.ts';
import { en } from './en.ts';

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

const catalogues = { en, ar, ckb } as Record<string, Tree>;
const all = Object.fromEntries(Object.entries(catalogues).map(([lang, tree]) => [lang, leaves(tree)]));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('web catalogues', () => {
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
