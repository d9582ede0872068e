import type { Household } from './household.ts';

/**
 * A household read from another registry, to compare with a family at the desk, is minimised:
 * names, sex, birth dates, origin, current location and registration numbers are enough to tell
 * whether it is the same family. Phone, notes, documents and specific needs (sensitive or not)
 * are withheld, and the record is marked `restricted`.
 */
export function restrictedView(h: Household): Household {
  return {
    ...h, phone: null, notes: null, restricted: true,
    members: h.members.map((m) => ({ ...m, documents: [], noDocuments: false, specificNeeds: [] })),
  };
}

const WITHHELD_PATH = /^(phone|notes)$|^members\.[^.]+\.(documents|noDocuments|specificNeeds)(\.|$)/;

/** Whether a history change (`members.<id>.documents.0.number`) is of a field a restricted read withholds. */
export function isWithheldPath(path: string): boolean {
  return WITHHELD_PATH.test(path);
}
