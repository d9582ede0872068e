import { describe, expect, it } from 'vitest';
import { TargetingRules } from '#domain/assistance/targeting';
import { EMPTY_RULE, rulesFromState, stateFromRules, targetableNeeds, type RuleState } from './rule-state.ts';

const full: RuleState = {
  areas: ['IQG11', 'IQG09Q02'], sites: ['0195f000-0000-7000-8000-000000000001'], statuses: ['displaced', 'returned'],
  sinceFrom: '2014-06-01', sinceTo: '2014-08-31', shelterCategories: ['critical'], shelterTypes: ['camp'], sizeMin: 4, sizeMax: 9,
  needs: ['SM', 'PL'], minScore: 3, excludeServedInSector: true, excludeOpenDuplicates: false,
};

describe('the rule builder', () => {
  it('sends rules the server\'s schema accepts as they are', () => {
    for (const state of [EMPTY_RULE, full, { ...EMPTY_RULE, sizeMin: 1 as const }, { ...EMPTY_RULE, sinceTo: '2015-01-01', minScore: 0 as const }]) {
      const sent = rulesFromState(state);
      const parsed = TargetingRules.safeParse(sent);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(parsed.data).toEqual(sent);
    }
  });

  it('leaves out what it does not set', () => {
    expect(rulesFromState(EMPTY_RULE)).toEqual({
      areas: [], sites: [], statuses: ['displaced'], shelterTypes: [], shelterCategories: [], needs: [],
      exclude: { servedInSector: true, openDuplicates: true },
    });
    expect(rulesFromState({ ...EMPTY_RULE, sizeMax: 6 }).size).toEqual({ max: 6 });
  });

  it('opens stored rules as they were built, and saves them back unchanged', () => {
    for (const state of [EMPTY_RULE, full, { ...EMPTY_RULE, minScore: 0 as const, sizeMax: 1 }]) {
      const stored = TargetingRules.parse(JSON.parse(JSON.stringify(rulesFromState(state))));
      expect(stateFromRules(stored)).toEqual(state);
      expect(rulesFromState(stateFromRules(stored))).toEqual(stored);
    }
  });

  it('opens empty rules as the server reads them: both statuses, exclusions on', () => {
    expect(stateFromRules(TargetingRules.parse({}))).toEqual({ ...EMPTY_RULE, statuses: ['displaced', 'returned'] });
    expect(stateFromRules(null)).toEqual(stateFromRules({}));
  });

  it('is refused by the schema with no status, or a size range upside down', () => {
    const none = TargetingRules.safeParse(rulesFromState({ ...EMPTY_RULE, statuses: [] }));
    expect(none.error?.issues[0].path).toEqual(['statuses']);
    const reversed = TargetingRules.safeParse(rulesFromState({ ...EMPTY_RULE, sizeMin: 7, sizeMax: 3 }));
    expect(reversed.error?.issues[0]).toMatchObject({ path: ['size', 'max'], message: 'targeting.size_range' });
  });

  it('never offers the sensitive needs', () => {
    const needs = [{ code: 'SM', sensitive: false }, { code: 'SV', sensitive: true }, { code: 'TR', sensitive: true }, { code: 'PL', sensitive: false }];
    expect(targetableNeeds(needs).map((n) => n.code)).toEqual(['SM', 'PL']);
  });
});
