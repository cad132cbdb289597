import type { CellSpec, CellValue, RangeBox } from '../core/spec';
import { a1 } from '../core/spec';

/** Finds a tab's sheetId (the `gid` of an internal link), or null when the tab does not exist. */
export type GidResolver = (sheet: string) => number | null;

/** Text that must be kept from Sheets' parsing: any non-empty string written as a plain value. */
export function isTextCell(cell: CellSpec): boolean {
  return (
    cell.formula === undefined &&
    cell.link === undefined &&
    typeof cell.value === 'string' &&
    cell.value !== ''
  );
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function linkText(cell: CellSpec): string {
  return cell.value === undefined || cell.value === null ? '' : String(cell.value);
}

/** The HYPERLINK formula of a link cell, or null when its tab does not exist (no gid to point to). */
export function linkFormula(cell: CellSpec, resolve: GidResolver): string | null {
  const link = cell.link;
  if (link === undefined) return null;
  const gid = resolve(link.sheet);
  if (gid === null) return null;
  return `=HYPERLINK(${quoted(`#gid=${gid}&range=${link.cell}`)},${quoted(linkText(cell))})`;
}

/**
 * A link cell is never formatted '@' (its formula would stay text): a tab that does not exist yet
 * cannot be linked, and its label alone is written behind an apostrophe, which keeps it text.
 */
function linkInput(cell: CellSpec, resolve: GidResolver): CellValue {
  const text = linkText(cell);
  return linkFormula(cell, resolve) ?? (text === '' ? '' : `'${text}`);
}

/**
 * What `setValues` receives for a cell. A leading '=' is how setValues makes a formula (documented
 * for Range.setValue); text cells are protected by the '@' number format set before (see styles.ts).
 */
export function cellInput(cell: CellSpec, resolve: GidResolver): CellValue {
  if (cell.formula !== undefined) return `=${cell.formula}`;
  if (cell.link !== undefined) return linkInput(cell, resolve);
  return cell.value === undefined || cell.value === null ? '' : cell.value;
}

/** The rows × columns grid of `box`, later cells winning, '' where nothing is said. */
export function inputGrid(box: RangeBox, cells: CellSpec[], resolve: GidResolver): CellValue[][] {
  const grid: CellValue[][] = [];
  for (let r = box.r1; r <= box.r2; r++) grid.push(new Array<CellValue>(box.c2 - box.c1 + 1).fill(''));
  for (const cell of cells) {
    if (cell.r < box.r1 || cell.r > box.r2 || cell.c < box.c1 || cell.c > box.c2) continue;
    if (cell.value === undefined && cell.formula === undefined && cell.link === undefined) continue;
    grid[cell.r - box.r1][cell.c - box.c1] = cellInput(cell, resolve);
  }
  return grid;
}

/**
 * A1 ranges covering the given cells, adjacent cells of a row joined ('B4:E4'), so that a RangeList
 * stays short. Order: by row then column.
 */
export function rowRuns(cells: Array<{ r: number; c: number }>): string[] {
  const sorted = [...cells].sort((x, y) => x.r - y.r || x.c - y.c);
  const runs: string[] = [];
  let start: { r: number; c: number } | null = null;
  let prev: { r: number; c: number } | null = null;
  const flush = (): void => {
    if (start === null || prev === null) return;
    runs.push(start.c === prev.c ? a1(start.r, start.c) : `${a1(start.r, start.c)}:${a1(prev.r, prev.c)}`);
  };
  for (const cell of sorted) {
    if (prev !== null && cell.r === prev.r && cell.c === prev.c) continue;
    if (start === null || prev === null || cell.r !== prev.r || cell.c !== prev.c + 1) {
      flush();
      start = cell;
    }
    prev = cell;
  }
  flush();
  return runs;
}
