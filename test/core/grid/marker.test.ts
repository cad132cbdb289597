import {
  MARKER_MAGIC,
  MARKER_RANGE,
  markerCells,
  newTabId,
  readMarker,
  type TabMarker,
} from '../../../core/grid/marker';
import { parseRange } from '../../../core/spec/a1';
import type { CellSpec, CellValue } from '../../../core/spec/types';

/** Lays cells out as the MARKER_RANGE rectangle a host would read back. */
function rectangle(cells: CellSpec[]): CellValue[][] {
  const box = parseRange(MARKER_RANGE);
  const rows: CellValue[][] = Array.from({ length: box.r2 - box.r1 + 1 }, () => [null]);
  for (const cell of cells) {
    expect(cell.c).toBe(box.c1);
    rows[cell.r - box.r1][0] = cell.value ?? null;
  }
  return rows;
}

const full: TabMarker = {
  kind: 'grid',
  tabId: 'g0abc123',
  layoutVersion: 1,
  epreuve: 'E4',
  form: 'ponctuel',
  session: 2026,
  candidateNumber: '0123456789',
  nom: "O'CONNOR",
  prenom: 'Séan',
  birthDate: '2005-03-01',
  rowBreaks: [52],
};

describe('marker', () => {
  it('reads back what markerCells wrote, every field', () => {
    expect(readMarker(rectangle(markerCells(full)))).toEqual(full);
  });

  it('reads back a minimal recap marker without inventing fields', () => {
    const recap: TabMarker = { kind: 'recap', tabId: 'recap', layoutVersion: 1, epreuve: 'E4' };
    expect(readMarker(rectangle(markerCells(recap)))).toEqual(recap);
  });

  it('writes every value as text, so a number keeps its leading zero', () => {
    const cells = markerCells(full);
    expect(cells.every((c) => typeof c.value === 'string')).toBe(true);
    expect(cells[0].value).toBe(MARKER_MAGIC);
  });

  it('accepts what hosts hand back: numbers, a Date, padding', () => {
    const values = rectangle(markerCells(full));
    values[3][0] = 1;
    values[6][0] = 2026;
    values[10][0] = new Date(2005, 2, 1);
    values[1][0] = ' grid ';
    expect(readMarker(values)).toEqual(full);
  });

  it('rejects a sheet that is not ours', () => {
    expect(readMarker([])).toBeNull();
    expect(readMarker([['Liste des élèves'], ['grid']])).toBeNull();
    const values = rectangle(markerCells(full));
    values[1][0] = 'autre';
    expect(readMarker(values)).toBeNull();
  });
});

describe('newTabId', () => {
  const candidate = { row: 4, nom: 'MARTIN', prenom: 'Léa', birthDate: '2005-01-02' };

  it('is deterministic and does not depend on the candidate number', () => {
    expect(newTabId(candidate, new Set())).toBe(newTabId(candidate, new Set()));
    expect(newTabId({ ...candidate, row: 5 }, new Set())).not.toBe(newTabId(candidate, new Set()));
  });

  it('is suffixed on collision and remembers the ids it hands out', () => {
    const taken = new Set<string>();
    const first = newTabId(candidate, taken);
    const second = newTabId(candidate, taken);
    expect(second).toBe(`${first}-2`);
    expect(taken).toEqual(new Set([first, second]));
  });
});
