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

/**
 * One tally per criterion of a bloc, in one pass over the candidates: each is asked for its own levels
 * once, rather than once per criterion in a pass each (the figures come once per command, mostly before
 * the engine has compiled this loop).
 */
function blocTallies(
  epreuve: Epreuve,
  bloc: Bloc,
  assessed: readonly Assessment[],
): Array<Map<LevelCode, number>> {
  const known = new Set<string>(epreuve.levels.map((l) => l.code));
  const tallies = bloc.criteria.map(() => new Map<LevelCode, number>(epreuve.levels.map((l) => [l.code, 0])));
  for (const a of assessed) {
    if (!positionsBloc(bloc, a)) continue;
    for (let i = 0; i < bloc.criteria.length; i++) {
      const level = a.levels[bloc.criteria[i].id]?.value ?? null;
      if (level !== null && known.has(level)) tallies[i].set(level, (tallies[i].get(level) ?? 0) + 1);
    }
  }
  return tallies;
}

function criterionStats(
  epreuve: Epreuve,
  bloc: Bloc,
  index: number,
  tally: Map<LevelCode, number>,
): CriterionStats {
  const criterion = bloc.criteria[index];
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
    blocTallies(epreuve, bloc, present).map((tally, i) => criterionStats(epreuve, bloc, i, tally)),
  );
}
