import { i18next } from '../index.ts';
import { movementAr } from './ar.ts';
import { movementCkb } from './ckb.ts';
import { movementEn } from './en.ts';

export const MOVEMENT_CATALOGUES = { en: movementEn, ar: movementAr, ckb: movementCkb } as const;

function add() {
  for (const [lang, catalogue] of Object.entries(MOVEMENT_CATALOGUES)) {
    i18next.addResourceBundle(lang, 'translation', catalogue, true, true);
  }
}

// Pages of issue 4 import this module, so these strings arrive with them and the registration
// page stays within its budget. A page opened by its address loads before i18next has started
// (the router starts first): its strings are then added as i18next starts, before anything renders.
if (i18next.isInitialized) add();
else i18next.on('initialized', add);
