import type { SheetSpec } from '../core/spec';

/** Excel column width (characters) to pixels: 7 px per character of the default font plus padding. */
export function widthToPixels(width: number): number {
  return Math.round(width * 7 + 5);
}

/** Row heights are points in the spec, pixels in Sheets (96 dpi). */
export function pointsToPixels(points: number): number {
  return Math.round((points * 96) / 72);
}

/** Cells whose style says locked:false: the teacher's input cells, left out of the tab's protection. */
export function unlockedCells(spec: SheetSpec): Array<{ r: number; c: number }> {
  return spec.cells.filter((cell) => cell.style !== undefined && spec.styles[cell.style]?.locked === false);
}
