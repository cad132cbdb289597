import type { CellValue as XCellValue, Style, Worksheet } from 'exceljs';
import { parseRange, sheetRef } from '../core/spec/a1';
import type { CellSpec, SheetSpec } from '../core/spec/types';
import { toExcelStyle } from './style';

/**
 * Internal links are written as exceljs hyperlinks whose target starts with '#'. exceljs turns them into
 * an External relationship (issue #3027); `fixPackage` rewrites every such target as a `location`.
 */
export const INTERNAL_LINK_PREFIX = '#';

export function internalLinkTarget(sheet: string, cell: string): string {
  return `${INTERNAL_LINK_PREFIX}${sheetRef(sheet, cell)}`;
}

/** The exceljs value of a spec cell. A string is handed over as a string, which exceljs stores as text. */
export function excelValue(cell: CellSpec): XCellValue {
  if (cell.link) {
    const text = cell.value === undefined || cell.value === null ? cell.link.sheet : String(cell.value);
    return { text, hyperlink: internalLinkTarget(cell.link.sheet, cell.link.cell) };
  }
  if (cell.formula !== undefined) {
    const formula = cell.formula.replace(/^=/, '');
    if (cell.value === undefined || cell.value === null) return { formula, date1904: false };
    return { formula, result: cell.value, date1904: false } as XCellValue;
  }
  return cell.value ?? null;
}

function key(r: number, c: number): string {
  return `${r},${c}`;
}

/**
 * Cells of a merge the spec leaves unstyled take the style of the merge's top-left cell, as when a host
 * formats a merged range as a whole (borders and fill then cover the whole merged area).
 */
function stylesWithMerges(spec: SheetSpec, cells: CellSpec[]): Map<string, string> {
  const styleAt = new Map<string, string>();
  for (const c of cells) if (c.style !== undefined) styleAt.set(key(c.r, c.c), c.style);
  for (const m of spec.merges) {
    const box = parseRange(m);
    const master = styleAt.get(key(box.r1, box.c1));
    if (master === undefined) continue;
    for (let r = box.r1; r <= box.r2; r++)
      for (let c = box.c1; c <= box.c2; c++) if (!styleAt.has(key(r, c))) styleAt.set(key(r, c), master);
  }
  return styleAt;
}

/** Later cells win over earlier ones at the same address (a tab's own cells over its template's). */
export function mergeCellLists(...lists: CellSpec[][]): CellSpec[] {
  const byKey = new Map<string, CellSpec>();
  for (const list of lists) for (const c of list) byKey.set(key(c.r, c.c), c);
  return [...byKey.values()];
}

export function writeCells(ws: Worksheet, spec: SheetSpec, cells: CellSpec[]): void {
  const styles = new Map<string, Partial<Style>>();
  for (const [name, s] of Object.entries(spec.styles)) styles.set(name, toExcelStyle(s));
  for (const [k, name] of stylesWithMerges(spec, cells)) {
    const style = styles.get(name);
    if (!style) throw new Error(`Style inconnu « ${name} » dans l'onglet « ${spec.name} ».`);
    const [r, c] = k.split(',').map(Number);
    ws.getCell(r, c).style = style;
  }
  for (const c of cells) {
    if (c.value === undefined && c.formula === undefined && !c.link) continue;
    ws.getCell(c.r, c.c).value = excelValue(c);
  }
  for (const m of spec.merges) ws.mergeCellsWithoutStyle(m);
}
