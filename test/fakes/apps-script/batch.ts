/// <reference types="google-apps-script" />
import type { RangeBox } from '../../../core/spec';
import { a1, rangeA1 } from '../../../core/spec';
import { referencedSheets, type FakeCell, type FakeValidation } from './cells';
import { FakeProtection, FakeSheet } from './sheet';
import type { FakeConditionalRule, FakeSpreadsheet } from './spreadsheet';
import { NEW_SHEET_COLS, NEW_SHEET_ROWS } from './spreadsheet';

type Schema = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type Color = GoogleAppsScript.Sheets.Schema.Color;
type CellFormat = GoogleAppsScript.Sheets.Schema.CellFormat;

function fail(message: string): never {
  throw new Error(
    `API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests: ${message}`,
  );
}

function sheetById(spreadsheet: FakeSpreadsheet, id: number | undefined): FakeSheet {
  const sheet = spreadsheet.sheets.find((s) => s.id === id);
  if (sheet === undefined) fail(`No grid with id: ${String(id)}`);
  return sheet;
}

/** A GridRange as a box of the sheet; an unbounded side runs to the sheet's edge. */
function boxOf(sheet: FakeSheet, range: GridRange): RangeBox {
  const box = {
    r1: (range.startRowIndex ?? 0) + 1,
    c1: (range.startColumnIndex ?? 0) + 1,
    r2: range.endRowIndex ?? sheet.maxRows,
    c2: range.endColumnIndex ?? sheet.maxCols,
  };
  if (box.r1 > box.r2 || box.c1 > box.c2 || box.r2 > sheet.maxRows || box.c2 > sheet.maxCols)
    fail(`Range ${JSON.stringify(range)} is outside the grid of ${sheet.name}`);
  return box;
}

function a1Of(box: RangeBox): string {
  return box.r1 === box.r2 && box.c1 === box.c2 ? a1(box.r1, box.c1) : rangeA1(box);
}

