/// <reference types="google-apps-script" />
/**
 * The exact slice of the Apps Script surface the host uses. Each interface is a narrowing of the real
 * one from @types/google-apps-script (checked at the bottom: the real objects are assignable to
 * these), so the host runs on SpreadsheetApp unchanged, while the strict fake in
 * test/fakes/apps-script implements exactly this — nothing more can creep in unnoticed.
 * Rule objects and enum members are opaque tokens here: the host only passes them back.
 */
import S = GoogleAppsScript.Spreadsheet;

export type Opaque = unknown;

export interface GasRange {
  getValues(): unknown[][];
  setValues(values: unknown[][]): GasRange;
  setFormulas(formulas: string[][]): GasRange;
  getA1Notation(): string;
  getSheet(): GasSheet;
  merge(): GasRange;
  mergeAcross(): GasRange;
  breakApart(): GasRange;
  setFontWeights(fontWeights: Array<Array<'bold' | 'normal' | null>>): GasRange;
  setFontStyles(fontStyles: Array<Array<'italic' | 'normal' | null>>): GasRange;
  setFontSizes(sizes: number[][]): GasRange;
  setFontColors(colors: Array<Array<string | null>>): GasRange;
  setBackgrounds(color: Array<Array<string | null>>): GasRange;
  setHorizontalAlignments(alignments: Array<Array<'left' | 'center' | 'normal' | 'right' | null>>): GasRange;
  setVerticalAlignments(alignments: Array<Array<'top' | 'middle' | 'bottom' | null>>): GasRange;
  setWraps(isWrapEnabled: boolean[][]): GasRange;
  setDataValidations(rules: Opaque[][]): GasRange;
  setDataValidation(rule: Opaque): GasRange;
  clearDataValidations(): GasRange;
  activate(): GasRange;
}

export interface GasRangeList {
  setNumberFormat(format: string): GasRangeList;
  setFontWeight(fontWeight: string | null): GasRangeList;
  setFontStyle(fontStyle: string | null): GasRangeList;
  setFontSize(size: number): GasRangeList;
  setFontColor(color: string | null): GasRangeList;
  setBackground(color: string | null): GasRangeList;
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRangeList;
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GasRangeList;
  setWrap(isWrapEnabled: boolean): GasRangeList;
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color: string | null,
    style: Opaque,
  ): GasRangeList;
  getRanges(): GasRange[];
}

export interface GasProtection {
  setWarningOnly(warningOnly: boolean): GasProtection;
  setUnprotectedRanges(ranges: GasRange[]): GasProtection;
  getUnprotectedRanges(): GasRange[];
  isWarningOnly(): boolean;
  remove(): void;
}

export interface GasSheet {
  getName(): string;
  getSheetId(): number;
  getRange(a1Notation: string): GasRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GasRange;
  getRangeList(a1Notations: string[]): GasRangeList;
  getDataRange(): GasRange;
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][];
  getMaxRows(): number;
  getMaxColumns(): number;
  deleteRows(rowPosition: number, howMany: number): void;
  deleteColumns(columnPosition: number, howMany: number): void;
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet;
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet;
  clear(): GasSheet;
  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet;
  hideColumns(columnIndex: number): void;
  setRowHeight(rowPosition: number, height: number): GasSheet;
  setRowHeights(startRow: number, numRows: number, height: number): GasSheet;
  autoResizeRows(startRow: number, numRows: number): GasSheet;
  setName(name: string): GasSheet;
  hideSheet(): GasSheet;
  showSheet(): GasSheet;
  isSheetHidden(): boolean;
  setFrozenRows(rows: number): void;
  setTabColor(color: string | null): GasSheet;
  setConditionalFormatRules(rules: Opaque[]): void;
  protect(): GasProtection;
  getProtections(type: Opaque): GasProtection[];
}

