import type { GasSpreadsheet, GasSpreadsheetApp, Opaque } from '../../../apps-script/gas-types';
import { CallLog } from './calls';
import type { FakeValidation } from './cells';
import { FakeRange } from './range';
import { FakeSheet, PROTECTION_SHEET } from './sheet';

/** Google Sheets' hard limit on a spreadsheet. */
export const CELL_LIMIT = 10_000_000;
/** What insertSheet gives without a template. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLS = 26;
/** Longest tab name Sheets accepts (modelled). */
export const MAX_NAME = 100;

export class FakeSpreadsheet implements GasSpreadsheet {
  sheets: FakeSheet[] = [];
  /** The user's active sheet and selection; null = the first sheet, cell A1 (as a newly opened file). */
  active: { sheet: string; range: string } | null = null;
  /** Whether insertSheet from a hidden template gives a hidden copy (undocumented: both are tested). */
  copiesKeepHidden = true;
  /** Whether insertSheet from a protected template gives a protected copy (undocumented: both are tested). */
  copiesProtections = true;
  nextId = 0;

  constructor(
    readonly calls: CallLog = new CallLog(),
    readonly id = 'fake-spreadsheet-id',
  ) {}

  /** Test helper (not counted): a sheet with these values from A1. */
  addSheetWithValues(name: string, values: unknown[][]): FakeSheet {
    const rows = Math.max(NEW_SHEET_ROWS, values.length);
    const cols = Math.max(NEW_SHEET_COLS, ...values.map((row) => row.length));
    const sheet = this.create(name, this.sheets.length, rows, cols);
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        if (value === null || value === undefined || value === '') return;
        sheet.cell(i + 1, j + 1).value = value as string | number | boolean | Date;
      }),
    );
    return sheet;
  }

  /** Test helper (not counted): an independent copy of the whole spreadsheet, with a new call log. */
  clone(): FakeSpreadsheet {
    const copy = new FakeSpreadsheet(new CallLog(), this.id);
    copy.active = this.active === null ? null : { ...this.active };
    copy.copiesKeepHidden = this.copiesKeepHidden;
    copy.copiesProtections = this.copiesProtections;
    copy.nextId = this.nextId;
    copy.sheets = this.sheets.map((sheet) => sheet.cloneInto(copy, copy.calls));
    return copy;
  }

  /** Test helper (not counted). */
  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (sheet === undefined) throw new Error(`fake: no sheet ${name}`);
    return sheet;
  }

  get cellCount(): number {
    return this.sheets.reduce((sum, sheet) => sum + sheet.cellCount, 0);
  }

  ensureRoom(extra: number): void {
    if (this.cellCount + extra > CELL_LIMIT) {
      throw new Error(
        `Exception: This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
      );
    }
  }

  checkName(name: string, renamed?: FakeSheet): void {
    if (typeof name !== 'string' || name.trim() === '')
      throw new Error('Exception: Sheet name must not be empty.');
    if (name.length > MAX_NAME)
      throw new Error(`Exception: Sheet name is longer than ${MAX_NAME} characters.`);
    if (this.sheets.some((s) => s !== renamed && s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(
        `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
  }

  private create(name: string, index: number, rows: number, cols: number, template?: FakeSheet): FakeSheet {
    this.checkName(name);
    if (!Number.isInteger(index) || index < 0 || index > this.sheets.length) {
      throw new Error(`Exception: Invalid argument: sheetIndex (${index})`);
    }
    this.ensureRoom(rows * cols);
    const id = this.nextId++;
    const sheet = template
      ? template.copyAs(name, id)
      : new FakeSheet(this, name, id, rows, cols, this.calls);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  getSheets(): FakeSheet[] {
    this.calls.count('Spreadsheet.getSheets');
    return [...this.sheets];
  }

  getNumSheets(): number {
    this.calls.count('Spreadsheet.getNumSheets');
    return this.sheets.length;
  }

  getSheetByName(name: string): FakeSheet | null {
    this.calls.count('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  insertSheet(sheetName: string, sheetIndex: number, options?: { template?: FakeSheet }): FakeSheet {
    this.calls.count('Spreadsheet.insertSheet');
    const template = options?.template;
    if (template !== undefined) {
      if (!(template instanceof FakeSheet) || !this.sheets.includes(template)) {
        throw new Error('Exception: The template sheet must belong to this spreadsheet.');
      }
      return this.create(sheetName, sheetIndex, template.maxRows, template.maxCols, template);
    }
    return this.create(sheetName, sheetIndex, NEW_SHEET_ROWS, NEW_SHEET_COLS);
  }

  deleteSheet(sheet: FakeSheet): void {
    this.calls.count('Spreadsheet.deleteSheet');
    if (!(sheet instanceof FakeSheet) || !this.sheets.includes(sheet))
      throw new Error('Exception: Sheet not found.');
    if (this.sheets.length === 1) {
      throw new Error("Exception: You can't remove all the sheets in a document.");
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
  }

  /** The sheet the user is on (the first one until something is activated). */
  getActiveSheet(): FakeSheet {
    this.calls.count('Spreadsheet.getActiveSheet');
    return this.activeSheet();
  }

  /** The user's selection: a cell at least (A1 of the first sheet until something is activated). */
  getActiveRange(): FakeRange | null {
    this.calls.count('Spreadsheet.getActiveRange');
    const sheet = this.activeSheet();
    const ref = this.active?.range ?? 'A1';
    this.calls.uncount('Sheet.getRange');
    return sheet.getRange(ref);
  }

  /** Test helper (not counted): the user clicks on a tab and selects `range` there. */
  select(sheet: string, range = 'A1'): void {
    this.sheet(sheet);
    this.active = { sheet, range };
  }

  private activeSheet(): FakeSheet {
    const named = this.active === null ? undefined : this.sheets.find((s) => s.name === this.active?.sheet);
    const sheet = named ?? this.sheets[0];
    if (sheet === undefined) throw new Error('Exception: The spreadsheet has no sheet.');
    return sheet;
  }

  getId(): string {
    this.calls.count('Spreadsheet.getId');
    return this.id;
  }
}

class FakeValidationBuilder {
  private rule: FakeValidation = { kind: 'list', allowInvalid: true };

  constructor(private readonly calls: CallLog) {}

  requireValueInList(values: string[], _showDropdown: boolean): FakeValidationBuilder {
    this.calls.count('DataValidationBuilder.requireValueInList');
    if (values.length > 500) throw new Error('Exception: A list may hold at most 500 items.');
    this.rule = { ...this.rule, kind: 'list', values: [...values] };
    return this;
  }

  requireNumberBetween(start: number, end: number): FakeValidationBuilder {
    this.calls.count('DataValidationBuilder.requireNumberBetween');
    this.rule = { ...this.rule, kind: 'number', min: start, max: end };
    return this;
  }

  requireDate(): FakeValidationBuilder {
    this.calls.count('DataValidationBuilder.requireDate');
    this.rule = { ...this.rule, kind: 'date' };
    return this;
  }

  setAllowInvalid(allowInvalidData: boolean): FakeValidationBuilder {
    this.calls.count('DataValidationBuilder.setAllowInvalid');
    this.rule = { ...this.rule, allowInvalid: allowInvalidData };
    return this;
  }

  setHelpText(helpText: string): FakeValidationBuilder {
    this.calls.count('DataValidationBuilder.setHelpText');
    this.rule = { ...this.rule, helpText };
    return this;
  }

  build(): Opaque {
    this.calls.count('DataValidationBuilder.build');
    return { ...this.rule };
  }
}

export interface FakeConditionalRule {
  formula: string;
  background?: string | null;
  fontColor?: string | null;
  italic?: boolean | null;
  ranges: string[];
}

class FakeConditionalBuilder {
  private rule: FakeConditionalRule = { formula: '', ranges: [] };

  constructor(private readonly calls: CallLog) {}

  whenFormulaSatisfied(formula: string): FakeConditionalBuilder {
    this.calls.count('ConditionalFormatRuleBuilder.whenFormulaSatisfied');
    if (!formula.startsWith('=')) throw new Error('Exception: The formula must start with "=".');
    this.rule.formula = formula;
    return this;
  }

  setBackground(color: string | null): FakeConditionalBuilder {
    this.calls.count('ConditionalFormatRuleBuilder.setBackground');
    this.rule.background = color;
    return this;
  }

  setFontColor(color: string | null): FakeConditionalBuilder {
    this.calls.count('ConditionalFormatRuleBuilder.setFontColor');
    this.rule.fontColor = color;
    return this;
  }

  setItalic(italic: boolean | null): FakeConditionalBuilder {
    this.calls.count('ConditionalFormatRuleBuilder.setItalic');
    this.rule.italic = italic;
    return this;
  }

  setRanges(ranges: FakeRange[]): FakeConditionalBuilder {
    this.calls.count('ConditionalFormatRuleBuilder.setRanges');
    this.rule.ranges = ranges.map((range) => (range instanceof FakeRange ? range.a1() : '?'));
    return this;
  }

  build(): Opaque {
    this.calls.count('ConditionalFormatRuleBuilder.build');
    if (this.rule.ranges.length === 0) throw new Error('Exception: A conditional format rule needs ranges.');
    return { ...this.rule };
  }
}

export class FakeSpreadsheetApp implements GasSpreadsheetApp {
  readonly BorderStyle = {
    SOLID: { name: 'SOLID' },
    SOLID_MEDIUM: { name: 'SOLID_MEDIUM' },
    SOLID_THICK: { name: 'SOLID_THICK' },
  };
  readonly ProtectionType = { SHEET: PROTECTION_SHEET };

  constructor(readonly spreadsheet: FakeSpreadsheet) {}

  get calls(): CallLog {
    return this.spreadsheet.calls;
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.calls.count('SpreadsheetApp.getActiveSpreadsheet');
    return this.spreadsheet;
  }

  newDataValidation(): FakeValidationBuilder {
    this.calls.count('SpreadsheetApp.newDataValidation');
    return new FakeValidationBuilder(this.calls);
  }

  newConditionalFormatRule(): FakeConditionalBuilder {
    this.calls.count('SpreadsheetApp.newConditionalFormatRule');
    return new FakeConditionalBuilder(this.calls);
  }
}
