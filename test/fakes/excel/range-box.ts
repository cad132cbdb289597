import type { RangeBox } from '../../../core/spec/a1';

/** Excel's grid: 1,048,576 rows × 16,384 columns. */
export const FULL_SHEET: RangeBox = { r1: 1, c1: 1, r2: 1048576, c2: 16384 };

export function boxRows(box: RangeBox): number {
  return box.r2 - box.r1 + 1;
}

export function boxCols(box: RangeBox): number {
  return box.c2 - box.c1 + 1;
}

export function eachCell(box: RangeBox, visit: (r: number, c: number, i: number, j: number) => void): void {
  for (let r = box.r1; r <= box.r2; r += 1) {
    for (let c = box.c1; c <= box.c2; c += 1) visit(r, c, r - box.r1, c - box.c1);
  }
}

export function boundingBox(a: RangeBox, b: RangeBox): RangeBox {
  return {
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
    r2: Math.max(a.r2, b.r2),
    c2: Math.max(a.c2, b.c2),
  };
}

export function overlaps(a: RangeBox, b: RangeBox): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}