function hex(color: Color | undefined): string | undefined {
  if (color === undefined) return undefined;
  const part = (x: number | undefined): string =>
    Math.round((x ?? 0) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${part(color.red)}${part(color.green)}${part(color.blue)}`.toUpperCase();
}

const H = { LEFT: 'left', CENTER: 'center', RIGHT: 'right' } as Record<string, string>;
const V = { TOP: 'top', MIDDLE: 'middle', BOTTOM: 'bottom' } as Record<string, string>;

/** A userEnteredFormat in the fake's own cell format keys (the ones SpreadsheetApp's setters write). */
function applyFormat(cell: FakeCell, format: CellFormat): void {
  const known = [
    'textFormat',
    'backgroundColor',
    'horizontalAlignment',
    'verticalAlignment',
    'wrapStrategy',
    'borders',
    'numberFormat',
  ];
  for (const key of Object.keys(format))
    if (!known.includes(key)) fail(`the fake does not know the format field ${key}`);
  const t = format.textFormat;
  if (t?.bold !== undefined) cell.format.fontWeight = t.bold ? 'bold' : 'normal';
  if (t?.italic !== undefined) cell.format.fontStyle = t.italic ? 'italic' : 'normal';
  if (t?.fontSize !== undefined) cell.format.fontSize = t.fontSize;
  if (t?.foregroundColor !== undefined) cell.format.fontColor = hex(t.foregroundColor);
  if (format.backgroundColor !== undefined) cell.format.background = hex(format.backgroundColor);
  if (format.horizontalAlignment !== undefined) cell.format.hAlign = H[format.horizontalAlignment];
  if (format.verticalAlignment !== undefined) cell.format.vAlign = V[format.verticalAlignment];
  if (format.wrapStrategy !== undefined) cell.format.wrap = format.wrapStrategy === 'WRAP';
  if (format.borders !== undefined) {
    const border: Record<string, unknown> = {};
    for (const [side, b] of Object.entries(format.borders))
      if (b !== undefined)
        border[side] = { color: '#000000', style: { name: (b as { style: string }).style } };
    cell.format.border = border;
  }
  if (format.numberFormat !== undefined) setNumberFormat(cell, format.numberFormat);
}

function setNumberFormat(cell: FakeCell, numberFormat: GoogleAppsScript.Sheets.Schema.NumberFormat): void {
  cell.numFmt = numberFormat.type === 'TEXT' ? '@' : numberFormat.pattern;
  if (numberFormat.type === 'DATE' || numberFormat.type === 'DATE_TIME') cell.format.date = true;
  else delete cell.format.date;
}

/** A serial number in a date-formatted cell is a date for SpreadsheetApp's getValues. */
function fromSerial(serial: number): Date {
  return new Date(1899, 11, 30 + Math.floor(serial));
}

function setValue(spreadsheet: FakeSpreadsheet, cell: FakeCell, value: CellData['userEnteredValue']): void {
  cell.formula = undefined;
  cell.value = '';
  delete cell.unresolved;
  if (value === undefined) return;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1) fail(`an ExtendedValue holds exactly one value: ${JSON.stringify(value)}`);
  if (value.stringValue !== undefined) cell.value = value.stringValue;
  else if (value.numberValue !== undefined)
    cell.value = cell.format.date === true ? fromSerial(value.numberValue) : value.numberValue;
  else if (value.boolValue !== undefined) cell.value = value.boolValue;
  else if (value.formulaValue !== undefined) {
    if (!value.formulaValue.startsWith('=')) fail('a formulaValue starts with =');
    cell.formula = value.formulaValue;
    const missing = referencedSheets(value.formulaValue).find(
      (name) => !spreadsheet.sheets.some((s) => s.name === name),
    );
    if (missing !== undefined) cell.unresolved = missing;
    else delete cell.unresolved;
  } else fail(`the fake does not know ${keys[0]}`);
}

/** updateCells: every CellData in `rows` is written under the field mask, an empty one clears them. */
function updateCells(
  spreadsheet: FakeSpreadsheet,
  request: GoogleAppsScript.Sheets.Schema.UpdateCellsRequest,
): void {
  const fields = request.fields ?? fail('updateCells needs fields');
  const mask =
    fields === '*' ? ['userEnteredValue', 'userEnteredFormat', 'dataValidation'] : fields.split(',');
  for (const f of mask)
    if (
      !['userEnteredValue', 'userEnteredFormat', 'userEnteredFormat.numberFormat', 'dataValidation'].includes(
        f,
      )
    )
      fail(`the fake does not know the field mask ${f}`);
  const write = (cell: FakeCell, data: CellData): void => {
    if (mask.includes('userEnteredFormat')) {
      cell.format = {};
      cell.numFmt = undefined;
      if (data.userEnteredFormat !== undefined) applyFormat(cell, data.userEnteredFormat);
    } else if (mask.includes('userEnteredFormat.numberFormat')) {
      cell.numFmt = undefined;
      delete cell.format.date;
      if (data.userEnteredFormat?.numberFormat !== undefined)
        setNumberFormat(cell, data.userEnteredFormat.numberFormat);
    }
    if (mask.includes('userEnteredValue')) setValue(spreadsheet, cell, data.userEnteredValue);
    if (mask.includes('dataValidation')) delete cell.validation;
  };
  if (request.start !== undefined) {
    const sheet = sheetById(spreadsheet, request.start.sheetId);
    const r0 = (request.start.rowIndex ?? 0) + 1;
    const c0 = (request.start.columnIndex ?? 0) + 1;
    (request.rows ?? []).forEach((row, i) =>
      (row.values ?? []).forEach((data, j) => {
        if (r0 + i > sheet.maxRows || c0 + j > sheet.maxCols)
          fail(`updateCells past the grid of ${sheet.name}`);
        write(sheet.cell(r0 + i, c0 + j), data);
      }),
    );
    return;
  }
  const range = request.range ?? fail('updateCells needs start or range');
  const sheet = sheetById(spreadsheet, range.sheetId);
  const box = boxOf(sheet, range);
  if ((request.rows ?? []).length > 0) fail('the fake writes rows from a start only');
  sheet.eachExistingCell(box, (cell) => write(cell, {}));
}

function updateSheetProperties(
  spreadsheet: FakeSpreadsheet,
  request: GoogleAppsScript.Sheets.Schema.UpdateSheetPropertiesRequest,
): void {
  const props = request.properties ?? fail('updateSheetProperties needs properties');
  const sheet = sheetById(spreadsheet, props.sheetId);
  for (const field of (request.fields ?? fail('updateSheetProperties needs fields')).split(',')) {
    const grid = props.gridProperties ?? {};
    if (field === 'title') {
      spreadsheet.checkName(props.title ?? '', sheet);
      sheet.name = props.title as string;
    } else if (field === 'hidden') {
      if (props.hidden === true && spreadsheet.sheets.every((s) => s === sheet || s.hidden))
        fail("You can't hide all the sheets in a document.");
      sheet.hidden = props.hidden === true;
    } else if (field === 'gridProperties.rowCount') resize(spreadsheet, sheet, grid.rowCount, sheet.maxCols);
    else if (field === 'gridProperties.columnCount')
      resize(spreadsheet, sheet, sheet.maxRows, grid.columnCount);
    else if (field === 'gridProperties.frozenRowCount') {
      if ((grid.frozenRowCount ?? 0) >= sheet.maxRows) fail('You cannot freeze all the rows of the sheet.');
      sheet.frozenRows = grid.frozenRowCount ?? 0;
    } else if (field === 'tabColor') sheet.tabColor = hex(props.tabColor) ?? null;
    else fail(`the fake does not know the sheet property ${field}`);
  }
}

function resize(
  spreadsheet: FakeSpreadsheet,
  sheet: FakeSheet,
  rows: number | undefined,
  cols: number | undefined,
): void {
  if (rows === undefined || cols === undefined || rows < 1 || cols < 1)
    fail('a grid keeps at least one row and column');
  spreadsheet.ensureRoom(rows * cols - sheet.maxRows * sheet.maxCols);
  for (const k of [...sheet.cells.keys()]) {
    const [r, c] = k.split(',').map(Number);
    if (r > rows || c > cols) sheet.cells.delete(k);
  }
  sheet.merges = sheet.merges.filter((m) => m.r2 <= rows && m.c2 <= cols);
  sheet.maxRows = rows;
  sheet.maxCols = cols;
}

function addSheet(
  spreadsheet: FakeSpreadsheet,
  request: GoogleAppsScript.Sheets.Schema.AddSheetRequest,
): void {
  const props = request.properties ?? fail('addSheet needs properties');
  const id = props.sheetId ?? fail('the host always chooses the sheetId');
  if (spreadsheet.sheets.some((s) => s.id === id)) fail(`A sheet with the id ${id} already exists.`);
  spreadsheet.checkName(props.title ?? '');
  const index = props.index ?? spreadsheet.sheets.length;
  if (index < 0 || index > spreadsheet.sheets.length) fail(`Invalid index ${index}`);
  const rows = props.gridProperties?.rowCount ?? NEW_SHEET_ROWS;
  const cols = props.gridProperties?.columnCount ?? NEW_SHEET_COLS;
  spreadsheet.ensureRoom(rows * cols);
  const sheet = new FakeSheet(spreadsheet, props.title as string, id, rows, cols, spreadsheet.calls);
  sheet.hidden = props.hidden === true;
  spreadsheet.sheets.splice(index, 0, sheet);
}

function duplicateSheet(
  spreadsheet: FakeSpreadsheet,
  request: GoogleAppsScript.Sheets.Schema.DuplicateSheetRequest,
): void {
  const source = sheetById(spreadsheet, request.sourceSheetId);
  const id = request.newSheetId ?? fail('the host always chooses the newSheetId');
  if (spreadsheet.sheets.some((s) => s.id === id)) fail(`A sheet with the id ${id} already exists.`);
  const name = request.newSheetName ?? fail('the host always names the copy');
  spreadsheet.checkName(name);
  const index = request.insertSheetIndex ?? spreadsheet.sheets.length;
  if (index < 0 || index > spreadsheet.sheets.length) fail(`Invalid index ${index}`);
  spreadsheet.ensureRoom(source.maxRows * source.maxCols);
  spreadsheet.sheets.splice(index, 0, source.copyAs(name, id));
}

function deleteSheet(spreadsheet: FakeSpreadsheet, id: number | undefined): void {
  const sheet = sheetById(spreadsheet, id);
  if (spreadsheet.sheets.length === 1) fail("You can't remove all the sheets in a document.");
  spreadsheet.sheets = spreadsheet.sheets.filter((s) => s !== sheet);
}

function dimension(
  spreadsheet: FakeSpreadsheet,
  request: GoogleAppsScript.Sheets.Schema.UpdateDimensionPropertiesRequest,
): void {
  const range = request.range ?? fail('updateDimensionProperties needs a range');
  const sheet = sheetById(spreadsheet, range.sheetId);
  const from = (range.startIndex ?? 0) + 1;
  const to = range.endIndex ?? fail('the host always bounds a dimension range');
  const size = range.dimension === 'ROWS' ? sheet.maxRows : sheet.maxCols;
  if (from > to || to > size) fail(`Dimension range ${from}-${to} is out of bounds on ${sheet.name}`);
  const props = request.properties ?? {};
  for (const field of (request.fields ?? '').split(',')) {
    for (let i = from; i <= to; i++) {
      if (field === 'pixelSize' && range.dimension === 'COLUMNS')
        sheet.columnWidths.set(i, props.pixelSize as number);
      else if (field === 'pixelSize' && range.dimension === 'ROWS')
        sheet.rowHeights.set(i, props.pixelSize as number);
      else if (field === 'hiddenByUser' && range.dimension === 'COLUMNS') {
        if (props.hiddenByUser === true) sheet.hiddenColumns.add(i);
        else sheet.hiddenColumns.delete(i);
      } else fail(`the fake does not know the dimension field ${field} on ${String(range.dimension)}`);
    }
  }
}

function validation(
  spreadsheet: FakeSpreadsheet,
  request: GoogleAppsScript.Sheets.Schema.SetDataValidationRequest,
): void {
  const range = request.range ?? fail('setDataValidation needs a range');
  const sheet = sheetById(spreadsheet, range.sheetId);
  const box = boxOf(sheet, range);
  const rule = request.rule;
  if (rule === undefined) {
    sheet.eachExistingCell(box, (cell) => delete cell.validation);
    return;
  }
  const condition = rule.condition ?? fail('a rule needs a condition');
  const values = (condition.values ?? []).map((v) => v.userEnteredValue ?? '');
  let made: FakeValidation;
  if (condition.type === 'ONE_OF_LIST') {
    if (values.length > 500) fail('A list may hold at most 500 items.');
    made = { kind: 'list', values, allowInvalid: rule.strict !== true };
  } else if (condition.type === 'NUMBER_BETWEEN') {
    if (values.length !== 2 || values.some((v) => !Number.isFinite(Number(v))))
      fail('NUMBER_BETWEEN takes two numbers');
    made = {
      kind: 'number',
      min: Number(values[0]),
      max: Number(values[1]),
      allowInvalid: rule.strict !== true,
    };
  } else if (condition.type === 'DATE_IS_VALID') made = { kind: 'date', allowInvalid: rule.strict !== true };
  else fail(`the fake does not know the condition ${String(condition.type)}`);
  if (rule.inputMessage !== undefined) made.helpText = rule.inputMessage;
  sheet.eachCell(box, (cell) => (cell.validation = { ...made }));
}

function conditional(
  spreadsheet: FakeSpreadsheet,
  request: GoogleAppsScript.Sheets.Schema.AddConditionalFormatRuleRequest,
): void {
  const rule = request.rule ?? fail('addConditionalFormatRule needs a rule');
  const ranges = rule.ranges ?? [];
  if (ranges.length === 0) fail('A conditional format rule needs ranges.');
  const sheet = sheetById(spreadsheet, ranges[0].sheetId);
  const condition = rule.booleanRule?.condition;
  if (condition?.type !== 'CUSTOM_FORMULA') fail('the fake knows custom formula rules only');
  const formula = condition.values?.[0]?.userEnteredValue ?? '';
  if (!formula.startsWith('=')) fail('The formula must start with "=".');
  const format = rule.booleanRule?.format ?? {};
  const made: FakeConditionalRule = { formula, ranges: ranges.map((r) => a1Of(boxOf(sheet, r))) };
  if (format.backgroundColor !== undefined) made.background = hex(format.backgroundColor);
  if (format.textFormat?.foregroundColor !== undefined)
    made.fontColor = hex(format.textFormat.foregroundColor);
  if (format.textFormat?.italic !== undefined) made.italic = format.textFormat.italic;
  const index = request.index ?? 0;
  if (index < 0 || index > sheet.conditionalRules.length) fail(`Invalid rule index ${index}`);
  sheet.conditionalRules.splice(index, 0, made);
}

function addProtection(
  spreadsheet: FakeSpreadsheet,
  request: GoogleAppsScript.Sheets.Schema.AddProtectedRangeRequest,
): void {
  const range = request.protectedRange?.range ?? fail('addProtectedRange needs a range');
  const sheet = sheetById(spreadsheet, range.sheetId);
  if (Object.keys(range).some((k) => k !== 'sheetId')) fail('the fake protects whole sheets only');
  const protection = new FakeProtection(sheet, spreadsheet.calls);
  protection.warningOnly = request.protectedRange?.warningOnly === true;
  protection.unprotected = (request.protectedRange?.unprotectedRanges ?? []).map((r) => {
    if (r.sheetId !== sheet.id) fail('The unprotected ranges must be on the protected sheet.');
    return a1Of(boxOf(sheet, r));
  });
  sheet.protections.push(protection);
}

function deleteProtection(spreadsheet: FakeSpreadsheet, id: number | undefined): void {
  const sheet = spreadsheet.sheets.find((s) => s.protections.some((p) => p.id === id));
  if (sheet === undefined) fail(`No protected range with id ${String(id)}`);
  sheet.protections = sheet.protections.filter((p) => p.id !== id);
}

/** One request on the spreadsheet; a request the fake does not model throws (nothing untested passes). */
function applyOne(spreadsheet: FakeSpreadsheet, request: Request): void {
  const kinds = Object.keys(request).filter((k) => (request as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1) fail('exactly one kind per request');
  const r = request;
  if (r.updateCells) updateCells(spreadsheet, r.updateCells);
  else if (r.updateSheetProperties) updateSheetProperties(spreadsheet, r.updateSheetProperties);
  else if (r.addSheet) addSheet(spreadsheet, r.addSheet);
  else if (r.duplicateSheet) duplicateSheet(spreadsheet, r.duplicateSheet);
  else if (r.deleteSheet) deleteSheet(spreadsheet, r.deleteSheet.sheetId);
  else if (r.mergeCells) {
    if (r.mergeCells.mergeType !== 'MERGE_ALL') fail('the fake merges MERGE_ALL only');
    const range = r.mergeCells.range ?? fail('mergeCells needs a range');
    const sheet = sheetById(spreadsheet, range.sheetId);
    sheet.addMerge(boxOf(sheet, range));
  } else if (r.unmergeCells) {
    const range = r.unmergeCells.range ?? fail('unmergeCells needs a range');
    const sheet = sheetById(spreadsheet, range.sheetId);
    sheet.removeMerges(boxOf(sheet, range));
  } else if (r.updateDimensionProperties) dimension(spreadsheet, r.updateDimensionProperties);
  else if (r.autoResizeDimensions) {
    const d = r.autoResizeDimensions.dimensions ?? fail('autoResizeDimensions needs dimensions');
    const sheet = sheetById(spreadsheet, d.sheetId);
    if (d.dimension !== 'ROWS' || d.endIndex === undefined || d.endIndex > sheet.maxRows)
      fail('the fake fits bounded rows only');
    for (let i = (d.startIndex ?? 0) + 1; i <= d.endIndex; i++) sheet.autoFittedRows.add(i);
  } else if (r.setDataValidation) validation(spreadsheet, r.setDataValidation);
  else if (r.addConditionalFormatRule) conditional(spreadsheet, r.addConditionalFormatRule);
  else if (r.deleteConditionalFormatRule) {
    const sheet = sheetById(spreadsheet, r.deleteConditionalFormatRule.sheetId);
    const index = r.deleteConditionalFormatRule.index ?? 0;
    if (index >= sheet.conditionalRules.length) fail(`No conditional format rule at index ${index}`);
    sheet.conditionalRules.splice(index, 1);
  } else if (r.addProtectedRange) addProtection(spreadsheet, r.addProtectedRange);
  else if (r.deleteProtectedRange) deleteProtection(spreadsheet, r.deleteProtectedRange.protectedRangeId);
  else fail(`the fake does not know the request ${kinds[0]}`);
}

/**
 * A batchUpdate on the open spreadsheet: every request in order, and ATOMIC as Google documents it
 * (« if any request is not valid, the entire update fails and nothing is applied »): on a throw,
 * every sheet gets back what it held before.
 */
export function applyBatch(spreadsheet: FakeSpreadsheet, requests: Request[]): void {
  const before = [...spreadsheet.sheets];
  const saved = before.map((sheet) => sheet.cloneInto(spreadsheet, spreadsheet.calls));
  try {
    for (const request of requests) applyOne(spreadsheet, request);
  } catch (error) {
    before.forEach((sheet, i) => sheet.restoreFrom(saved[i]));
    spreadsheet.sheets = before;
    throw error;
  }
}

/** The names inside `part(...)` of a fields mask, or null when the mask does not ask for `part`. */
function subfields(fields: string, part: string): string[] | null {
  const at = fields.indexOf(`${part}(`);
  if (at < 0) return fields.split(/[,()]/).includes(part) ? [] : null;
  let depth = 0;
  let inner = '';
  for (const ch of fields.slice(at + part.length + 1)) {
    if (ch === '(') depth++;
    if (ch === ')' && depth-- === 0) break;
    inner += ch;
  }
  return inner.split(',').map((f) => f.replace(/\(.*$/, '').trim());
}

/** Only the keys the mask names (an empty list: every key), as the API answers a field mask. */
function pick<T extends object>(value: T, keys: string[]): Partial<T> {
  if (keys.length === 0) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => keys.includes(k))) as Partial<T>;
}

/**
 * Spreadsheets.get on the open spreadsheet: the parts of each sheet the fields mask names (sheet
 * properties, protected ranges, conditional format rules), and only their named keys, so that the host
 * cannot use what it did not ask for. `ranges` narrows to the sheets named in them.
 */
export function describeSpreadsheet(
  spreadsheet: FakeSpreadsheet,
  options: { fields?: string; ranges?: string[] },
): Schema {
  const fields = options.fields;
  if (typeof fields !== 'string') throw new Error('the host always asks for named fields');
  const titles = options.ranges?.map((r) =>
    r
      .replace(/!.*$/, '')
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'"),
  );
  const sheets = spreadsheet.sheets.filter((s) => titles === undefined || titles.includes(s.name));
  const props = subfields(fields, 'properties');
  const protections = subfields(fields, 'protectedRanges');
  const rules = subfields(fields, 'conditionalFormats');
  return {
    sheets: sheets.map((sheet) => {
      const out: GoogleAppsScript.Sheets.Schema.Sheet = {};
      if (props !== null)
        out.properties = pick(
          {
            sheetId: sheet.id,
            title: sheet.name,
            index: spreadsheet.sheets.indexOf(sheet),
            hidden: sheet.hidden,
          },
          props,
        );
      if (protections !== null)
        out.protectedRanges = sheet.protections.map((p) =>
          pick(
            {
              protectedRangeId: p.id,
              range: { sheetId: sheet.id },
              warningOnly: p.warningOnly,
              unprotectedRanges: p.unprotected.map((ref) => {
                const box = sheet.rangeAt(ref).box;
                return {
                  sheetId: sheet.id,
                  startRowIndex: box.r1 - 1,
                  endRowIndex: box.r2,
                  startColumnIndex: box.c1 - 1,
                  endColumnIndex: box.c2,
                };
              }),
            },
            protections,
          ),
        );
      if (rules !== null)
        out.conditionalFormats = sheet.conditionalRules.map(() => ({ ranges: [{ sheetId: sheet.id }] }));
      return out;
    }),
  };
}
