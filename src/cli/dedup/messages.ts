import type { Model } from '#domain/dedup/scoring';

/** What the main thread tells a dedup worker at start. */
export interface WorkerJob {
  file: string;
  worker: number;
  workers: number;
  seed: number;
  maxBlock?: number;
}

/** Sent by the main thread once the model is estimated. */
export interface ToWorker {
  model: Model;
  /** Pairs below this probability are not returned. */
  minProbability: number;
}

/** Messages from a worker. */
export type FromWorker =
  | { type: 'progress'; stage: 'read' | 'blocked' | 'scoring'; done: number; total: number }
  | {
    type: 'patterns';
    counts: [number, number][];
    scored: number;
    candidates: number;
    /** Records read. */
    records: number;
    skipped: { rule: string; size: number }[];
    u: Record<string, Record<string, number>> | null;
    unreadable: Record<string, number>;
    /** Record ids in file order (worker 0 only). */
    ids: string[];
    seconds: number;
  }
  | { type: 'pairs'; left: Uint32Array; right: Uint32Array; probability: Float32Array }
  | { type: 'error'; message: string };
