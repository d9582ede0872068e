import { termValues } from '#domain/dedup/compare';
import type { PreparedHousehold } from '#domain/dedup/household';
import { TF_FIELDS, type PreparedDate, type PreparedName, type PreparedPerson, type TfField } from '#domain/dedup/types';

/**
 * The persons of the real-time index, column by column: a person is a row number into typed
 * arrays, its names are numbers into one table of distinct prepared names (a registry of a million
 * repeats a few tens of thousands of spellings), and what a household shares (phone, origin) is
 * kept once per household. A PreparedPerson is rebuilt only for the few candidates a check scores.
 * Removed persons stay as dead rows (a merge or an edit adds the household's new rows); a restart
 * compacts them. Term frequencies are counted here, over the values scoring looks up (termValues).
 */

/** One household of the index. `count` is 0 while it is out of the index (merged). */
export interface HouseholdEntry {
  id: string;
  registry: number;
  version: number;
  first: number;
  count: number;
  /** Position of the head among its persons, -1 when none. */
  head: number;
  phone: string | null;
  district: string | null;
  governorate: string | null;
}

const NO_NAME = -1;

/**
 * One flat copy of a string kept for the life of the index. Normalising builds strings piece by
 * piece, and V8 keeps those as trees of pieces several times their size (a million document
 * numbers held that way cost hundreds of megabytes).
 */
