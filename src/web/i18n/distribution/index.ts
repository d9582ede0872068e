import { i18next } from '../index.ts';
import { distributionAr } from './ar.ts';
import { distributionCkb } from './ckb.ts';
import { distributionEn } from './en.ts';

export const DISTRIBUTION_CATALOGUES = { en: distributionEn, ar: distributionAr, ckb: distributionCkb } as const;

function add() {
  for (const [lang, catalogue] of Object.entries(DISTRIBUTION_CATALOGUES)) {
    i18next.addResourceBundle(lang, 'translation', catalogue, true, true);
  }
}

// The card, distribution point and stock pages import this module, so these strings arrive with
// them (all three languages: a card prints its field names in each) and the registration page
// stays within its budget, as ../movement/index.ts does for issue 4.
if (i18next.isInitialized) add();
else i18next.on('initialized', add);
