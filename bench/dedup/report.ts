/**
 * The dedup benchmark's printed table: Amina and HOPE side by side (HOPE at its default score 6
 * and at the threshold tuned on the tuning seed), with the ratio, and the threshold sweeps.
 * Used by run.ts; measures nothing by itself.
 */
import type { ClusterFigures, PairwiseScores, ThresholdRow } from './metrics.ts';

/** One system's figures on the reported seed. */
export interface SystemFigures {
  label: string;
  threshold: number;
  pairwise: PairwiseScores;
  clusters: ClusterFigures;
  comparisons: number | null;
  seconds: number | null;
  peakMb: number | null;
}

const count = (n: number | null) => (n === null ? 'n/a' : Math.round(n).toLocaleString('en'));
const share = (n: number) => n.toFixed(4);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? 'n/a' : Number((a / b).toPrecision(3)).toString());

interface Line { label: string; value: (s: SystemFigures) => number | null; show: (n: number | null) => string }

const LINES: Line[] = [
  { label: 'pairwise precision', value: (s) => s.pairwise.precision, show: (n) => share(n!) },
  { label: 'pairwise recall', value: (s) => s.pairwise.recall, show: (n) => share(n!) },
  { label: 'pairwise F1', value: (s) => s.pairwise.f1, show: (n) => share(n!) },
  { label: 'duplicated persons resolved exactly', value: (s) => s.clusters.resolvedShare, show: (n) => share(n!) },
  { label: 'all persons resolved exactly', value: (s) => s.clusters.exactShare, show: (n) => share(n!) },
  { label: 'over-merged clusters', value: (s) => s.clusters.overMergedClusters, show: count },
  { label: 'split persons', value: (s) => s.clusters.splitPersons, show: count },
  { label: 'predicted duplicate pairs', value: (s) => s.pairwise.predictedPairs, show: count },
  { label: 'comparisons made', value: (s) => s.comparisons, show: count },
  { label: 'seconds (end to end, child process)', value: (s) => s.seconds, show: (n) => (n === null ? 'n/a' : n.toFixed(1)) },
  { label: 'peak memory MB', value: (s) => s.peakMb, show: (n) => (n === null ? 'n/a' : n.toFixed(0)) },
];

/** Markdown table: one column per system, then Amina's ratio to each HOPE column. */
export function sideBySide(amina: SystemFigures | null, hope: SystemFigures[]): string {
  const systems = [amina, ...hope].filter((s): s is SystemFigures => s !== null);
  const ratios = amina ? hope.map((h) => `Amina / ${h.label}`) : [];
  const rows = [['', ...systems.map((s) => s.label), ...ratios], ['threshold', ...systems.map((s) => String(s.threshold)), ...ratios.map(() => '')]];
  for (const line of LINES) {
    rows.push([line.label, ...systems.map((s) => line.show(line.value(s))), ...(amina ? hope.map((h) => ratio(line.value(amina), line.value(h))) : [])]);
  }
  return table(rows);
}

/** Markdown table of a threshold sweep: pairs as scored and clustered by union-find. */
export function sweepTable(rows: readonly ThresholdRow[]): string {
  return table([
    ['threshold', 'pairs', 'precision', 'recall', 'F1', 'clustered precision', 'recall', 'F1', 'resolved'],
    ...rows.map((r) => [
      String(r.threshold), count(r.pairs.predictedPairs), share(r.pairs.precision), share(r.pairs.recall), share(r.pairs.f1),
      share(r.clustered.precision), share(r.clustered.recall), share(r.clustered.f1), share(r.clusters.resolvedShare),
    ]),
  ]);
}

function table(rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}
