import { levelRubric, partName, partRubric } from '../../../core/grid/read-rubrics';
import { E4 } from '../../../core/referentiel';
import {
  activityBloc,
  commonBlocs,
  commonCriteria,
  levelRank,
  requiredCriteria,
} from '../../../core/referentiel/lookup';
import type { Epreuve } from '../../../core/referentiel/types';

/** What the lists and names built once per épreuve must equal: the référentiel read afresh. */
describe('values built once per épreuve', () => {
  const other: Epreuve = {
    ...E4,
    levels: E4.levels.map((l) => ({ ...l, rank: 10 - l.rank })),
    blocs: E4.blocs.map((b) => ({ ...b, criteria: b.criteria.slice(0, 1) })),
  };

  it.each([
    ['E4', E4],
    ['another épreuve', other],
  ])('gives the required and common criteria of %s', (_, epreuve) => {
    for (const activity of epreuve.activities.map((a) => a.code)) {
      const expected = [...commonBlocs(epreuve), activityBloc(epreuve, activity)].flatMap((b) => b.criteria);
      expect(requiredCriteria(epreuve, activity)).toEqual(expected);
      expect(requiredCriteria(epreuve, activity)).toEqual(expected);
    }
    expect(commonCriteria(epreuve)).toEqual(commonBlocs(epreuve).flatMap((b) => b.criteria));
  });

  it('ranks levels per épreuve, and still refuses an unknown level', () => {
    for (const l of E4.levels) expect(levelRank(E4, l.code)).toBe(l.rank);
    for (const l of other.levels) expect(levelRank(other, l.code)).toBe(l.rank);
    expect(() => levelRank(E4, 'Z' as never)).toThrow('Niveau inconnu : Z');
  });

  it('names every part and level rubric as the référentiel says', () => {
    for (const form of E4.forms)
      for (const part of form.parts)
        for (const round of [1, 2])
          expect([round, partRubric(E4, form.id, part.id, 'Date')]).toEqual([
            round,
            `Date – ${partName(part)}`,
          ]);
    expect(partRubric(E4, 'ccf', 'no-such-part', 'Date')).toBe('Date');
    for (const c of E4.blocs.flatMap((b) => b.criteria)) expect(levelRubric(c)).toBe(`Niveau – ${c.wording}`);
  });
});
