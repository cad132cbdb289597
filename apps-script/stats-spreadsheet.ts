/// <reference types="google-apps-script" />
import type { CreatedWorkbook } from '../core/port';
import type { CellSpec, CellStyle, SheetSpec, WorkbookSpec } from '../core/spec';
import { parseRange } from '../core/spec';
import type { GasSheetsApi } from './gas-types';
import { widthToPixels } from './render-layout';
import { statsChartRequests } from './stats-charts';

type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type CellFormat = GoogleAppsScript.Sheets.Schema.CellFormat;
type Request = GoogleAppsScript.Sheets.Schema.Request;

function color(hex: string): GoogleAppsScript.Sheets.Schema.Color {
  return {
    red: parseInt(hex.slice(0, 2), 16) / 255,
    green: parseInt(hex.slice(2, 4), 16) / 255,
    blue: parseInt(hex.slice(4, 6), 16) / 255,
  };
}

/** Days since 1899-12-30, the serial Sheets stores a date as. */
function serial(date: Date): number {
  return (
    (Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000
  );
}

const H_ALIGN = { left: 'LEFT', center: 'CENTER', right: 'RIGHT' } as const;
const V_ALIGN = { top: 'TOP', middle: 'MIDDLE', bottom: 'BOTTOM' } as const;
const BORDER = { thin: 'SOLID', medium: 'SOLID_MEDIUM', thick: 'SOLID_THICK' } as const;

function cellFormat(style: CellStyle | undefined, value: CellSpec['value']): CellFormat {
  const format: CellFormat = {};
  if (style !== undefined) {
    format.textFormat = {
      bold: style.bold,
      italic: style.italic,
      fontSize: style.size,
      foregroundColor: style.color === undefined ? undefined : color(style.color),
    };
    if (style.fill !== undefined) format.backgroundColor = color(style.fill);
    if (style.hAlign !== undefined) format.horizontalAlignment = H_ALIGN[style.hAlign];
    if (style.vAlign !== undefined) format.verticalAlignment = V_ALIGN[style.vAlign];
    if (style.wrap === true) format.wrapStrategy = 'WRAP';
    const sides = {
      ...(style.border
        ? { top: style.border, bottom: style.border, left: style.border, right: style.border }
        : {}),
      ...style.borders,
    };
    if (Object.keys(sides).length > 0) {
      format.borders = Object.fromEntries(
        Object.entries(sides).map(([side, w]) => [side, { style: BORDER[w] }]),
      );
    }
  }
  if (value instanceof Date) format.numberFormat = { type: 'DATE', pattern: style?.numFmt ?? 'dd/mm/yyyy' };
  else if (style?.numFmt !== undefined && style.numFmt !== '@')
    format.numberFormat = { type: 'NUMBER', pattern: style.numFmt };
  return format;
}

/** stringValue is always text for the API: « =1+1 » in a name stays text without any trick. */
function cellData(cell: CellSpec, spec: SheetSpec, gids: Map<string, number>): CellData {
  const style = cell.style === undefined ? undefined : spec.styles[cell.style];
  const data: CellData = { userEnteredFormat: cellFormat(style, cell.value) };
  const v = cell.value;
  const gid = cell.link === undefined ? undefined : gids.get(cell.link.sheet);
  if (cell.formula !== undefined) data.userEnteredValue = { formulaValue: `=${cell.formula}` };
  else if (cell.link !== undefined && gid !== undefined) {
    const text = String(v ?? '').replace(/"/g, '""');
    data.userEnteredValue = { formulaValue: `=HYPERLINK("#gid=${gid}&range=${cell.link.cell}","${text}")` };
  } else if (typeof v === 'string') data.userEnteredValue = { stringValue: v };
  else if (typeof v === 'number') data.userEnteredValue = { numberValue: v };
  else if (typeof v === 'boolean') data.userEnteredValue = { boolValue: v };
  else if (v instanceof Date) data.userEnteredValue = { numberValue: serial(v) };
  return data;
}

function sheetRequests(spec: SheetSpec, sheetId: number, gids: Map<string, number>): Request[] {
  const rows = new Map<number, Map<number, CellData>>();
  for (const cell of spec.cells) {
    const row = rows.get(cell.r) ?? new Map<number, CellData>();
    row.set(cell.c, cellData(cell, spec, gids));
    rows.set(cell.r, row);
  }
  const lastRow = Math.max(0, ...rows.keys());
  const rowData = Array.from({ length: lastRow }, (_, i) => {
    const row = rows.get(i + 1);
    const lastCol = row === undefined ? 0 : Math.max(...row.keys());
    return { values: Array.from({ length: lastCol }, (_, j) => row?.get(j + 1) ?? {}) };
  });
  const requests: Request[] = [];
  if (lastRow > 0) {
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: rowData,
        fields: 'userEnteredValue,userEnteredFormat',
      },
    });
  }
  for (const merge of spec.merges) {
    const box = parseRange(merge);
    requests.push({
      mergeCells: {
        mergeType: 'MERGE_ALL',
        range: {
          sheetId,
          startRowIndex: box.r1 - 1,
          endRowIndex: box.r2,
          startColumnIndex: box.c1 - 1,
          endColumnIndex: box.c2,
        },
      },
    });
  }
  spec.columns.forEach((col, i) =>
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize: widthToPixels(col.width), hiddenByUser: col.hidden === true },
        fields: 'pixelSize,hiddenByUser',
      },
    }),
  );
  return requests;
}

/**
 * The statistics workbook as a new spreadsheet in the user's Drive, in two calls of the Sheets
 * advanced service (create, then one batchUpdate). Under the drive.file scope the add-on may do this
 * (a file it creates) without access to the rest of the Drive.
 */
export function createStatsSpreadsheet(api: GasSheetsApi): (spec: WorkbookSpec) => CreatedWorkbook {
  return (spec) => {
    const gids = new Map(spec.sheets.map((sheet, i) => [sheet.name, i]));
    const created = api.Spreadsheets.create({
      properties: { title: spec.title, locale: 'fr_FR', timeZone: 'Europe/Paris' },
      sheets: spec.sheets.map((sheet, i) => ({
        properties: {
          sheetId: i,
          index: i,
          title: sheet.name,
          gridProperties: {
            rowCount: sheet.size.rows,
            columnCount: sheet.size.cols,
            frozenRowCount: sheet.frozenRows ?? 0,
          },
          tabColor: sheet.tabColor === undefined ? undefined : color(sheet.tabColor),
        },
      })),
    });
    const id = created.spreadsheetId;
    if (id === undefined) throw new Error("Google Sheets n'a pas créé le classeur de statistiques.");
    const requests = [
      ...spec.sheets.flatMap((sheet, i) => sheetRequests(sheet, i, gids)),
      ...statsChartRequests(spec, gids),
    ];
    if (requests.length > 0) api.Spreadsheets.batchUpdate({ requests }, id);
    return { location: created.spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${id}/edit` };
  };
}
