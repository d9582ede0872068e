/**
 * Accuracy of a deduplication against the answer key of the benchmark file (`true_id`): pairwise
 * precision, recall and F1 (pairs of records in one predicted cluster against pairs with the same
 * true person), cluster-level figures, and the same at a range of score thresholds from a pairs
 * file. Used by run.ts; measures nothing by itself.
 */
import { clusterIds } from '../../src/domain/dedup/cluster.ts';
import { columns, readCsv } from './csv.ts';

/** The answer key: each record's position, true person and household. */
export interface Truth {
  ids: string[];
  position: Map<string, number>;
  person: Int32Array;
  households: string[];
  persons: number;
  /** Pairs of records of the same true person. */
  truePairs: number;
}

export function loadTruth(path: string): Truth {
  const ids: string[] = [];
  const persons = new Map<string, number>();
  const person: number[] = [];
  const households: string[] = [];
  let c: Record<'record_id' | 'true_id' | 'household_id', number> | null = null;
  readCsv(path, (f, _row, header) => {
    c ??= columns(header, ['record_id', 'true_id', 'household_id']);
    ids.push(f[c.record_id]);
    households.push(f[c.household_id]);
    let p = persons.get(f[c.true_id]);
    if (p === undefined) persons.set(f[c.true_id], (p = persons.size));
    person.push(p);
  });
  const sizes = new Uint32Array(persons.size);
  for (const p of person) sizes[p]++;
  let truePairs = 0;
  for (const k of sizes) truePairs += (k * (k - 1)) / 2;
  return { ids, position: new Map(ids.map((id, i) => [id, i])), person: Int32Array.from(person), households, persons: persons.size, truePairs };
}

export interface PairwiseScores { predictedPairs: number; truePairs: number; correctPairs: number; precision: number; recall: number; f1: number }

function scores(predictedPairs: number, truePairs: number, correctPairs: number): PairwiseScores {
  const precision = predictedPairs ? correctPairs / predictedPairs : 1;
  const recall = truePairs ? correctPairs / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { predictedPairs, truePairs, correctPairs, precision, recall, f1 };
}

const pairsOf = (k: number) => (k * (k - 1)) / 2;

/** Pairwise figures of a clustering (cluster[i] for record i). */
export function pairwiseFromClusters(truth: Truth, cluster: ArrayLike<number>): PairwiseScores {
  const clusterSizes = new Map<number, number>();
  const cells = new Map<number, number>();
  for (let i = 0; i < truth.ids.length; i++) {
    clusterSizes.set(cluster[i], (clusterSizes.get(cluster[i]) ?? 0) + 1);
    const cell = cluster[i] * truth.persons + truth.person[i];
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  let predicted = 0;
  let correct = 0;
  for (const k of clusterSizes.values()) predicted += pairsOf(k);
  for (const k of cells.values()) correct += pairsOf(k);
  return scores(predicted, truth.truePairs, correct);
}

export interface ClusterFigures {
  clusters: number;
  /** Persons with two or more records. */
  duplicatedPersons: number;
  /** Share of those whose records, and only theirs, form one predicted cluster. */
  resolvedShare: number;
  /** Share of all persons whose records form exactly one predicted cluster of their own. */
  exactShare: number;
  /** Predicted clusters holding records of more than one person. */
  overMergedClusters: number;
  /** Persons whose records are spread over more than one predicted cluster. */
  splitPersons: number;
}

export function clusterFigures(truth: Truth, cluster: ArrayLike<number>): ClusterFigures {
  const n = truth.ids.length;
  const clusterSize = new Map<number, number>();
  const clusterPerson = new Map<number, number>();
  const personCluster = new Int32Array(truth.persons).fill(-1);
  const personSize = new Uint32Array(truth.persons);
  const split = new Uint8Array(truth.persons);
  for (let i = 0; i < n; i++) {
    const c = cluster[i];
    const p = truth.person[i];
    clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1);
    const holder = clusterPerson.get(c);
    clusterPerson.set(c, holder === undefined || holder === p ? p : -1);
    if (personCluster[p] === -1) personCluster[p] = c;
    else if (personCluster[p] !== c) split[p] = 1;
    personSize[p]++;
  }
  let exact = 0;
  let resolved = 0;
  let duplicated = 0;
  let splitPersons = 0;
  for (let p = 0; p < truth.persons; p++) {
    const alone = !split[p] && clusterPerson.get(personCluster[p]) === p && clusterSize.get(personCluster[p]) === personSize[p];
    if (alone) exact++;
    if (split[p]) splitPersons++;
    if (personSize[p] < 2) continue;
    duplicated++;
    if (alone) resolved++;
  }
  let overMerged = 0;
  for (const holder of clusterPerson.values()) if (holder === -1) overMerged++;
  return {
    clusters: clusterSize.size, duplicatedPersons: duplicated, resolvedShare: duplicated ? resolved / duplicated : 1,
    exactShare: truth.persons ? exact / truth.persons : 1, overMergedClusters: overMerged, splitPersons,
  };
}

