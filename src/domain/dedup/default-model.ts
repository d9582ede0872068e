import { DEFAULT_THRESHOLDS } from './scoring.ts';
import type { Model } from './scoring.ts';

/**
 * The model used until one is estimated from the registry's own data (EM for m, random pairs for
 * u): values of the same shape as estimateModel's, set from the labelled synthetic registries.
 * Provisional values; `bench/dedup/estimate-default.ts` re-derives them.
 */
/** Share of persons registered more than once assumed when the data cannot tell (a small registry). */
export const DEFAULT_DUPLICATE_SHARE = 0.1;

/**
 * The random-pair prior for a population of `records`: each duplicated person makes about one
 * matching pair among records * (records - 1) / 2.
 */
export function priorFor(records: number, duplicateShare = DEFAULT_DUPLICATE_SHARE): number {
  if (records < 2) return 0.5;
  return Math.min(0.5, (duplicateShare * records) / ((records * (records - 1)) / 2));
}

export const DEFAULT_MODEL: Model = {
  prior: 0.00000164,
  thresholds: DEFAULT_THRESHOLDS,
  fields: {
    given: { m: { exact: 0.383, close: 0.109, crossScript: 0.498, different: 0.00993 }, u: { exact: 0.0129, close: 0.000985, crossScript: 0.00709, different: 0.979 } },
    father: { m: { exact: 0.418, close: 0.095, crossScript: 0.477, different: 0.00992 }, u: { exact: 0.0257, close: 0.00172, crossScript: 0.0119, different: 0.961 } },
    grandfather: { m: { exact: 0.422, close: 0.0931, crossScript: 0.475, different: 0.00993 }, u: { exact: 0.0268, close: 0.00184, crossScript: 0.0125, different: 0.959 } },
    family: { m: { exact: 0.142, close: 0.0468, crossScript: 0.713, different: 0.0982 }, u: { exact: 0.0153, close: 0.00127, crossScript: 0.0209, different: 0.962 } },
    nameOrder: { m: { exact: 0.99, shifted: 0.0099 }, u: { exact: 1, shifted: 0.000005 } },
    sex: { m: { exact: 0.99, different: 0.0099 }, u: { exact: 0.5, different: 0.5 } },
    birthDate: { m: { exact: 0.787, close: 0.203, different: 0.0099 }, u: { exact: 0.00389, close: 0.0439, different: 0.952 } },
    documents: { m: { exact: 0.99, different: 0.0099 }, u: { exact: 0.00000806, different: 1 } },
    phone: { m: { exact: 0.99, different: 0.0099 }, u: { exact: 0.0000141, different: 1 } },
    origin: { m: { exact: 0.98, close: 0.0098, different: 0.0098 }, u: { exact: 0.0862, close: 0.192, different: 0.722 } },
    members: { m: { exact: 0.966, close: 0.0244, different: 0.0099 }, u: { exact: 0.198, close: 0.353, different: 0.449 } },
  },
};
