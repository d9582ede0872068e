import { crossScriptKey, isKnownNameKey } from './names/key.ts';
import { normalizeNamePart } from './names/normalize.ts';
import type { NameFunctions } from './types.ts';

/** The name functions for Iraqi registries: script-aware normalisation and the cross-script key. */
export const IRAQI_NAMES: NameFunctions = { normalize: normalizeNamePart, key: crossScriptKey, known: isKnownNameKey };
