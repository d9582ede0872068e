import { describe, expect, it } from 'vitest';
import { DistributionRound, RoundPreviewInput, RoundUpdate } from '#domain/assistance/rounds';
import { TargetingRules } from '#domain/assistance/targeting';
import { newPart } from './formula-state.ts';
import { draftKey, draftOf, errorsUnder, previewBody, roundUpdateBody } from './round-draft.ts';
import { approvalBlock, makers, nameList, roundTrail } from './round-steps.ts';

const maker = { id: '0195f000-0000-7000-8000-0000000000a1', username: 'maker' };
const checker = { id: '0195f000-0000-7000-8000-0000000000a2', username: 'checker' };

/** A round as the server reads it (validated by the server's own schema). */
const round = DistributionRound.parse({
  id: '0195f000-0000-7000-8000-000000000001',
  programme: { id: '0195f000-0000-7000-8000-000000000002', code: 'WINTER-24', name: 'Winter', nameAr: 'الشتاء', nameCkb: null, sector: 'shelter_nfi', organization: { id: '0195f000-0000-7000-8000-000000000003', code: 'MOMD' } },
  number: 1, name: null, startsOn: '2024-11-01', endsOn: '2024-11-30',
  rules: TargetingRules.parse({ areas: ['IQG11'], needs: ['SM'], size: { min: 4 } }),
  formula: { parts: [{ per: 'band', bands: [{ from: 1, to: 3, lines: [{ code: 'blanket', quantity: 2 }] }, { from: 4, to: null, lines: [{ code: 'blanket', quantity: 4 }] }] }] },
  points: [{ id: '0195f000-0000-7000-8000-000000000004', code: 'PT-1', name: 'Point', nameAr: null, nameCkb: null, pcode: 'IQG11Q01', siteId: null }],
  status: 'draft', createdBy: maker, createdAt: '2024-10-01T08:00:00Z', authors: [maker], submittedBy: null, submittedAt: null, approvedBy: null, approvedAt: null,
  rejection: null, issuedBy: null, issuedAt: null, closedBy: null, closedAt: null, targetedHouseholds: null, targetedPeople: null, scoredWeights: null, version: 3,
});

describe('the round editor', () => {
  it('sends a change the server\'s schema accepts as it is', () => {
    const draft = draftOf(round);
    draft.formula = { parts: [...draft.formula.parts, newPart('household', ['food_parcel'])] };
    draft.rules = { ...draft.rules, needs: ['SM', 'PL'], sizeMax: 9 };
    const body = roundUpdateBody(draft, round.version);
    const parsed = RoundUpdate.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toEqual(body);
    expect(body).toMatchObject({ version: 3, name: null, pointIds: [round.points[0].id], rules: { areas: ['IQG11'], needs: ['SM', 'PL'], size: { min: 4, max: 9 } } });
  });

  it('sends back unchanged what it opened unchanged (nothing to save)', () => {
    const body = roundUpdateBody(draftOf(round), round.version);
    expect(body.rules).toEqual(round.rules);
    expect(body.formula).toEqual(round.formula);
  });

  it('previews what it holds, saved or not, as the server\'s preview schema takes it, and tells a changed draft from an unchanged one', () => {
    const draft = draftOf(round);
    expect(draftKey(draft)).toBe(draftKey(draftOf(round)));
    draft.rules = { ...draft.rules, sizeMin: 5 };
    draft.name = 'Changed';
    expect(draftKey(draft)).not.toBe(draftKey(draftOf(round)));
    const body = previewBody(draft);
    expect(body).not.toHaveProperty('name');
    expect(body).not.toHaveProperty('version');
    const parsed = RoundPreviewInput.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toEqual(body);
    expect(body.rules.size).toEqual({ min: 5 });
  });

  it('shows the schema\'s errors beside the part of the form they concern', () => {
    const draft = draftOf(round);
    draft.rules = { ...draft.rules, sizeMin: 7, sizeMax: 3 };
    const parsed = RoundUpdate.safeParse(roundUpdateBody(draft, 3));
    const errors = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(errorsUnder(errors, 'rules')).toEqual({ 'size.max': 'targeting.size_range' });
    expect(errorsUnder(errors, 'formula')).toEqual({});
  });
});

describe('maker-checker', () => {
  const me = (id: string, permissions = ['assistance.approve']) => ({ id, permissions });

  it('lets a manager who neither prepared nor submitted the round approve it', () => {
    expect(approvalBlock({ ...round, submittedBy: maker }, me(checker.id))).toBeNull();
  });

  it('says why an author cannot approve, from the authors the read names', () => {
    expect(approvalBlock({ ...round, submittedBy: maker }, me(maker.id))).toBe('submitted');
    expect(approvalBlock({ ...round, submittedBy: checker }, me(maker.id))).toBe('prepared');
    // An editor of the draft is one of its makers too.
    const third = { id: '0195f000-0000-7000-8000-0000000000a3', username: 'editor' };
    expect(approvalBlock({ ...round, submittedBy: maker, authors: [maker, third] }, me(third.id))).toBe('prepared');
    expect(approvalBlock({ ...round, submittedBy: maker }, me(checker.id, ['assistance.manage']))).toBe('permission');
    expect(makers({ authors: [maker, third], submittedBy: maker })).toEqual(['maker', 'editor']);
    expect(makers({ authors: [maker], submittedBy: null })).toEqual(['maker']);
  });

  it('lists names in the reader\'s language, each kept in its own direction', () => {
    expect(nameList('en', ['maker', 'editor'])).toBe('\u2068maker\u2069, \u2068editor\u2069');
    expect(nameList('ar', ['maker', 'editor'])).toBe('\u2068maker\u2069، \u2068editor\u2069');
  });

  it('tells who did what, in the order it happened, up to who issued and closed it', () => {
    const trail = roundTrail({
      ...round, status: 'closed',
      rejection: { reason: 'Too wide', by: checker, at: '2024-10-02T09:00:00Z' },
      submittedBy: maker, submittedAt: '2024-10-03T10:00:00Z', approvedBy: checker, approvedAt: '2024-10-04T11:00:00Z',
      issuedBy: maker, issuedAt: '2024-10-05T08:00:00Z', closedBy: checker, closedAt: '2024-12-01T08:00:00Z',
    });
    expect(trail.map((e) => [e.key, e.by])).toEqual([
      ['created', 'maker'], ['rejected', 'checker'], ['submitted', 'maker'], ['approved', 'checker'], ['issued', 'maker'], ['closed', 'checker'],
    ]);
    expect(trail[1].reason).toBe('Too wide');
  });
});
