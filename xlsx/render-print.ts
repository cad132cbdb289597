import type { PageSetup, RowBreak, Worksheet } from 'exceljs';
import type { PrintSpec } from '../core/spec/types';

/** Paper size codes of SpreadsheetML (ECMA-376 §18.3.1.63). */
const PAPER_SIZES: Record<PrintSpec['paper'], number> = { A4: 9 };

/** exceljs wants the print area as 'A1:H70' and adds the sheet name and '$' itself. */
function bareRange(range: string): string {
  return range.replace(/\$/g, '').replace(/^.*!/, '');
}

export function writePrint(ws: Worksheet, print: PrintSpec): void {
  const setup: Partial<PageSetup> = {
    paperSize: PAPER_SIZES[print.paper],
    orientation: print.orientation,
    printArea: bareRange(print.printArea),
    // Page numbers restart at 1 on each tab so « Page &P / 2 » reads right in a whole-workbook print.
    firstPageNumber: 1,
  };
  if (print.fitToWidth) {
    // Fit to width only: Excel ignores manual breaks when a page height is fixed too.
    Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  }
  if (print.margins) setup.margins = { ...print.margins };
  ws.pageSetup = { ...ws.pageSetup, ...setup };
  applyRowBreaks(ws, print.rowBreaks);
  const headerFooter: Record<string, string> = {};
  if (print.header !== undefined) headerFooter.oddHeader = print.header;
  if (print.footer !== undefined) headerFooter.oddFooter = print.footer;
  if (Object.keys(headerFooter).length > 0) ws.headerFooter = { ...ws.headerFooter, ...headerFooter };
}

/** A manual break after each row; idempotent, so breaks read from a marker can be re-applied. */
export function applyRowBreaks(ws: Worksheet, rows: number[]): void {
  const present = new Set(existingRowBreaks(ws).map((b) => b.id));
  for (const row of rows) {
    if (present.has(row)) continue;
    ws.getRow(row).addPageBreak();
    present.add(row);
  }
}

/** exceljs keeps manual breaks in `rowBreaks` but its typings do not declare it on Worksheet. */
function existingRowBreaks(ws: Worksheet): RowBreak[] {
  const breaks: unknown = (ws as unknown as { rowBreaks?: unknown }).rowBreaks;
  return Array.isArray(breaks) ? (breaks as RowBreak[]) : [];
}
