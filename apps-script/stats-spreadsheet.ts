/// <reference types="google-apps-script" />
import type { CreatedWorkbook } from '../core/port';
import type { SheetSpec, WorkbookSpec } from '../core/spec';
import type { GasSheetsApi } from './gas-types';
import { cellsRequest, color, columnRequests, mergeRequests, type Request } from './sheet-requests';
import { statsChartRequests } from './stats-charts';

/** A sheet of the statistics workbook: its cells, merges and columns (sheet-requests.ts). */
function sheetRequests(spec: SheetSpec, sheetId: number, gids: Map<string, number>): Request[] {
  const resolve = (name: string): number | null => gids.get(name) ?? null;
  const cells = cellsRequest(spec, sheetId, resolve, { textCells: false });
  return [
    ...(cells === null ? [] : [cells]),
    ...mergeRequests(sheetId, spec.merges),
    ...columnRequests(sheetId, spec.columns),
  ];
}

/**
 * The statistics workbook as a new spreadsheet in the user's Drive, in two calls of the Sheets
 * advanced service (create, then one batchUpdate), under the `spreadsheets` scope that the host's
 * writes to the open spreadsheet need anyway (see docs/host-facts/apps-script.md, « Portées »).
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
