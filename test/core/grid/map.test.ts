import { E4 } from '../../../core/referentiel';
import { allCriteria } from '../../../core/referentiel/lookup';
import { parseA1, parseRange } from '../../../core/spec/a1';
import { LAYOUT_VERSION, gridMap } from '../../../core/grid/map';
import type { GridMap } from '../../../core/grid/map-types';

function everyCell(map: GridMap): string[] {
  return [
    ...Object.values(map.identity),
    map.status,
    ...map.nvMotifs,
    map.activity,
    ...Object.values(map.levels),
    map.note,
    ...map.parts.flatMap((p) => [p.date, p.appreciation, ...p.members]),
    map.fiche.number,
    map.fiche.title,
    map.date,
    map.commissionNumber,
    ...map.members,
    map.missingCount,
    map.statusText,
    map.advisory,
  ].filter((c): c is string => c !== null);
}

describe('gridMap', () => {
  it.each(['ccf', 'ponctuel'] as const)(
    'gives every field of the %s form its own cell inside the read range',
    (form) => {
      const map = gridMap(E4, form);
      const cells = everyCell(map);
      expect(new Set(cells).size).toBe(cells.length);
      const box = parseRange(map.readRange);
      for (const cell of cells) {
        const { r, c } = parseA1(cell);
        expect(r).toBeGreaterThanOrEqual(box.r1);
        expect(r).toBeLessThanOrEqual(box.r2);
        expect(c).toBeLessThanOrEqual(box.c2);
      }
      expect(box.r1).toBe(1);
      expect(box.c1).toBe(1);
    },
  );

  it('has a level cell for every criterion of the épreuve, the unchosen bloc included', () => {
    const map = gridMap(E4, 'ccf');
    expect(Object.keys(map.levels).sort()).toEqual(
      allCriteria(E4)
        .map((c) => c.id)
        .sort(),
    );
  });

  it('is deterministic and carries the layout version and form', () => {
    expect(gridMap(E4, 'ponctuel')).toEqual(gridMap(E4, 'ponctuel'));
    expect(gridMap(E4, 'ccf').layoutVersion).toBe(LAYOUT_VERSION);
    expect(gridMap(E4, 'ponctuel').form).toBe('ponctuel');
  });

  it('has one part per part of the form, with dates for the CCF situations only', () => {
    const ccf = gridMap(E4, 'ccf');
    expect(ccf.parts.map((p) => p.partId)).toEqual(['A', 'B']);
    expect(ccf.parts.every((p) => p.date !== null && p.members.length === 2)).toBe(true);
    expect(ccf.date).toBeNull();
    expect(ccf.commissionNumber).toBeNull();
    expect(ccf.members).toEqual([]);
    const ponctuel = gridMap(E4, 'ponctuel');
    expect(ponctuel.parts.map((p) => p.partId)).toEqual(['1', '2', '3']);
    expect(ponctuel.parts.every((p) => p.date === null && p.members.length === 0)).toBe(true);
    expect(ponctuel.date).not.toBeNull();
    expect(ponctuel.commissionNumber).not.toBeNull();
    expect(ponctuel.members).toHaveLength(2);
  });

  it('grows with the référentiel: one more criterion moves the cells below it', () => {
    const bigger = structuredClone(E4);
    bigger.blocs[0].criteria.push({ id: 'cibler.5', number: 5, wording: 'Nouveau', indicators: 'Nouveau' });
    const before = gridMap(E4, 'ccf');
    const after = gridMap(bigger, 'ccf');
    expect(after.levels['cibler.5']).toBeDefined();
    expect(parseA1(after.note).r).toBe(parseA1(before.note).r + 1);
  });
});
