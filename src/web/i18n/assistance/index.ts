import { i18next } from '../index.ts';
import { assistanceAr } from './ar.ts';
import { assistanceCkb } from './ckb.ts';
import { assistanceEn } from './en.ts';

export const ASSISTANCE_CATALOGUES = { en: assistanceEn, ar: assistanceAr, ckb: assistanceCkb } as const;

function add() {
  for (const [lang, catalogue] of Object.entries(ASSISTANCE_CATALOGUES)) {
    i18next.addResourceBundle(lang, 'translation', catalogue, true, true);
  }
}

// Programme, round and report pages import this module, so these strings arrive with them and
// the registration page stays within its budget (as ../movement/index.ts does for issue 4).
if (i18next.isInitialized) add();
else i18next.on('initialized', add);
