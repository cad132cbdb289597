import { FIRST_LAYOUT_VERSION, LAYOUT_VERSION } from '../../../core/grid/geometry';
import { gridMap } from '../../../core/grid/map';
import { readAssessment } from '../../../core/grid/read';
import { gridReadCells, tabReadBlock } from '../../../core/grid/read-cells';
import { MARKER_RANGE } from '../../../core/grid/marker';
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

describe('the read block of a tab (every cell a class read may ask after the marker)', () => {
  const inBox = (ref: string, range: string): boolean => {
    const { r, c } = parseA1(ref);
    const box = parseRange(range);
    return r >= box.r1 && r <= box.r2 && c >= box.c1 && c <= box.c2;
  };

  it('holds the marker and the cells of every form and known layout version, each once', () => {
    const block = tabReadBlock(E4);
    const box = parseRange(MARKER_RANGE);
    for (let r = box.r1; r <= box.r2; r++) expect(block.cells).toContain(`K${r}`);
    for (const form of FORMS)
      for (let version = FIRST_LAYOUT_VERSION; version <= LAYOUT_VERSION; version++)
        for (const ref of gridReadCells(gridMap(E4, form, version))) expect(block.cells).toContain(ref);
    expect(new Set(block.cells).size).toBe(block.cells.length);
  });

  it('has a range that holds the marker, every map read range, and each of its cells', () => {
    const block = tabReadBlock(E4);
    const range = parseRange(block.range);
    for (const form of FORMS) {
      const read = parseRange(gridMap(E4, form).readRange);
      expect(range.r1 <= read.r1 && range.c1 <= read.c1 && range.r2 >= read.r2 && range.c2 >= read.c2).toBe(
        true,
      );
    }
    for (const ref of block.cells) expect(inBox(ref, block.range)).toBe(true);
  });

  it('reads each tab as its own map does: a tab masked to the block reads as the whole tab', () => {
    const cells = tabReadBlock(E4).cells;
    for (const form of FORMS) {
      const values = filledTab({ form });
      expect(readAssessment(E4, 'DUPONT Marie', masked(values, cells))).toEqual(
        readAssessment(E4, 'DUPONT Marie', values),
      );
    }
  });

  it('is built once per épreuve', () => {
    expect(tabReadBlock(E4)).toBe(tabReadBlock(E4));
  });
});
