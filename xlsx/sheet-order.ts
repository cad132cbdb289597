import type { Workbook, Worksheet } from 'exceljs';

/**
 * exceljs orders tabs by a per-sheet `orderNo` it does not declare in its typings; these helpers are the
 * one place that reads and writes it.
 */
interface Ordered {
  orderNo: number;
}

function ordered(ws: Worksheet): Ordered {
  return ws as unknown as Ordered;
}

export function orderOf(ws: Worksheet): number {
  return ordered(ws).orderNo;
}

export function setOrder(ws: Worksheet, orderNo: number): void {
  ordered(ws).orderNo = orderNo;
}

/** Puts a sheet before every other one. */
export function moveFirst(wb: Workbook, ws: Worksheet): void {
  const others = wb.worksheets.filter((w) => w !== ws).map(orderOf);
  setOrder(ws, others.length === 0 ? 1 : Math.min(...others) - 1);
}

/** A sheet by name: exact first, then ignoring case as Excel does. */
export function findSheet(wb: Workbook, name: string): Worksheet | undefined {
  const exact = wb.worksheets.find((w) => w.name === name);
  if (exact) return exact;
  const lower = name.toLocaleLowerCase('fr');
  return wb.worksheets.find((w) => w.name.toLocaleLowerCase('fr') === lower);
}
