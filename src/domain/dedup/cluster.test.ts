import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterIds } from './cluster.ts';

/** Connected components the slow way, for comparison. */
function naive(count: number, edges: [number, number][]): number[] {
  const label = new Array<number>(count).fill(-1);
  let next = 0;
  for (let start = 0; start < count; start++) {
    if (label[start] !== -1) continue;
    const stack = [start];
    label[start] = next;
    while (stack.length) {
      const x = stack.pop()!;
      for (const [a, b] of edges) {
        const y = a === x ? b : b === x ? a : -1;
        if (y >= 0 && label[y] === -1) { label[y] = next; stack.push(y); }
      }
    }
    next++;
  }
  return label;
}

describe('clusterIds', () => {
  it('puts linked records together, transitively, and numbers clusters in order', () => {
    expect([...clusterIds(6, [0, 3, 4], [1, 1, 5])]).toEqual([0, 0, 1, 0, 2, 2]);
  });

  it('agrees with a plain graph search on any set of links', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }).chain((count) =>
      fc.tuple(fc.constant(count), fc.array(fc.tuple(fc.nat(count - 1), fc.nat(count - 1)), { maxLength: 60 }))), ([count, edges]) => {
      const ids = clusterIds(count, edges.map((e) => e[0]), edges.map((e) => e[1]));
      const expected = naive(count, edges);
      for (let i = 0; i < count; i++) for (let j = 0; j < count; j++) {
        if ((ids[i] === ids[j]) !== (expected[i] === expected[j])) return false;
      }
      return true;
    }));
  });
});