/** A clusters file (`record_id,cluster_id`) as a cluster number per record of the truth. */
export function readClusters(path: string, truth: Truth): Int32Array {
  const cluster = new Int32Array(truth.ids.length).fill(-1);
  const numbers = new Map<string, number>();
  readCsv(path, (f) => {
    const i = truth.position.get(f[0]);
    if (i === undefined) throw new Error(`${path}: unknown record ${f[0]}`);
    let c = numbers.get(f[1]);
    if (c === undefined) numbers.set(f[1], (c = numbers.size));
    cluster[i] = c;
  });
  // A record the tool left out is a cluster of its own.
  for (let i = 0; i < cluster.length; i++) if (cluster[i] < 0) cluster[i] = numbers.size + i;
  return cluster;
}

/** Scored pairs (record positions and the third column, probability or score). */
export interface ScoredPairs { left: Int32Array; right: Int32Array; score: Float64Array }

export function readPairs(path: string, truth: Truth): ScoredPairs {
  const left: number[] = [];
  const right: number[] = [];
  const score: number[] = [];
  readCsv(path, (f) => {
    const a = truth.position.get(f[0]);
    const b = truth.position.get(f[1]);
    if (a === undefined || b === undefined) throw new Error(`${path}: unknown record in ${f[0]},${f[1]}`);
    left.push(a);
    right.push(b);
    score.push(Number(f[2]));
  });
  return { left: Int32Array.from(left), right: Int32Array.from(right), score: Float64Array.from(score) };
}

export interface ThresholdRow { threshold: number; pairs: PairwiseScores; clustered: PairwiseScores; clusters: ClusterFigures }

/**
 * At each threshold: the pairs at or above it taken as they are (`pairs`), and clustered by
 * union-find (`clustered`, what a clusters file at that threshold would give).
 */
export function sweep(truth: Truth, scored: ScoredPairs, thresholds: readonly number[]): ThresholdRow[] {
  return thresholds.map((threshold) => {
    const left: number[] = [];
    const right: number[] = [];
    let correct = 0;
    for (let k = 0; k < scored.score.length; k++) {
      if (!(scored.score[k] >= threshold)) continue;
      left.push(scored.left[k]);
      right.push(scored.right[k]);
      if (truth.person[scored.left[k]] === truth.person[scored.right[k]]) correct++;
    }
    const cluster = clusterIds(truth.ids.length, left, right);
    return {
      threshold, pairs: scores(left.length, truth.truePairs, correct),
      clustered: pairwiseFromClusters(truth, cluster), clusters: clusterFigures(truth, cluster),
    };
  });
}

/** The threshold whose clustering has the best F1. */
export const bestThreshold = (rows: readonly ThresholdRow[]) =>
  rows.reduce((best, row) => (row.clustered.f1 > best.clustered.f1 ? row : best)).threshold;
