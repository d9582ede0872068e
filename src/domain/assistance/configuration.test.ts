import { describe, expect, it } from 'vitest';
import { ItemInput, ItemUpdate, ReasonUpdate, WeightInput } from './configuration.ts';

const labels = { en: ' Blanket ', ar: 'بطانية', ckb: 'بەتانی' };
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`).sort();

describe('a new entry of the catalogue', () => {
  it('is trimmed and lower-cased; cash is counted in IQD, one dinar a unit, whatever was sent', () => {
    expect(ItemInput.parse({ code: ' Thermal_Blanket ', kind: 'item', sector: 'shelter_nfi', labels })).toMatchObject({
      code: 'thermal_blanket', labels: { en: 'Blanket' }, unit: 'piece', unitValueIqd: null, components: [],
    });
    expect(ItemInput.parse({ code: 'rent', kind: 'cash', sector: 'shelter_nfi', labels, unit: 'kg', unitValueIqd: 5 })).toMatchObject({ unit: 'iqd', unitValueIqd: 1 });
    expect(ItemInput.parse({ code: 'cold_kit', kind: 'kit', sector: 'shelter_nfi', labels, components: [{ code: 'blanket', quantity: 2 }] })).toMatchObject({ unit: 'kit' });
  });

  it.each([
    [{ kind: 'kit' }, ['components:catalogue.kit_empty']],
    [{ kind: 'item', components: [{ code: 'soap', quantity: 1 }] }, ['components:catalogue.components_not_kit']],
    [{ kind: 'kit', components: [{ code: 'soap', quantity: 1 }, { code: 'soap', quantity: 2 }] }, ['components.1.code:catalogue.component_duplicate']],
    [{ kind: 'kit', components: [{ code: 'my_kit', quantity: 1 }] }, ['components.0.code:catalogue.component_self']],
    [{ kind: 'kit', components: [{ code: 'soap', quantity: 0 }] }, ['components.0.quantity:stock.quantity']],
    [{ kind: 'item', unit: 'iqd' }, ['unit:catalogue.unit_invalid']],
    [{ kind: 'item', unit: 'bucket' }, ['unit:catalogue.unit_invalid']],
    [{ kind: 'item', code: 'My Kit' }, ['code:catalogue.code_invalid']],
    [{ kind: 'item', labels: { en: 'x', ar: ' ', ckb: 'y' } }, ['labels.ar:required']],
  ])('refuses %j', (over, expected) => {
    expect(issues(ItemInput.safeParse({ code: 'my_kit', sector: 'health', labels, ...over }))).toEqual(expected);
  });
});

describe('edits', () => {
  it('name the version read, and never a code, a kind or a direction', () => {
    expect(ItemUpdate.safeParse({ active: false }).error?.issues.map((i) => i.path.join('.'))).toEqual(['version']);
    expect(ItemUpdate.safeParse({ version: 1, kind: 'kit' }).success).toBe(false);
    expect(ItemUpdate.safeParse({ version: 1, components: [{ code: 'soap', quantity: 1 }, { code: 'soap', quantity: 1 }] }).success).toBe(false);
    expect(ReasonUpdate.safeParse({ version: 2, direction: 'in' }).success).toBe(false);
    expect(ReasonUpdate.parse({ version: 2, active: false, position: 4 })).toEqual({ version: 2, active: false, position: 4 });
  });
});

describe('a weight', () => {
  it.each(['need:SM', 'need:SC-CH', 'size:7+', 'size:4-6', 'shelter:camp', 'head:female', 'head:child', 'status:returned'])('takes the criterion %s', (criterion) => {
    expect(WeightInput.safeParse({ criterion, weight: -3, labels }).success).toBe(true);
  });

  it.each(['income:low', 'need:sm', 'size:0+', 'size:6-4', 'head:rich', 'need', ''])('refuses the criterion %j', (criterion) => {
    expect(issues(WeightInput.safeParse({ criterion, weight: 1, labels }))).toEqual(['criterion:weight.criterion_invalid']);
  });

  it.each([101, -101, 1.5])('refuses the weight %s', (weight) => {
    expect(issues(WeightInput.safeParse({ criterion: 'need:SM', weight, labels }))).toEqual(['weight:weight.value']);
  });
});
