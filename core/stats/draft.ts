import { a1 } from '../spec/a1';
import type { CellSpec, CellStyle, CellValue, SheetKind, SheetSpec } from '../spec/types';

/**
 * A sheet being written row by row: it tracks the used size so that the spec is trimmed to it and the
 * print area covers exactly what was written. Only values are ever put: the statistics workbook holds
 * no formula (the SIEC does not have the class workbook).
 */
export interface SheetDraft {
  cells: CellSpec[];
  merges: string[];
  rows: number;
  cols: number;
}

/** A value and the name of its style in the sheet's style table. */
export interface Styled {
  value: CellValue;
  style: string;
}

export function newDraft(): SheetDraft {
  return { cells: [], merges: [], rows: 0, cols: 0 };
}

export function put(draft: SheetDraft, r: number, c: number, cell: Styled): void {
  draft.cells.push({ r, c, value: cell.value, style: cell.style });
  draft.rows = Math.max(draft.rows, r);
  draft.cols = Math.max(draft.cols, c);
}

/** Writes cells from column 1 on. */
export function putRow(draft: SheetDraft, r: number, cells: readonly Styled[]): void {
  cells.forEach((cell, i) => put(draft, r, i + 1, cell));
}

/** Writes one cell spanning columns c1..c2. */
export function putMerged(draft: SheetDraft, r: number, c1: number, c2: number, cell: Styled): void {
  put(draft, r, c1, cell);
  draft.cols = Math.max(draft.cols, c2);
  if (c2 > c1) draft.merges.push(`${a1(r, c1)}:${a1(r, c2)}`);
}

const LINE_HEIGHT = 15;
const CHARS_PER_WIDTH_UNIT = 1.15;

/**
 * Height of a row whose cells wrap. Hosts do not all grow a row to fit wrapped text written by
 * exceljs (LibreOffice keeps the default height and the lines overlap), so the spec says it. Widths
 * are counted in digits and letters of running text are narrower, hence the factor (measured on
 * LibreOffice's rendering of the « Compétences » sheet).
 */
export function wrappedHeight(cells: ReadonlyArray<{ text: string; width: number }>): number | undefined {
  const lines = Math.max(1, ...cells.map((c) => Math.ceil(c.text.length / (c.width * CHARS_PER_WIDTH_UNIT))));
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

export interface SheetLayout {
  name: string;
  kind: SheetKind;
  styles: Record<string, CellStyle>;
  /** Widths in characters, one per column. */
  widths: number[];
  orientation: 'portrait' | 'landscape';
  frozenRows?: number;
  rowHeights?: Record<number, number>;
}

export function finishSheet(draft: SheetDraft, layout: SheetLayout): SheetSpec {
  const rows = Math.max(draft.rows, 1);
  const cols = Math.max(draft.cols, layout.widths.length, 1);
  return {
    name: layout.name,
    kind: layout.kind,
    size: { rows, cols },
    cells: draft.cells,
    styles: layout.styles,
    // A width of exactly 9 is dropped by exceljs as « default » (toolchain notes).
    columns: layout.widths.map((width) => ({ width: width === 9 ? 9.01 : width })),
    rowHeights: layout.rowHeights,
    merges: draft.merges,
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: {
      paper: 'A4',
      orientation: layout.orientation,
      fitToWidth: true,
      printArea: `A1:${a1(rows, cols)}`,
      rowBreaks: [],
      footer: '&A – page &P',
    },
    frozenRows: layout.frozenRows,
  };
}
