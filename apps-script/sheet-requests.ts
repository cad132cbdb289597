/// <reference types="google-apps-script" />
/**
 * A SheetSpec as Sheets API v4 requests (the advanced service `Sheets`): the statistics spreadsheet
 * and the tabs of the open spreadsheet are both written by one batchUpdate each, from this one
 * translation. Every request names its sheet by sheetId, so a batch can create a tab and fill it.
 */
import type { CellSpec, CellStyle, ConditionalFormatSpec, DataValidationSpec, SheetSpec } from '../core/spec';
import { parseRange } from '../core/spec';
import type { GidResolver } from './cell-input';
import { isTextCell, rowRuns } from './cell-input';
import { pointsToPixels, unlockedCells, widthToPixels } from './sheet-units';

type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type CellFormat = GoogleAppsScript.Sheets.Schema.CellFormat;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;
export type Request = GoogleAppsScript.Sheets.Schema.Request;

/** 'RRGGBB' as the API's 0–1 components, 4 decimals: exact once scaled back to 0–255, 3 times shorter. */
export function color(hex: string): GoogleAppsScript.Sheets.Schema.Color {
  const part = (i: number): number => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 10_000) / 10_000;
  return { red: part(0), green: part(2), blue: part(4) };
}

/** Days since 1899-12-30, the serial Sheets stores a date as. */
export function serial(date: Date): number {
  return (
    (Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000
  );
}

const H_ALIGN = { left: 'LEFT', center: 'CENTER', right: 'RIGHT' } as const;
const V_ALIGN = { top: 'TOP', middle: 'MIDDLE', bottom: 'BOTTOM' } as const;
const BORDER = { thin: 'SOLID', medium: 'SOLID_MEDIUM', thick: 'SOLID_THICK' } as const;
export const TEXT_FORMAT = { type: 'TEXT', pattern: '@' } as const;

/** How a cell's number format is chosen. */
export interface FormatOptions {
  /**
   * The open spreadsheet's tabs: '@' on every text cell (a teacher retyping it keeps text) and where the
   * style says '@', never on a formula or link cell (its formula would be stored as text).
   * The statistics spreadsheet leaves text cells in the default format.
   */
  textCells: boolean;
}

function isLive(cell: CellSpec): boolean {
  return cell.formula !== undefined || cell.link !== undefined;
}

/** Fonts, fill, alignment, wrap, borders and number format of one cell. */
export function cellFormat(style: CellStyle | undefined, cell: CellSpec, options: FormatOptions): CellFormat {
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
  const numFmt = style?.numFmt;
  if (options.textCells && isTextCell(cell)) format.numberFormat = { ...TEXT_FORMAT };
  else if (cell.value instanceof Date)
    format.numberFormat = { type: 'DATE', pattern: numFmt ?? 'dd/mm/yyyy' };
  else if (numFmt === '@') {
    if (options.textCells && !isLive(cell)) format.numberFormat = { ...TEXT_FORMAT };
  } else if (numFmt !== undefined && numFmt !== 'General')
    format.numberFormat = { type: 'NUMBER', pattern: numFmt };
  return format;
}

function linkText(cell: CellSpec): string {
  return cell.value === undefined || cell.value === null ? '' : String(cell.value);
}

/**
 * A cell's typed value. stringValue is text for the API whatever it looks like (« =1+1 », « 007 »):
 * only a spec formula and an internal link become formulaValue. A link whose tab has no gid (not
 * created) keeps its label as text.
 */
export function cellValue(cell: CellSpec, resolve: GidResolver): CellData['userEnteredValue'] {
  const v = cell.value;
  if (cell.formula !== undefined) return { formulaValue: `=${cell.formula}` };
  if (cell.link !== undefined) {
    const gid = resolve(cell.link.sheet);
    const text = linkText(cell);
    if (gid === null) return { stringValue: text };
    return {
      formulaValue: `=HYPERLINK("#gid=${gid}&range=${cell.link.cell}","${text.replace(/"/g, '""')}")`,
    };
  }
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (v instanceof Date) return { numberValue: serial(v) };
  return undefined;
}

export function cellData(
  cell: CellSpec,
  spec: SheetSpec,
  resolve: GidResolver,
  options: FormatOptions,
): CellData {
  const style = cell.style === undefined ? undefined : spec.styles[cell.style];
  const data: CellData = { userEnteredFormat: cellFormat(style, cell, options) };
  const value = cellValue(cell, resolve);
  if (value !== undefined) data.userEnteredValue = value;
  return data;
}

export function gridRange(sheetId: number, range: string): GridRange {
  const box = parseRange(range);
  return {
    sheetId,
    startRowIndex: box.r1 - 1,
    endRowIndex: box.r2,
    startColumnIndex: box.c1 - 1,
    endColumnIndex: box.c2,
  };
}

/**
 * Every cell of the spec in ONE updateCells from A1 (values and formats); `extraText` positions get
 * the '@' format with no value (a template's identity cells).
 */
export function cellsRequest(
  spec: SheetSpec,
  sheetId: number,
  resolve: GidResolver,
  options: FormatOptions,
  extraText: Array<{ r: number; c: number }> = [],
): Request | null {
  const rows = new Map<number, Map<number, CellData>>();
  const put = (r: number, c: number, data: CellData): void => {
    const row = rows.get(r) ?? new Map<number, CellData>();
    row.set(c, data);
    rows.set(r, row);
  };
  for (const cell of spec.cells) put(cell.r, cell.c, cellData(cell, spec, resolve, options));
  for (const p of extraText) {
    const data = rows.get(p.r)?.get(p.c) ?? {};
    put(p.r, p.c, {
      ...data,
      userEnteredFormat: { ...data.userEnteredFormat, numberFormat: { ...TEXT_FORMAT } },
    });
  }
  if (rows.size === 0) return null;
  const lastRow = Math.max(...rows.keys());
  const rowData = Array.from({ length: lastRow }, (_, i) => {
    const row = rows.get(i + 1);
    const lastCol = row === undefined ? 0 : Math.max(...row.keys());
    return { values: Array.from({ length: lastCol }, (_, j) => row?.get(j + 1) ?? {}) };
  });
  return {
    updateCells: {
      start: { sheetId, rowIndex: 0, columnIndex: 0 },
      rows: rowData,
      fields: 'userEnteredValue,userEnteredFormat',
    },
  };
}

export function mergeRequests(sheetId: number, merges: string[]): Request[] {
  return merges.map((merge) => ({
    mergeCells: { mergeType: 'MERGE_ALL', range: gridRange(sheetId, merge) },
  }));
}

/** Column widths and hidden columns, consecutive columns alike in one request. */
export function columnRequests(sheetId: number, columns: SheetSpec['columns']): Request[] {
  const requests: Request[] = [];
  let start = 0;
  while (start < columns.length) {
    let end = start;
    const same = (i: number): boolean =>
      columns[i].width === columns[start].width &&
      (columns[i].hidden === true) === (columns[start].hidden === true);
    while (end + 1 < columns.length && same(end + 1)) end++;
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: start, endIndex: end + 1 },
        properties: {
          pixelSize: widthToPixels(columns[start].width),
          hiddenByUser: columns[start].hidden === true,
        },
        fields: 'pixelSize,hiddenByUser',
      },
    });
    start = end + 1;
  }
  return requests;
}

