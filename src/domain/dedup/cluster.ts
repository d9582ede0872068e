/**
 * Clusters of the same person from matched pairs: union-find with path halving and union by
 * size, so a million records cluster in linear time. Transitive on purpose (A~B and B~C puts
 * A, B and C together); the review queue is where a wrong link is undone.
 */
export class DisjointSets {
  private readonly parent: Uint32Array;
  private readonly size: Uint32Array;

  constructor(readonly count: number) {
    this.parent = new Uint32Array(count);
    this.size = new Uint32Array(count).fill(1);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  /** The representative of `i`'s set. */
  find(i: number): number {
    let x = i;
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }

  /** Puts `a` and `b` in one set. */
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
  }
}

/** A cluster number for each record (0-based, in order of first appearance) from linked pairs. */
export function clusterIds(count: number, left: ArrayLike<number>, right: ArrayLike<number>): Uint32Array {
  const sets = new DisjointSets(count);
  for (let k = 0; k < left.length; k++) sets.union(left[k], right[k]);
  const ids = new Uint32Array(count);
  const numbering = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const root = sets.find(i);
    let id = numbering.get(root);
    if (id === undefined) {
      id = numbering.size;
      numbering.set(root, id);
    }
    ids[i] = id;
  }
  return ids;
}
