import type { Assessment } from '../assessment/types';
import { advisoryLabel } from '../referentiel/advisory';
import { requiredCriteria } from '../referentiel/lookup';
import type { Epreuve, LevelCode } from '../referentiel/types';

/**
 * The levels that count (the common blocs and the chosen activity's bloc), or null while one of them is
 * not filled with a level: a band read from part of the grid would mislead (one « S » is not « 14 et plus »).
 */
export function countingLevels(epreuve: Epreuve, a: Assessment): LevelCode[] | null {
  if (a.activity.value === null) return null;
  const levels = requiredCriteria(epreuve, a.activity.value).map((c) => a.levels[c.id]?.value ?? null);
  return levels.every((l): l is LevelCode => l !== null) ? levels : null;
}

/**
 * The advisory band the tab shows for this assessment, by the same rule as its live formula: empty for an
 * absent or non-valide candidate, the fallback (« pas d'indication ») until every level that counts is
 * filled, then the first band that holds. Advice only: never the note.
 */
export function advisoryBand(epreuve: Epreuve, a: Assessment): string {
  if (a.status.value === 'absent' || a.status.value === 'non_valide') return '';
  const levels = countingLevels(epreuve, a);
  return levels === null ? epreuve.advisory.fallback : advisoryLabel(epreuve, levels);
}
