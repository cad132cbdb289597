/// <reference types="google-apps-script" />
/**
 * The exact slice of the Apps Script surface the host uses. Each interface is a narrowing of the real
 * one from @types/google-apps-script (checked at the bottom: the real objects are assignable to
 * these), so the host runs on the real services unchanged, while the strict fake in
 * test/fakes/apps-script implements this — nothing more can creep in unnoticed. SpreadsheetApp is only
 * read (values, names, the selection); every write goes through the Sheets advanced service.
 */
import S = GoogleAppsScript.Spreadsheet;

export type Opaque = unknown;

export interface GasRange {
  getValues(): unknown[][];
  getA1Notation(): string;
  getSheet(): GasSheet;
  activate(): GasRange;
}

/** A tab, for reading: every write goes through the Sheets advanced service (GasSheetsApi). */
export interface GasSheet {
  getName(): string;
  getSheetId(): number;
  getRange(a1Notation: string): GasRange;
  getDataRange(): GasRange;
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][];
  getMaxRows(): number;
  getMaxColumns(): number;
}

export interface GasSpreadsheet {
  getSheets(): GasSheet[];
  getSheetByName(name: string): GasSheet | null;
  getActiveSheet(): GasSheet;
  getActiveRange(): GasRange | null;
  getId(): string;
}

/** The SpreadsheetApp member used: the active spreadsheet. */
export interface GasSpreadsheetApp {
  getActiveSpreadsheet(): GasSpreadsheet;
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
  S.Sheet extends GasSheet ? true : never,
  S.Spreadsheet extends GasSpreadsheet ? true : never,
  S.SpreadsheetApp extends GasSpreadsheetApp ? true : never,
  GoogleAppsScript.Sheets extends GasSheetsApi ? true : never,
  GoogleAppsScript.Lock.Lock extends GasLock ? true : never,
  GoogleAppsScript.Cache.Cache extends GasCache ? true : never,
];
export const REAL_FITS: RealFits = [true, true, true, true, true, true, true];
