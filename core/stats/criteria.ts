import type { Assessment } from '../assessment/types';
import type { Bloc, Epreuve, LevelCode } from '../referentiel/types';
import { countShare } from './summary';
import type { CriterionStats } from './types';

/**
 * A criterion is counted for a candidate only where the référentiel positions it: the common blocs
 * always, an activity bloc only for the activity chosen. A level left in the other simulation bloc is
 * an erreur of the check, not extra data, so it does not count here.
 */
function positionsBloc(bloc: Bloc, a: Assessment): boolean {
  return bloc.activity === undefined || bloc.activity === a.activity.value;
}

function levelOf(epreuve: Epreuve, a: Assessment, criterionId: string): LevelCode | null {
  const value = a.levels[criterionId]?.value ?? null;
  return value !== null && epreuve.levels.some((l) => l.code === value) ? value : null;
}

function criterionStats(epreuve: Epreuve, bloc: Bloc, index: number, assessed: Assessment[]): CriterionStats {
  const criterion = bloc.criteria[index];
  const tally = new Map<LevelCode, number>(epreuve.levels.map((l) => [l.code, 0]));
  for (const a of assessed) {
    if (!positionsBloc(bloc, a)) continue;
    const level = levelOf(epreuve, a, criterion.id);
    if (level !== null) tally.set(level, (tally.get(level) ?? 0) + 1);
  }
  const positioned = [...tally.values()].reduce((s, n) => s + n, 0);
  return {
    criterionId: criterion.id,
    blocId: bloc.id,
    blocTitle: bloc.title,
    number: criterion.number,
    wording: criterion.wording,
    positioned,
    levels: epreuve.levels.map((l) => ({ code: l.code, ...countShare(tally.get(l.code) ?? 0, positioned) })),
  };
}

/** One row per criterion of the référentiel, in its order; only candidates marked present are read. */
export function criteriaStats(epreuve: Epreuve, candidates: readonly Assessment[]): CriterionStats[] {
  const present = candidates.filter((a) => a.status.value === 'present');
  return epreuve.blocs.flatMap((bloc) =>
    bloc.criteria.map((_, i) => criterionStats(epreuve, bloc, i, present)),
  );
}