function flat(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

export class PersonTable {
  count = 0;
  dead = 0;
  readonly ids: string[] = [];
  readonly households: HouseholdEntry[] = [];
  readonly slotOf = new Map<string, number>();
  readonly registries: string[] = [];
  private capacity = 0;
  private householdOf = new Int32Array(0);
  private parts = new Int32Array(0);
  private sex = new Uint8Array(0);
  private birth = new Int32Array(0);
  private documents: (readonly string[])[] = [];
  private readonly names: PreparedName[] = [];
  private readonly nameIds = new Map<string, number>();
  private readonly dates: PreparedDate[] = [];
  private readonly dateIds = new Map<string, number>();
  private readonly strings = new Map<string, string>();
  private readonly termCounts = TF_FIELDS.map(() => new Map<string, number>());
  private readonly termTotals = TF_FIELDS.map(() => 0);

  /** Persons the arrays hold room for (grows by doubling). */
  get size(): number {
    return this.capacity;
  }

  /** The registry's number, added on first sight. */
  registryId(code: string): number {
    let id = this.registries.indexOf(code);
    if (id < 0) id = this.registries.push(code) - 1;
    return id;
  }

  /** The household's slot, created on first sight (registry null: leave it as it is). */
  slotFor(id: string, registry: string | null): number {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.households.push({ id: flat(id), registry: 0, version: 0, first: 0, count: 0, head: -1, phone: null, district: null, governorate: null }) - 1;
      this.slotOf.set(id, slot);
    }
    if (registry !== null) this.households[slot].registry = this.registryId(registry);
    return slot;
  }

  /** Appends a household's prepared persons as its current rows; returns the first row. */
  append(slot: number, household: PreparedHousehold): number {
    const entry = this.households[slot];
    const members = household.members;
    this.ensure(this.count + members.length);
    const first = this.count;
    for (const p of members) this.appendPerson(slot, p);
    const sample = members[0];
    Object.assign(entry, {
      first, count: members.length, head: household.head, phone: sample?.phone ? flat(sample.phone) : null,
      district: this.intern(sample?.district ?? null), governorate: this.intern(sample?.governorate ?? null),
    });
    return first;
  }

  private appendPerson(slot: number, p: PreparedPerson): void {
    const i = this.count++;
    this.ids[i] = flat(p.id);
    this.householdOf[i] = slot;
    for (let k = 0; k < 4; k++) this.parts[i * 4 + k] = this.nameId(p.parts[k]);
    this.sex[i] = p.sex === 'm' ? 1 : p.sex === 'f' ? 2 : 0;
    this.birth[i] = this.dateId(p.birth);
    this.documents[i] = p.documents.length === 0 ? p.documents : p.documents.map(flat);
    this.countTerms(p, 1);
  }

  /** Marks a household's rows dead (the index has already taken them out of its blocks). */
  release(slot: number): void {
    const entry = this.households[slot];
    for (let i = entry.first; i < entry.first + entry.count; i++) this.countTerms(this.person(i), -1);
    this.dead += entry.count;
    entry.count = 0;
  }

  /** The household of a row. */
  householdOfRow(row: number): number {
    return this.householdOf[row];
  }

  /** Rebuilds the prepared person of a row. */
  person(row: number): PreparedPerson {
    const entry = this.households[this.householdOf[row]];
    const name = (k: number) => {
      const id = this.parts[row * 4 + k];
      return id === NO_NAME ? null : this.names[id];
    };
    const sex = this.sex[row];
    const birth = this.birth[row];
    return {
      id: this.ids[row], householdId: entry.id, registry: this.registries[entry.registry],
      parts: [name(0), name(1), name(2), name(3)], sex: sex === 1 ? 'm' : sex === 2 ? 'f' : null,
      birth: birth < 0 ? null : this.dates[birth], phone: entry.phone, documents: this.documents[row],
      district: entry.district, governorate: entry.governorate, memberKeys: this.memberKeys(row, entry),
    };
  }

  /** Rebuilds a household's prepared members. */
  household(slot: number): PreparedHousehold {
    const entry = this.households[slot];
    const members: PreparedPerson[] = [];
    for (let i = entry.first; i < entry.first + entry.count; i++) members.push(this.person(i));
    return { id: entry.id, members, head: entry.head };
  }

  /** Share of persons with this value in a field (term frequency), as scoring asks for it. */
  frequency(field: TfField, value: string): number | undefined {
    const f = TF_FIELDS.indexOf(field);
    const count = f < 0 ? undefined : this.termCounts[f].get(value);
    return count ? count / this.termTotals[f] : undefined;
  }

  /** Keys of the other members' given names, sorted and unique, as preparePerson computes them. */
  private memberKeys(row: number, entry: HouseholdEntry): string[] {
    const keys: string[] = [];
    for (let i = entry.first; i < entry.first + entry.count; i++) {
      const id = this.parts[i * 4];
      if (i !== row && id !== NO_NAME && this.names[id].key !== '') keys.push(this.names[id].key);
    }
    return keys.length > 1 ? [...new Set(keys)].sort() : keys;
  }

  private countTerms(p: PreparedPerson, delta: 1 | -1): void {
    const values = termValues(p);
    TF_FIELDS.forEach((field, f) => {
      const value = values[field];
      if (value === null || value === '') return;
      const count = (this.termCounts[f].get(value) ?? 0) + delta;
      if (count > 0) this.termCounts[f].set(value, count);
      else this.termCounts[f].delete(value);
      this.termTotals[f] += delta;
    });
  }

  private nameId(name: PreparedName | null): number {
    if (name === null) return NO_NAME;
    let id = this.nameIds.get(name.norm);
    if (id === undefined) {
      id = this.names.push(name) - 1;
      this.nameIds.set(name.norm, id);
    }
    return id;
  }

  private dateId(date: PreparedDate | null): number {
    if (date === null) return -1;
    let id = this.dateIds.get(date.value);
    if (id === undefined) {
      id = this.dates.push(date) - 1;
      this.dateIds.set(date.value, id);
    }
    return id;
  }

  private intern(value: string | null): string | null {
    if (value === null) return null;
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  private ensure(rows: number): void {
    if (rows <= this.capacity) return;
    let capacity = Math.max(1024, this.capacity);
    while (capacity < rows) capacity *= 2;
    const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T, width = 1) => {
      const next = make(capacity * width);
      next.set(old);
      return next;
    };
    this.householdOf = grow(this.householdOf, (n) => new Int32Array(n));
    this.parts = grow(this.parts, (n) => new Int32Array(n), 4);
    this.sex = grow(this.sex, (n) => new Uint8Array(n));
    this.birth = grow(this.birth, (n) => new Int32Array(n));
    this.capacity = capacity;
  }
}