/** Row heights (points in the spec, pixels in Sheets), consecutive rows alike in one request. */
export function rowHeightRequests(sheetId: number, heights: Record<number, number> | undefined): Request[] {
  const rows = Object.entries(heights ?? {})
    .map(([row, points]) => ({ row: Number(row), px: pointsToPixels(points) }))
    .sort((x, y) => x.row - y.row);
  const requests: Request[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1].row === rows[j].row + 1 && rows[j + 1].px === rows[i].px) j++;
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'ROWS', startIndex: rows[i].row - 1, endIndex: rows[j].row },
        properties: { pixelSize: rows[i].px },
        fields: 'pixelSize',
      },
    });
    i = j + 1;
  }
  return requests;
}

/** Sheets has one text per rule: shown as help, and as the message when an invalid value is rejected. */
function validationRequest(sheetId: number, spec: DataValidationSpec): Request {
  let condition: GoogleAppsScript.Sheets.Schema.BooleanCondition;
  if (spec.kind === 'list')
    condition = { type: 'ONE_OF_LIST', values: spec.values.map((v) => ({ userEnteredValue: v })) };
  else if (spec.kind === 'decimal')
    condition = {
      type: 'NUMBER_BETWEEN',
      values: [{ userEnteredValue: String(spec.min) }, { userEnteredValue: String(spec.max) }],
    };
  else condition = { type: 'DATE_IS_VALID' };
  return {
    setDataValidation: {
      range: gridRange(sheetId, spec.range),
      rule: {
        condition,
        inputMessage: spec.prompt ?? spec.error,
        strict: true,
        showCustomUi: spec.kind === 'list',
      },
    },
  };
}

function conditionalRequest(sheetId: number, spec: ConditionalFormatSpec, index: number): Request {
  const format: CellFormat = {};
  if (spec.style.fill !== undefined) format.backgroundColor = color(spec.style.fill);
  if (spec.style.color !== undefined || spec.style.italic !== undefined)
    format.textFormat = {
      foregroundColor: spec.style.color === undefined ? undefined : color(spec.style.color),
      italic: spec.style.italic,
    };
  return {
    addConditionalFormatRule: {
      index,
      rule: {
        ranges: [gridRange(sheetId, spec.range)],
        booleanRule: {
          condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: `=${spec.formula}` }] },
          format,
        },
      },
    },
  };
}

