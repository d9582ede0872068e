import { DEFAULT_THRESHOLDS } from './scoring.ts';
import type { Model } from './scoring.ts';

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

/**
 * The model used where the data cannot give one (a small file, the server's real-time check) and
 * the starting point and Dirichlet prior of EM (docs/decisions/003-matching-model.md): m from the
 * true pairs and u from random pairs of the labelled synthetic registries at 100,000 people, seed
 * 1, every m level at least 0.01; the prior is that of a random pair there. Re-derived with
 * `npx tsx bench/dedup/estimate-default.ts --people bench/out/dedup-people-100000-seed1.csv`.
 */
export const DEFAULT_MODEL: Model = {
  prior: 0.0000025,
  thresholds: DEFAULT_THRESHOLDS,
  fields: {
    given: { m: { exact: 0.564, close: 0.0949, crossScript: 0.327, different: 0.0134 }, u: { exact: 0.0123, close: 0.00156, crossScript: 0.00719, different: 0.979 } },
    father: { m: { exact: 0.592, close: 0.085, crossScript: 0.302, different: 0.0205 }, u: { exact: 0.026, close: 0.00236, crossScript: 0.0124, different: 0.959 } },
    grandfather: { m: { exact: 0.605, close: 0.0753, crossScript: 0.305, different: 0.015 }, u: { exact: 0.0243, close: 0.00237, crossScript: 0.0121, different: 0.961 } },
    family: { m: { exact: 0.385, close: 0.0368, crossScript: 0.506, different: 0.0726 }, u: { exact: 0.0153, close: 0.00155, crossScript: 0.0229, different: 0.96 } },
    nameOrder: { m: { exact: 0.979, shifted: 0.0213 }, u: { exact: 0.999, shifted: 0.00073 } },
    sex: { m: { exact: 0.99, different: 0.0099 }, u: { exact: 0.5, different: 0.5 } },
    birthDate: { m: { exact: 0.746, close: 0.244, different: 0.0099 }, u: { exact: 0.00402, close: 0.0436, different: 0.952 } },
    documents: { m: { exact: 0.99, different: 0.0099 }, u: { exact: 0.0000176, different: 1 } },
    phone: { m: { exact: 0.99, different: 0.0099 }, u: { exact: 0.000133, different: 1 } },
    origin: { m: { exact: 0.98, close: 0.0098, different: 0.0098 }, u: { exact: 0.0858, close: 0.186, different: 0.728 } },
    members: { m: { exact: 0.968, close: 0.0221, different: 0.00991 }, u: { exact: 0.193, close: 0.356, different: 0.451 } },
  },
};
