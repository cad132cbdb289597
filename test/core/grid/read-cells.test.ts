import { FIRST_LAYOUT_VERSION, LAYOUT_VERSION } from '../../../core/grid/geometry';
import { gridMap } from '../../../core/grid/map';
import { readAssessment } from '../../../core/grid/read';
import { gridReadCells } from '../../../core/grid/read-cells';
import { E4, allCriteria } from '../../../core/referentiel';
import type { FormId } from '../../../core/referentiel';
import { parseA1, parseRange } from '../../../core/spec/a1';
import type { CellValue } from '../../../core/spec/types';
import { filledTab, type FilledTabInit } from '../../helpers/filled-tab';

/** The tab as a host that honours `cells` returns it: every other cell of the range null. */
function masked(values: CellValue[][], cells: readonly string[]): CellValue[][] {
  const keep = new Set(cells.map((ref) => `${parseA1(ref).r}:${parseA1(ref).c}`));
  return values.map((row, r) => row.map((v, c) => (keep.has(`${r + 1}:${c + 1}`) ? v : null)));
}

const FORMS: FormId[] = ['ccf', 'ponctuel'];

/** Tabs filled every way the reader tells apart: complete, NV with motifs, odd values it reports. */
const TABS: Array<[string, FilledTabInit]> = [
  ['complete', {}],
  ['absent with motifs', { status: 'NV', note: null, nvMotifs: [0, 2], activity: null }],
  [
    'values it cannot read',
    {
      levels: { [allCriteria(E4)[0].id]: 'très bien' },
      note: 'quinze',
      date: 'hier',
      ficheNumber: 7,
      members: ['Mme MARTIN Claire', 'Mme MARTIN Claire'],
    },
  ],
];

describe('the cells a tab read looks at', () => {
  for (const form of FORMS)
    for (let version = FIRST_LAYOUT_VERSION; version <= LAYOUT_VERSION; version++)
      for (const [what, init] of TABS)
        it(`read alone, they give the same reading as the whole tab (${form}, layout ${version}, ${what})`, () => {
          const values = filledTab({ ...init, form, layoutVersion: version });
          const cells = gridReadCells(gridMap(E4, form, version));
          const whole = readAssessment(E4, 'DUPONT Marie', values);
          expect('assessment' in whole).toBe(true);
          expect(readAssessment(E4, 'DUPONT Marie', masked(values, cells))).toEqual(whole);
        });

  it('leave out the labels: a fraction of the tab, inside its range', () => {
    for (const form of FORMS) {
      const map = gridMap(E4, form);
      const box = parseRange(map.readRange);
      const cells = gridReadCells(map);
      expect(cells.length).toBeLessThan(((box.r2 - box.r1 + 1) * (box.c2 - box.c1 + 1)) / 3);
      for (const ref of cells) {
        const { r, c } = parseA1(ref);
        expect(r >= box.r1 && r <= box.r2 && c >= box.c1 && c <= box.c2).toBe(true);
      }
    }
  });

  it('a list missing one field would read differently (what the first test would catch)', () => {
    const map = gridMap(E4, 'ccf');
    const values = filledTab({ form: 'ccf' });
    const short = gridReadCells(map).filter((ref) => ref !== map.identity.nom);
    expect(readAssessment(E4, 'DUPONT Marie', masked(values, short))).not.toEqual(
      readAssessment(E4, 'DUPONT Marie', values),
    );
  });

  it('is built once per map', () => {
    expect(gridReadCells(gridMap(E4, 'ccf'))).toBe(gridReadCells(gridMap(E4, 'ccf')));
  });
});
