import type { RangeBox } from '../core/spec/a1';
import type { CellSpec, CellStyle, CellValue } from '../core/spec/types';

export type Cell = string | number | boolean | null;

/**
 * The two 2-D arrays that write a block of cells in one operation each. `null` leaves a cell
 * unchanged (documented Office.js behaviour), so a sparse spec is written as its bounding rectangle.
 * Strings get the text format '@' first: Excel would otherwise read « =… », « +… », « -… », « @… »,
 * « 01234 » or « 12/05/2026 » as a formula, a number or a date.
 */
export function cellMatrices(
  cells: CellSpec[],
  box: RangeBox,
  styles: Record<string, CellStyle>,
): { numberFormat: Cell[][] | null; formulas: Cell[][] | null } {
  const rows = box.r2 - box.r1 + 1;
  const cols = box.c2 - box.c1 + 1;
  const numberFormat: Cell[][] = Array.from({ length: rows }, () => new Array<Cell>(cols).fill(null));
  const formulas: Cell[][] = Array.from({ length: rows }, () => new Array<Cell>(cols).fill(null));
  let anyFormat = false;
  let anyContent = false;
  for (const cell of cells) {
    const i = cell.r - box.r1;
    const j = cell.c - box.c1;
    const format =
      typeof cell.value === 'string' && cell.formula === undefined ? '@' : styles[cell.style ?? '']?.numFmt;
    if (format !== undefined) {
      numberFormat[i][j] = format;
      anyFormat = true;
    }
    const content = cellContent(cell);
    if (content !== null) {
      formulas[i][j] = content;
      anyContent = true;
    }
  }
  return { numberFormat: anyFormat ? numberFormat : null, formulas: anyContent ? formulas : null };
}

function cellContent(cell: CellSpec): Cell {
  if (cell.formula !== undefined) return `=${cell.formula}`;
  if (cell.value === undefined) return null;
  return officeValue(cell.value);
}

/** A spec value as Office.js takes it: '' clears, a Date becomes its serial number. */
export function officeValue(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (value instanceof Date) return excelSerial(value);
  return value;
}

/** Excel serial number (1900 date system) of a date's local calendar day and time. */
export function excelSerial(date: Date): number {
  const utc = Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
  );
  return (utc - Date.UTC(1899, 11, 30)) / 86400000;
}
