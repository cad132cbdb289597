import type { RangeBox } from '../core/spec/a1';
import type { CellSpec } from '../core/spec/types';

/**
 * Groups the cells sharing a style into as few rectangles as a simple sweep finds, so that a style is
 * one format operation per rectangle instead of one per cell (fewer queued operations per sync).
 */
export function styleBoxes(cells: CellSpec[]): Map<string, RangeBox[]> {
  const byStyle = new Map<string, Array<{ r: number; c: number }>>();
  for (const cell of cells) {
    if (cell.style === undefined) continue;
    const list = byStyle.get(cell.style) ?? [];
    list.push({ r: cell.r, c: cell.c });
    byStyle.set(cell.style, list);
  }
  const result = new Map<string, RangeBox[]>();
  for (const [style, points] of byStyle) result.set(style, mergeRuns(rowRuns(points)));
  return result;
}

/** Horizontal runs of adjacent cells, per row, sorted by row then column. */
function rowRuns(points: Array<{ r: number; c: number }>): RangeBox[] {
  const sorted = [...points].sort((a, b) => a.r - b.r || a.c - b.c);
  const runs: RangeBox[] = [];
  for (const { r, c } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.r1 === r && last.c2 === c - 1) last.c2 = c;
    else if (!(last && last.r1 === r && last.c2 >= c)) runs.push({ r1: r, c1: c, r2: r, c2: c });
  }
  return runs;
}

/** Stacks runs with the same columns on consecutive rows into rectangles. */
function mergeRuns(runs: RangeBox[]): RangeBox[] {
  const open = new Map<string, RangeBox>();
  const boxes: RangeBox[] = [];
  for (const run of runs) {
    const key = `${run.c1}:${run.c2}`;
    const box = open.get(key);
    if (box && box.r2 === run.r1 - 1) {
      box.r2 = run.r1;
    } else {
      const fresh = { ...run };
      open.set(key, fresh);
      boxes.push(fresh);
    }
  }
  return boxes;
}

export function boundingBoxOf(cells: Array<{ r: number; c: number }>): RangeBox | null {
  if (cells.length === 0) return null;
  let box: RangeBox = { r1: cells[0].r, c1: cells[0].c, r2: cells[0].r, c2: cells[0].c };
  for (const { r, c } of cells) {
    box = {
      r1: Math.min(box.r1, r),
      c1: Math.min(box.c1, c),
      r2: Math.max(box.r2, r),
      c2: Math.max(box.c2, c),
    };
  }
  return box;
}