export interface GasSpreadsheet {
  getSheets(): GasSheet[];
  getSheetByName(name: string): GasSheet | null;
  getNumSheets(): number;
  insertSheet(sheetName: string, sheetIndex: number): GasSheet;
  insertSheet(sheetName: string, sheetIndex: number, options: { template?: GasSheet }): GasSheet;
  deleteSheet(sheet: GasSheet): void;
  getActiveSheet(): GasSheet;
  getActiveRange(): GasRange | null;
  getId(): string;
}

export interface GasDataValidationBuilder {
  requireValueInList(values: string[], showDropdown: boolean): GasDataValidationBuilder;
  requireNumberBetween(start: number, end: number): GasDataValidationBuilder;
  requireDate(): GasDataValidationBuilder;
  setAllowInvalid(allowInvalidData: boolean): GasDataValidationBuilder;
  setHelpText(helpText: string): GasDataValidationBuilder;
  build(): Opaque;
}

export interface GasConditionalFormatRuleBuilder {
  whenFormulaSatisfied(formula: string): GasConditionalFormatRuleBuilder;
  setBackground(color: string | null): GasConditionalFormatRuleBuilder;
  setFontColor(color: string | null): GasConditionalFormatRuleBuilder;
  setItalic(italic: boolean | null): GasConditionalFormatRuleBuilder;
  setRanges(ranges: GasRange[]): GasConditionalFormatRuleBuilder;
  build(): Opaque;
}

/** The SpreadsheetApp members used: the active spreadsheet, rule builders and enums. */
export interface GasSpreadsheetApp {
  getActiveSpreadsheet(): GasSpreadsheet;
  newDataValidation(): GasDataValidationBuilder;
  newConditionalFormatRule(): GasConditionalFormatRuleBuilder;
  BorderStyle: { SOLID: Opaque; SOLID_MEDIUM: Opaque; SOLID_THICK: Opaque };
  ProtectionType: { SHEET: Opaque };
}

/**
 * The Sheets advanced service (Sheets API v4) members used: the statistics spreadsheet is created with
 * it, and the open spreadsheet's tabs are listed (get) and written (batchUpdate, atomic) with it.
 */
export interface GasSheetsApi {
  Spreadsheets: {
    create(resource: GoogleAppsScript.Sheets.Schema.Spreadsheet): GoogleAppsScript.Sheets.Schema.Spreadsheet;
    get(spreadsheetId: string, optionalArgs: object): GoogleAppsScript.Sheets.Schema.Spreadsheet;
    batchUpdate(
      resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
      spreadsheetId: string,
    ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse;
  };
}

/** CacheService's document cache: what lets a chunk skip re-reading every tab's marker. */
export interface GasCache {
  getAll(keys: string[]): Record<string, string>;
  putAll(values: Record<string, string>, expirationInSeconds: number): void;
  removeAll(keys: string[]): void;
}

export interface GasLock {
  waitLock(timeoutInMillis: number): void;
  releaseLock(): void;
}

// Compile-time proof that the real services fit these slices (no runtime effect).
export type RealFits = [
  S.Range extends GasRange ? true : never,
  S.RangeList extends GasRangeList ? true : never,
  S.Protection extends GasProtection ? true : never,
  S.Sheet extends GasSheet ? true : never,
  S.Spreadsheet extends GasSpreadsheet ? true : never,
  S.DataValidationBuilder extends GasDataValidationBuilder ? true : never,
  S.ConditionalFormatRuleBuilder extends GasConditionalFormatRuleBuilder ? true : never,
  S.SpreadsheetApp extends GasSpreadsheetApp ? true : never,
  GoogleAppsScript.Sheets extends GasSheetsApi ? true : never,
  GoogleAppsScript.Lock.Lock extends GasLock ? true : never,
  GoogleAppsScript.Cache.Cache extends GasCache ? true : never,
];
export const REAL_FITS: RealFits = [true, true, true, true, true, true, true, true, true, true, true];
