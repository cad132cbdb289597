import { levelRank } from './lookup';
import type { AdvisoryRule, Epreuve, LevelCode } from './types';

/** The first advisory rule that holds for these levels, or undefined (→ the fallback label). */
export function advisoryRule(epreuve: Epreuve, levels: LevelCode[]): AdvisoryRule | undefined {
  if (levels.length === 0) return undefined;
  // One pass, no array of ranks (asked for every present tab); Math.min/max in turn give what the spread gave.
  let min = Infinity;
  let max = -Infinity;
  for (const l of levels) {
    const rank = levelRank(epreuve, l);
    min = Math.min(min, rank);
    max = Math.max(max, rank);
  }
  return epreuve.advisory.rules.find(
    (rule) =>
      (rule.minAtLeast === undefined || min >= levelRank(epreuve, rule.minAtLeast)) &&
      (rule.maxAtMost === undefined || max <= levelRank(epreuve, rule.maxAtMost)),
  );
}

export function advisoryLabel(epreuve: Epreuve, levels: LevelCode[]): string {
  return advisoryRule(epreuve, levels)?.label ?? epreuve.advisory.fallback;
}

export function noteInBand(rule: AdvisoryRule, note: number): boolean {
  const belowMax = rule.noteMaxExclusive ? note < rule.noteMax : note <= rule.noteMax;
  return note >= rule.noteMin && belowMax;
}
