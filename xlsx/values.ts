import type { Cell, CellValue as XCellValue } from 'exceljs';
import type { CellValue } from '../core/spec/types';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

function richTextToPlain(v: unknown): string | null {
  if (!isRecord(v) || !Array.isArray(v.richText)) return null;
  return v.richText
    .map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : ''))
    .join('');
}

/**
 * An exceljs value as the port's plain CellValue: rich text → its text, a formula → its cached result
 * (null when the file has none), a hyperlink → its text, an error (#N/A…) → null. Dates stay Date.
 */
export function toCellValue(v: XCellValue | unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (!isRecord(v)) return null;
  const rich = richTextToPlain(v);
  if (rich !== null) return rich;
  if ('formula' in v || 'sharedFormula' in v) return toCellValue(v.result);
  if ('hyperlink' in v) return toCellValue(v.text);
  return null;
}

/** The value of a cell; the hidden cells of a merge read as empty, as in Excel and Google Sheets. */
export function cellValue(cell: Cell | undefined): CellValue {
  if (!cell) return null;
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  return toCellValue(cell.value);
}
