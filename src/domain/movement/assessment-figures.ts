import { governorateOf } from '../places/pcode.ts';
import { estimateIndividuals } from './figures.ts';

/**
 * Figures from location assessments. A round counts once it is closed (locked): its assessments
 * are then summed by the P-code of their location, once, and figures, trends and origins read those
 * sums. DTM gives a location's families by wave, by shelter and by origin separately, never
 * crossed: a figure filtered by wave or shelter counts that breakdown's families, individuals are
 * families x 6 (estimated) and returnees, who have no such breakdown, are left out (0).
 * With both filters, the wave's families are shared out as the area's shelter split (an estimate).
 */
export type Shares = Record<string, number>;

/** One assessment as it enters a round's sums. */
export interface CountedAssessment {
  pcode: string;
  idpFamilies: number; idpIndividuals: number; idpIndividualsEstimated: boolean;
  returneeFamilies: number; returneeIndividuals: number; returneeIndividualsEstimated: boolean;
  byOrigin: Shares; byWave: Shares; byShelter: Shares;
}

/** A closed round's assessments summed for one P-code. `*Reported`: families of the locations that gave that breakdown. */
export interface AreaTotals {
  pcode: string; locations: number;
  idpFamilies: number; idpIndividuals: number; returneeFamilies: number; returneeIndividuals: number; estimated: boolean;
  byOrigin: Shares; byWave: Shares; byShelter: Shares;
  originReported: number; waveReported: number; shelterReported: number;
}

const total = (s: Shares) => Object.values(s).reduce((n, v) => n + v, 0);

function addShares(into: Shares, from: Shares) {
  for (const [code, families] of Object.entries(from)) into[code] = (into[code] ?? 0) + families;
}

/** Sums a round's assessments by their location's P-code. */
export function sumAssessments(assessments: readonly CountedAssessment[]): AreaTotals[] {
  const areas = new Map<string, AreaTotals>();
  for (const a of assessments) {
    let t = areas.get(a.pcode);
    if (!t) {
      t = { pcode: a.pcode, locations: 0, idpFamilies: 0, idpIndividuals: 0, returneeFamilies: 0, returneeIndividuals: 0, estimated: false,
        byOrigin: {}, byWave: {}, byShelter: {}, originReported: 0, waveReported: 0, shelterReported: 0 };
      areas.set(a.pcode, t);
    }
    t.locations += 1;
    t.idpFamilies += a.idpFamilies;
    t.idpIndividuals += a.idpIndividuals;
    t.returneeFamilies += a.returneeFamilies;
    t.returneeIndividuals += a.returneeIndividuals;
    t.estimated ||= (a.idpIndividualsEstimated && a.idpFamilies > 0) || (a.returneeIndividualsEstimated && a.returneeFamilies > 0);
    addShares(t.byOrigin, a.byOrigin);
    addShares(t.byWave, a.byWave);
    addShares(t.byShelter, a.byShelter);
    t.originReported += total(a.byOrigin);
    t.waveReported += total(a.byWave);
    t.shelterReported += total(a.byShelter);
  }
  return [...areas.values()].sort((a, b) => a.pcode.localeCompare(b.pcode));
}

export interface FigureFilter { wave?: string; shelter?: string }

/** What a figure reads of an area's sums: the counts, and the families of the wave and shelter asked for. */
export interface AreaSlice {
  pcode: string;
  idpFamilies: number; idpIndividuals: number; returneeFamilies: number; returneeIndividuals: number; estimated: boolean;
  waveFamilies: number; shelterFamilies: number; shelterReported: number;
}

export interface AssessmentFigure {
  families: number; individuals: number; returneeFamilies: number; returnees: number; estimated: boolean;
}

const filtered = (f: FigureFilter) => Boolean(f.wave || f.shelter);

/** The displaced families of an area in the filter (unrounded when both filters share them out). */
function familiesIn(s: AreaSlice, f: FigureFilter): number {
  if (f.wave && f.shelter) return s.shelterReported > 0 ? (s.waveFamilies * s.shelterFamilies) / s.shelterReported : 0;
  if (f.wave) return s.waveFamilies;
  return f.shelter ? s.shelterFamilies : s.idpFamilies;
}

/** Sums areas into one figure, as the filter asks. */
export function figureOf(slices: readonly AreaSlice[], f: FigureFilter): AssessmentFigure {
  if (filtered(f)) {
    const families = Math.round(slices.reduce((n, s) => n + familiesIn(s, f), 0));
    return { families, individuals: estimateIndividuals(families), returneeFamilies: 0, returnees: 0, estimated: true };
  }
  return slices.reduce<AssessmentFigure>((sum, s) => ({
    families: sum.families + s.idpFamilies, individuals: sum.individuals + s.idpIndividuals,
    returneeFamilies: sum.returneeFamilies + s.returneeFamilies, returnees: sum.returnees + s.returneeIndividuals,
    estimated: sum.estimated || s.estimated,
  }), { families: 0, individuals: 0, returneeFamilies: 0, returnees: 0, estimated: false });
}

/** The P-code a figure at `level` counts an area under; a governorate-only area counts under its governorate at level 2. */
export const figureKey = (pcode: string, level: 1 | 2) => pcode.slice(0, level === 1 ? 5 : 8);

/** Figures per governorate (level 1) or district (level 2), in P-code order. */
export function areaFigures(slices: readonly AreaSlice[], level: 1 | 2, f: FigureFilter): (AssessmentFigure & { pcode: string })[] {
  const groups = new Map<string, AreaSlice[]>();
  for (const s of slices) {
    const key = figureKey(s.pcode, level);
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([pcode, group]) => ({ pcode, ...figureOf(group, f) }));
}

/** An area's origin breakdown with what a filter needs to share it out. */
export interface OriginSlice {
  pcode: string; byOrigin: Shares;
  waveFamilies: number; waveReported: number; shelterFamilies: number; shelterReported: number;
}

/**
 * Families by governorate of origin and governorate where they are, from the origin breakdowns;
 * a wave or shelter filter keeps the area's share of that wave or shelter. Individuals are x 6.
 */
export function originFlows(slices: readonly OriginSlice[], f: FigureFilter) {
  const flows = new Map<string, number>();
  for (const s of slices) {
    const wave = f.wave ? (s.waveReported > 0 ? s.waveFamilies / s.waveReported : 0) : 1;
    const shelter = f.shelter ? (s.shelterReported > 0 ? s.shelterFamilies / s.shelterReported : 0) : 1;
    for (const [origin, families] of Object.entries(s.byOrigin)) {
      const key = `${origin}|${governorateOf(s.pcode)}`;
      flows.set(key, (flows.get(key) ?? 0) + families * wave * shelter);
    }
  }
  return [...flows].map(([key, value]) => {
    const [origin, current] = key.split('|');
    const families = Math.round(value);
    return { origin, current, families, individuals: estimateIndividuals(families), estimated: true };
  }).filter((i) => i.families > 0).sort((a, b) => b.families - a.families || a.origin.localeCompare(b.origin) || a.current.localeCompare(b.current));
}