/**
 * Warning-only protection of the whole tab: anyone who may edit the workbook still may (a jury shares
 * it), but changing a formula or a label asks for confirmation first. Input cells are left out.
 */
export function protectionRequest(spec: SheetSpec, sheetId: number): Request | null {
  if (!spec.protect) return null;
  return {
    addProtectedRange: {
      protectedRange: {
        range: { sheetId },
        warningOnly: true,
        unprotectedRanges: rowRuns(unlockedCells(spec)).map((run) => gridRange(sheetId, run)),
      },
    },
  };
}

/** Size, frozen rows and tab colour of the sheet (it is trimmed: 10 million cells per spreadsheet). */
export function sheetPropertiesRequest(spec: SheetSpec, sheetId: number): Request {
  const tab = spec.tabColor === undefined ? {} : { tabColor: color(spec.tabColor) };
  return {
    updateSheetProperties: {
      properties: {
        sheetId,
        gridProperties: {
          rowCount: spec.size.rows,
          columnCount: spec.size.cols,
          frozenRowCount: spec.frozenRows ?? 0,
        },
        ...tab,
      },
      fields: `gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount${spec.tabColor === undefined ? '' : ',tabColor'}`,
    },
  };
}

export interface RenderRequestOptions {
  resolve: GidResolver;
  /** Positions that will receive text later (a template's identity cells): formatted '@' now. */
  extraText?: Array<{ r: number; c: number }>;
  /** Whether the protection is added (a template carries none: its copies are protected one by one). */
  protect: boolean;
}

/** A whole SheetSpec onto an empty sheet `sheetId`, as requests of one batchUpdate. */
export function renderRequests(spec: SheetSpec, sheetId: number, options: RenderRequestOptions): Request[] {
  const requests: Request[] = [sheetPropertiesRequest(spec, sheetId)];
  const cells = cellsRequest(spec, sheetId, options.resolve, { textCells: true }, options.extraText);
  if (cells !== null) requests.push(cells);
  requests.push(...mergeRequests(sheetId, spec.merges));
  requests.push(...columnRequests(sheetId, spec.columns));
  requests.push(...rowHeightRequests(sheetId, spec.rowHeights));
  // Sheets measures wrapped text itself.
  if (spec.autoFitRows)
    requests.push({
      autoResizeDimensions: {
        dimensions: {
          sheetId,
          dimension: 'ROWS',
          startIndex: spec.autoFitRows.from - 1,
          endIndex: spec.autoFitRows.to,
        },
      },
    });
  requests.push(...spec.validations.map((v) => validationRequest(sheetId, v)));
  requests.push(...spec.conditionalFormats.map((c, i) => conditionalRequest(sheetId, c, i)));
  const protection = options.protect ? protectionRequest(spec, sheetId) : null;
  if (protection !== null) requests.push(protection);
  return requests;
}

/**
 * Values into cells of an existing tab: only the given cells (a teacher's cells around them are never
 * rewritten), one updateCells per run of adjacent cells of a row. Text runs also get '@' so that a
 * teacher retyping the cell keeps text; other cells keep their format.
 */
export function valueRequests(sheetId: number, cells: CellSpec[], resolve: GidResolver): Request[] {
  const unique = new Map(cells.map((cell) => [`${cell.r},${cell.c}`, cell]));
  const sorted = [...unique.values()].sort((x, y) => x.r - y.r || x.c - y.c);
  const runs: CellSpec[][] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (
      prev !== undefined &&
      prev.r === cell.r &&
      prev.c + 1 === cell.c &&
      formatKind(prev) === formatKind(cell)
    )
      last.push(cell);
    else runs.push([cell]);
  }
  return runs.map((run) => {
    const kind = formatKind(run[0]);
    const numberFormat =
      kind === 'text' ? { ...TEXT_FORMAT } : kind === 'date' ? { ...DATE_FORMAT } : undefined;
    return {
      updateCells: {
        start: { sheetId, rowIndex: run[0].r - 1, columnIndex: run[0].c - 1 },
        rows: [
          {
            values: run.map((cell) => {
              const data: CellData = { userEnteredValue: cellValue(cell, resolve) };
              if (numberFormat !== undefined) data.userEnteredFormat = { numberFormat };
              return data;
            }),
          },
        ],
        fields:
          numberFormat === undefined ? 'userEnteredValue' : 'userEnteredValue,userEnteredFormat.numberFormat',
      },
    };
  });
}

const DATE_FORMAT = { type: 'DATE', pattern: 'dd/mm/yyyy' } as const;

/** Text keeps '@', a date gets a date format (setValues used to give one); other cells keep theirs. */
function formatKind(cell: CellSpec): 'text' | 'date' | 'keep' {
  if (isTextCell(cell)) return 'text';
  return cell.formula === undefined && cell.link === undefined && cell.value instanceof Date
    ? 'date'
    : 'keep';
}
