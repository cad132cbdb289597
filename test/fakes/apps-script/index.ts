export { CallLog } from './calls';
export {
  FakeSpreadsheet,
  FakeSpreadsheetApp,
  CELL_LIMIT,
  NEW_SHEET_ROWS,
  NEW_SHEET_COLS,
} from './spreadsheet';
export { FakeSheet, FakeProtection } from './sheet';
export { FakeRange, FakeRangeList } from './range';
export type { FakeCell, FakeValidation } from './cells';

import { FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';

/** A fresh fake spreadsheet with one empty « Feuille 1 » and its SpreadsheetApp. */
export function newFakeWorkbook(): { spreadsheet: FakeSpreadsheet; app: FakeSpreadsheetApp } {
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.addSheetWithValues('Feuille 1', []);
  return { spreadsheet, app: new FakeSpreadsheetApp(spreadsheet) };
}
export { FakeCache, FakeLock, FakeSheetsApi, FakeSpreadsheetAppWithUi, appsScriptGlobals } from './services';

import { FakeSheetsApi } from './services';

/** The Sheets advanced service over this fake spreadsheet (for a host built by hand in a test). */
export function sheetsApiOf(spreadsheet: FakeSpreadsheet): FakeSheetsApi {
  return new FakeSheetsApi(spreadsheet.calls, spreadsheet);
}
