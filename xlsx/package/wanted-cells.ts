import { a1, parseA1 } from '../../core/spec/a1';
import { listedCell, type ListedCell } from './cell-search';

/** The cells of a box a read will look at (a tab's fields among its labels). */
export interface WantedCells {
  has(row: number, col: number): boolean;
  /** The same cells, each with its row and column (a search finds them in any order). */
  listed: readonly ListedCell[];
}

/** The parsed form of each list of wanted cells (a class read passes the same list for every tab of a form). */
const wantedLists = new WeakMap<readonly string[], WantedCells>();

export function wantedCells(cells: readonly string[]): WantedCells {
  let wanted = wantedLists.get(cells);
  if (!wanted) {
    const parsed = cells.map((ref) => parseA1(ref));
    const listed = parsed.map(({ r, c }) => listedCell(a1(r, c), r, c));
    wanted = { has: cellGrid(parsed), listed };
    wantedLists.set(cells, wanted);
  }
  return wanted;
}

/** Beyond this many addresses, the flags would weigh more than a set of the cells. */
const MAX_FLAGS = 1 << 16;

/**
 * The cells as one flag per address of their bounding rectangle from A1 (a tab's fields: 60 × 11): a
 * lookup per noted cell of every tab, cheaper than hashing.
 */
function cellGrid(cells: Array<{ r: number; c: number }>): WantedCells['has'] {
  let rows = 0;
  let cols = 0;
  for (const { r, c } of cells) {
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  if (rows * cols > MAX_FLAGS) {
    const keys = new Set(cells.map(({ r, c }) => r * 16384 + c));
    return (row, col) => keys.has(row * 16384 + col);
  }
  const flags = new Uint8Array(rows * cols);
  for (const { r, c } of cells) flags[(r - 1) * cols + c - 1] = 1;
  return (row, col) => row <= rows && col <= cols && flags[(row - 1) * cols + col - 1] === 1;
}
