import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HouseholdInput } from '../registry/household.ts';
import { syntheticHouseholds, type SyntheticHousehold } from './synthetic.ts';

const generate = (seed: number, households: number, overlap?: number) =>
  [...syntheticHouseholds({ seed, households, overlap })];

const KURDISTAN = /^IQG(06|09|11)/;
const sample = generate(7, 2000);

describe('syntheticHouseholds', () => {
  it('yields exactly the number asked for, with unique refs', () => {
    expect(sample).toHaveLength(2000);
    expect(new Set(sample.map((h) => h.ref)).size).toBe(2000);
  });

  it('produces households that pass the registration schema', () => {
    const failures = sample
      .map((h) => ({ ref: h.ref, result: HouseholdInput.safeParse(h.input) }))
      .filter((x) => !x.result.success)
      .map((x) => ({ ref: x.ref, issues: x.result.error?.issues.slice(0, 3) }));
    expect(failures).toEqual([]);
  });

  it('gives identical output for the same seed and different output for another', () => {
    expect(generate(7, 300)).toEqual(sample.slice(0, 300));
    expect(generate(8, 300)).not.toEqual(sample.slice(0, 300));
  });

  it('has BMD register only households in the Kurdistan Region, in the scripts it uses', () => {
    const bmd = sample.filter((h) => h.registry === 'BMD');
    expect(bmd.length).toBeGreaterThan(100);
    expect(bmd.every((h) => KURDISTAN.test(h.input.current.pcode))).toBe(true);
    expect(new Set(bmd.map((h) => h.script))).toEqual(new Set(['kurdish', 'arabic', 'latin']));
    expect(sample.filter((h) => h.registry === 'MOMD').every((h) => h.script !== 'kurdish')).toBe(true);
  });

  it('sizes households from 1 to 12 members around 6, with one head each', () => {
    const sizes = sample.map((h) => h.input.members.length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(12);
    expect(mean).toBeGreaterThan(5);
    expect(mean).toBeLessThan(7);
    const femaleHeads = sample.filter((h) => h.input.members[0].sex === 'f').length / sample.length;
    expect(femaleHeads).toBeGreaterThan(0.08);
    expect(femaleHeads).toBeLessThan(0.25);
  });

  it('names children after the head as father and the head\'s father as grandfather', () => {
    const maleHeaded = sample.filter((h) => h.duplicateOf === null && h.input.members[0].sex === 'm');
    const pairs = maleHeaded.flatMap((h) => h.input.members
      .filter((m) => m.relationship === 'son' || m.relationship === 'daughter')
      .map((m) => [m, h.input.members[0]] as const));
    expect(pairs.length).toBeGreaterThan(1000);
    for (const [child, head] of pairs) {
      expect(child.fatherName).toBe(head.givenName);
      expect(child.grandfatherName).toBe(head.fatherName);
    }
  });

  it('never gives two children of a household the same name, and registers after arrival', () => {
    for (const h of sample.filter((x) => x.duplicateOf === null)) {
      const kids = h.input.members.filter((m) => m.relationship === 'son' || m.relationship === 'daughter');
      expect(new Set(kids.map((m) => m.givenName)).size).toBe(kids.length);
      const { date } = h.input.consent;
      if (date && h.input.displacedOn) expect(date >= h.input.displacedOn.slice(0, date.length)).toBe(true);
    }
  });

  it('registers a share of families again, later, pointing at the original', () => {
    const rows = generate(3, 3000, 0.2);
    const position = new Map(rows.map((h, i) => [h.ref, i]));
    const byRef = new Map(rows.map((h) => [h.ref, h]));
    const dups = rows.filter((h) => h.duplicateOf !== null);
    const cross = dups.filter((d) => byRef.get(d.duplicateOf!)!.registry !== d.registry);
    expect(cross.length / rows.length).toBeGreaterThan(0.1);
    expect(cross.length / rows.length).toBeLessThan(0.2);
    for (const d of dups) expect(position.get(d.duplicateOf!)).toBeLessThan(position.get(d.ref)!);
    for (const d of cross) expect(d.script).not.toBe(byRef.get(d.duplicateOf!)!.script);
    expect(dups.length - cross.length).toBeGreaterThan(0);
  });

  it('writes phones in mixed formats, some with Eastern Arabic digits', () => {
    const phones = sample.map((h) => h.input.phone).filter((p): p is string => p !== null);
    expect(phones.length / sample.length).toBeGreaterThan(0.7);
    expect(phones.some((p) => p.startsWith('+964 7'))).toBe(true);
    expect(phones.some((p) => /^07\d{9}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^[٠-٩]+$/.test(p))).toBe(true);
  });

  it('keeps many birth dates to the year and flags members without documents', () => {
    const members = sample.flatMap((h: SyntheticHousehold) => h.input.members);
    const yearOnly = members.filter((m) => /^\d{4}$/.test(m.birthDate ?? '')).length / members.length;
    expect(yearOnly).toBeGreaterThan(0.3);
    expect(yearOnly).toBeLessThan(0.5);
    const undocumented = members.filter((m) => m.noDocuments);
    expect(undocumented.length / members.length).toBeGreaterThan(0.12);
    expect(undocumented.every((m) => m.specificNeeds.includes('LP-ND') && m.documents.length === 0)).toBe(true);
  });
  it('names the real person behind each member, the same in every registration of the family', () => {
    const rows = generate(3, 3000, 0.2);
    const byRef = new Map(rows.map((h) => [h.ref, h]));
    for (const h of rows) {
      expect(h.people).toHaveLength(h.input.members.length);
      if (h.duplicateOf === null) expect(h.people).toEqual(h.input.members.map((_, i) => `${h.ref}:${i}`));
      const original = byRef.get(h.duplicateOf ?? h.ref)!;
      const positions = h.people.map((id) => original.people.indexOf(id));
      expect(positions.every((j, k) => j >= 0 && (k === 0 || j > positions[k - 1]))).toBe(true);
      positions.forEach((j, k) => {
        const [was, now] = [original.input.members[j], h.input.members[k]];
        expect([now.sex, now.relationship, now.birthDate?.slice(0, 4)]).toEqual([was.sex, was.relationship, was.birthDate?.slice(0, 4)]);
      });
    }
    const resurveyed = rows.filter((h) => h.duplicateOf !== null);
    expect(resurveyed.some((h) => h.people.length < byRef.get(h.duplicateOf!)!.people.length)).toBe(true);
  });

  it('draws the same households as before person ids were added (the random stream is unchanged)', () => {
    const withoutPeople = sample.slice(0, 500).map(({ ref, registry, script, duplicateOf, input }) => ({ ref, registry, script, duplicateOf, input }));
    const digest = createHash('sha256').update(JSON.stringify(withoutPeople)).digest('hex');
    expect(digest).toBe('3a507c12c9888e5ff453962e39695d2f98e9df8dca7f6ccbe562fef3867c9978');
  });
});
