/**
 * An in-memory stand-in for HOPE's Elasticsearch individual index and the query its
 * DeduplicateTask sends once per person (see hope.ts for the query and what is exact). Scores
 * follow the index's scripted similarity `(1.0 / doc.length) * query.boost`: a matching term
 * adds its clause's boost divided by the number of tokens in that field of the found person.
 * Part of the HOPE baseline; measures nothing by itself.
 */
import { FuzzyVocabulary, phoneticTerms, standardTokens } from './hope-text.ts';

/** A person as HOPE holds them (fields of its Individual document). */
export interface HopePerson {
  given: string;
  family: string;
  middle: string;
  full: string;
  /** Full date `YYYY-MM-DD`, or null. */
  birth: string | null;
  /** The phone as typed (the query sends `phone_no.raw_input`). */
  phoneTyped: string | null;
  /** The phone as indexed (`str(phone_no)`: E.164 when valid). */
  phoneIndexed: string | null;
  sex: string;
  relationship: string;
  admin1: string;
  admin2: string;
}

/** Term ids of one phonetic field: per person, the terms at each token position. */
class PhoneticField {
  readonly postings = new Map<number, number[]>();
  readonly positions: number[][][] = [];
  /** Tokens in each person's field (the scripted similarity's doc.length), filled by `seal`. */
  lengths = new Uint16Array(0);

  constructor(private readonly ids: Map<string, number>) {}

  add(doc: number, text: string): void {
    const positions = standardTokens(text).map((token) => phoneticTerms(token).map((t) => this.intern(t)));
    this.positions.push(positions);
    for (const terms of positions) {
      for (const t of terms) {
        const list = this.postings.get(t);
        if (!list) this.postings.set(t, [doc]);
        else if (list[list.length - 1] !== doc) list.push(doc);
      }
    }
  }

  seal(): void {
    this.lengths = Uint16Array.from(this.positions, (p) => p.length);
  }

  private intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.ids.size));
    return id;
  }
}

/** The standard-analysed field a fuzzy query runs on, with postings per vocabulary term. */
class FuzzyField {
  readonly vocabulary = new FuzzyVocabulary();
  readonly postings: number[][] = [];
  readonly tokens: string[][] = [];

  add(doc: number, text: string): void {
    const tokens = standardTokens(text);
    this.tokens.push(tokens);
    for (const token of tokens) {
      const id = this.vocabulary.add(token);
      const list = (this.postings[id] ??= []);
      if (list[list.length - 1] !== doc) list.push(doc);
    }
  }
}

function interner() {
  const ids = new Map<string, number>();
  return (value: string | null) => {
    if (!value) return -1;
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = ids.size));
    return id;
  };
}

function group(values: (string | null)[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  values.forEach((v, doc) => {
    if (!v) return;
    const list = out.get(v);
    if (list) list.push(doc);
    else out.set(v, [doc]);
  });
  return out;
}

/** The index: every field HOPE's query looks at, built once for all persons. */
export class HopeIndex {
  readonly size: number;
  readonly givenFuzzy = new FuzzyField();
  readonly familyFuzzy = new FuzzyField();
  readonly given: PhoneticField;
  readonly family: PhoneticField;
  readonly middle: PhoneticField;
  readonly full: PhoneticField;
  readonly byBirth: Map<string, number[]>;
  readonly byPhone: Map<string, number[]>;
  readonly sex: Int32Array;
  readonly relationship: Int32Array;
  readonly admin1: Int32Array;
  readonly admin2: Int32Array;

  constructor(readonly people: readonly HopePerson[]) {
    this.size = people.length;
    const terms = new Map<string, number>();
    [this.given, this.family, this.middle, this.full] = [0, 1, 2, 3].map(() => new PhoneticField(terms));
    people.forEach((p, doc) => {
      this.givenFuzzy.add(doc, p.given);
      this.familyFuzzy.add(doc, p.family);
      this.given.add(doc, p.given);
      this.family.add(doc, p.family);
      this.middle.add(doc, p.middle);
      this.full.add(doc, p.full);
    });
    for (const field of [this.given, this.family, this.middle, this.full]) field.seal();
    this.byBirth = group(people.map((p) => p.birth));
    this.byPhone = group(people.map((p) => p.phoneIndexed));
    const ids = (pick: (p: HopePerson) => string) => {
      const intern = interner();
      return Int32Array.from(people, (p) => intern(pick(p)));
    };
    this.sex = ids((p) => p.sex);
    this.relationship = ids((p) => p.relationship);
    this.admin1 = ids((p) => p.admin1);
    this.admin2 = ids((p) => p.admin2);
  }
}
