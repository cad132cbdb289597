import { E4 } from '../../../core/referentiel';
import { advisoryRule } from '../../../core/referentiel/advisory';
import { levelRank } from '../../../core/referentiel/lookup';
import type { AdvisoryRule, Epreuve, LevelCode } from '../../../core/referentiel/types';

/** The rule as first written: ranks mapped to an array, then Math.min/Math.max over its spread. */
function ruleBySpread(epreuve: Epreuve, levels: LevelCode[]): AdvisoryRule | undefined {
  if (levels.length === 0) return undefined;
  const ranks = levels.map((l) => levelRank(epreuve, l));
  const min = Math.min(...ranks);
  const max = Math.max(...ranks);
  return epreuve.advisory.rules.find(
    (rule) =>
      (rule.minAtLeast === undefined || min >= levelRank(epreuve, rule.minAtLeast)) &&
      (rule.maxAtMost === undefined || max <= levelRank(epreuve, rule.maxAtMost)),
  );
}

/** Every list of levels up to `length` long. */
function combinations(codes: LevelCode[], length: number): LevelCode[][] {
  if (length === 0) return [[]];
  const shorter = combinations(codes, length - 1);
  return [
    ...shorter,
    ...shorter.filter((c) => c.length === length - 1).flatMap((c) => codes.map((x) => [...c, x])),
  ];
}

describe('advisoryRule', () => {
  const codes = E4.levels.map((l) => l.code);

  it('picks, for every list of up to 5 levels, the rule the ranks array picked', () => {
    for (const levels of combinations(codes, 5))
      expect([levels, advisoryRule(E4, levels)]).toEqual([levels, ruleBySpread(E4, levels)]);
  });

  it('still refuses an unknown level', () => {
    expect(() => advisoryRule(E4, ['TS', 'Z' as LevelCode])).toThrow('Niveau inconnu : Z');
  });
});
