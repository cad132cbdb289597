/** Loads the roster fixtures (copied from the project's shared fixtures into test/fixtures) as the values a host would give. */
import { readFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../core/spec/types';
import type { SheetValues } from '../../core/roster/types';

export const ROSTER_FIXTURES = path.resolve(__dirname, '../fixtures/rosters');

export function rosterFixturePath(name: string): string {
  return path.join(ROSTER_FIXTURES, name);
}

export function readRosterFixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(rosterFixturePath(name)));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/**
 * exceljs cell value → CellValue, as a host reads it: rich text → plain text, formula → its cached
 * result, hyperlink → its text, error → its code; dates stay Date.
 */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (!isObject(value)) return null;
  if (Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (isObject(run) ? String(run.text ?? '') : '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) return toCellValue(value.result);
  if ('hyperlink' in value) return toCellValue(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

function sheetValues(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(toCellValue(ws.getCell(r, c).value));
    rows.push(row);
  }
  return rows;
}

export async function loadXlsxFixture(name: string): Promise<SheetValues[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(rosterFixturePath(name));
  return wb.worksheets.map((ws) => ({ name: ws.name, values: sheetValues(ws) }));
}
