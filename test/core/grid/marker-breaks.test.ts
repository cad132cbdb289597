import {
  MARKER_RANGE,
  markerCells,
  readMarker,
  readMarkerIn,
  type TabMarker,
} from '../../../core/grid/marker';
import { parseRange } from '../../../core/spec/a1';
import type { CellValue } from '../../../core/spec/types';

function markerValues(marker: TabMarker, breaksText?: string): CellValue[][] {
  const box = parseRange(MARKER_RANGE);
  const rows: CellValue[][] = Array.from({ length: box.r2 - box.r1 + 1 }, () => [null]);
  for (const cell of markerCells(marker)) rows[cell.r - box.r1][0] = cell.value ?? null;
  if (breaksText !== undefined) rows[11][0] = breaksText;
  return rows;
}

const grid: TabMarker = { kind: 'grid', tabId: 'g1', layoutVersion: 1, epreuve: 'E4', rowBreaks: [52, 104] };

/** The page breaks of a marker are parsed once per text: every marker must still get its own list. */
describe('page breaks read from markers', () => {
  it('gives each marker its own list, however often the same text is read', () => {
    const first = readMarker(markerValues(grid));
    first?.rowBreaks?.push(999);
    expect(readMarker(markerValues(grid))?.rowBreaks).toEqual([52, 104]);
  });

  it.each([
    ['52, 104', [52, 104]],
    [' 7 ', [7]],
    ['52,x', undefined],
    ['0', undefined],
    ['1.5', undefined],
    ['', undefined],
  ])('reads « %s » the same on first and repeated reads', (text, expected) => {
    for (let round = 0; round < 2; round++)
      expect(readMarker(markerValues(grid, text))?.rowBreaks).toEqual(expected);
  });
});

/** A tab's reader takes the marker from inside the tab's values: it must read what readMarker reads. */
describe('a marker read in place', () => {
  it.each([
    ['a full marker', markerValues({ ...grid, form: 'ccf', session: 2026, nom: 'DUPONT', group: '1A' })],
    ['a marker with padding and numbers', markerValues(grid).map((r, i) => (i === 3 ? [1] : r))],
    ['no marker', [['Liste'], ['grid']]],
    ['nothing', []],
  ])('finds in a larger rectangle what readMarker finds in %s', (_, column) => {
    const wide: CellValue[][] = Array.from({ length: column.length + 5 }, (_, r) => {
      const row: CellValue[] = ['x', 'y', 'z', 'w'];
      if (r >= 2 && r - 2 < column.length) row[3] = column[r - 2][0];
      return row;
    });
    expect(readMarkerIn(wide, 2, 3)).toEqual(readMarker(column));
  });
});
