/**
 * One blocking rule's blocks for the real-time index: a multimap from a 32-bit hash of the block
 * key to the persons sharing it, held in typed arrays (open addressing for the keys, one `next`
 * link per person for each block's chain). A million persons cost about 30 MB per rule, where a
 * Map of arrays costs hundreds and gives the garbage collector millions of objects to trace.
 * Two keys whose hashes collide share a block: a few extra candidates to score, never a lost one.
 */
export class BlockTable {
  private keys: Int32Array;
  private heads: Int32Array;
  private sizes: Int32Array;
  private next: Int32Array;
  private used = 0;

  constructor(personCapacity = 1024, slots = 1024) {
    this.keys = new Int32Array(slots);
    this.heads = new Int32Array(slots).fill(-1);
    this.sizes = new Int32Array(slots);
    this.next = new Int32Array(personCapacity).fill(-1);
  }

  /** Makes room for persons numbered below `capacity`. */
  growPersons(capacity: number): void {
    if (capacity <= this.next.length) return;
    const next = new Int32Array(capacity).fill(-1);
    next.set(this.next);
    this.next = next;
  }

  /** The slot of a key hash, or -1 when no person ever had it. */
  find(hash: number): number {
    const key = nonZero(hash);
    const mask = this.keys.length - 1;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot];
      if (k === key) return slot;
      if (k === 0) return -1;
    }
  }

  /** Persons in the block of `slot`. */
  size(slot: number): number {
    return this.sizes[slot];
  }

  /** First person of the block of `slot` (-1 when empty); continue with `after`. */
  first(slot: number): number {
    return this.heads[slot];
  }

  /** The next person in the same block, or -1. */
  after(person: number): number {
    return this.next[person];
  }

  /** Puts a person into the block of a key hash. */
  add(hash: number, person: number): void {
    if ((this.used + 1) * 2 > this.keys.length) this.rehash(this.keys.length * 2);
    const key = nonZero(hash);
    const mask = this.keys.length - 1;
    let slot = key & mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    if (this.keys[slot] === 0) {
      this.keys[slot] = key;
      this.used++;
    }
    this.next[person] = this.heads[slot];
    this.heads[slot] = person;
    this.sizes[slot]++;
  }

  /** Takes a person out of the block of a key hash (a walk along that one block). */
  remove(hash: number, person: number): void {
    const slot = this.find(hash);
    if (slot < 0) return;
    let previous = -1;
    for (let p = this.heads[slot]; p !== -1; previous = p, p = this.next[p]) {
      if (p !== person) continue;
      if (previous === -1) this.heads[slot] = this.next[p];
      else this.next[previous] = this.next[p];
      this.next[p] = -1;
      this.sizes[slot]--;
      return;
    }
  }

  /** Bytes held by the typed arrays. */
  bytes(): number {
    return this.keys.byteLength + this.heads.byteLength + this.sizes.byteLength + this.next.byteLength;
  }

  private rehash(slots: number): void {
    const { keys, heads, sizes } = this;
    this.keys = new Int32Array(slots);
    this.heads = new Int32Array(slots).fill(-1);
    this.sizes = new Int32Array(slots);
    const mask = slots - 1;
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === 0) continue;
      let slot = keys[old] & mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = keys[old];
      this.heads[slot] = heads[old];
      this.sizes[slot] = sizes[old];
    }
  }
}

/** 0 marks an empty slot, so no key hashes to it. */
function nonZero(hash: number): number {
  return hash === 0 ? 1 : hash | 0;
}

/** FNV-1a of a rule's block key, seeded by the rule, with a murmur3 finaliser to spread the bits. */
export function hashBlockKey(rule: number, key: string): number {
  let h = (0x811c9dc5 ^ Math.imul(rule + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
