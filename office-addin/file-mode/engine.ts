import type { Clock } from '../../core/referentiel/lookup';
import type { FormId } from '../../core/referentiel/types';
import type { CellValue, SheetSpec } from '../../core/spec/types';
import { runControl } from '../../core/workflows/control';
import { generateGrids } from '../../core/workflows/generate';
import { loadSettings, runStatistics } from '../../core/workflows/statistics';
import type { SessionRequest } from '../../core/workflows/session';
import type { ControlResult, GenerateResult, StatisticsSummary } from '../../core/workflows/types';
import { XlsxHost } from '../../xlsx/host';
import { renderWorkbookSpec } from '../../xlsx/render';

/**
 * File mode (Excel below ExcelApi 1.8, or the page outside Excel): the same workflows as the command
 * line, on .xlsx bytes in the page, through XlsxHost's public API only. Loaded lazily (its own chunk):
 * nothing leaves the computer.
 */

export interface GridsOptions {
  form: FormId;
  /** A year, or how the pane asks for one: then the roster's title decides (chooseSession). */
  session: number | SessionRequest;
  clock: Clock;
  /** The roster's sheet; default: the first sheet with a roster header. */
  sheet?: string;
}

/** The complete grids workbook made from a roster workbook (the roster sheet is kept, like the CLI). */
export async function gridsFromWorkbook(
  bytes: Uint8Array,
  options: GridsOptions,
): Promise<{ result: GenerateResult; bytes: Uint8Array }> {
  const host = await XlsxHost.fromBytes(bytes);
  const roster = options.sheet === undefined ? {} : { sheet: options.sheet };
  const result = await generateGrids(host, { ...options, roster });
  return { result, bytes: await host.toBytes() };
}

/** The roster read from Excel's selection (values as Office.js gives them) as a one-sheet workbook. */
export async function rosterWorkbook(sheet: string, rows: CellValue[][]): Promise<Uint8Array> {
  const cols = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const spec: SheetSpec = {
    name: sheet,
    kind: 'report',
    size: { rows: Math.max(rows.length, 1), cols: Math.max(cols, 1) },
    cells: rows.flatMap((row, r) =>
      row.flatMap((value, c) => (value === null || value === '' ? [] : [{ r: r + 1, c: c + 1, value }])),
    ),
    styles: {},
    columns: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
  };
  return renderWorkbookSpec({ title: sheet, sheets: [spec] });
}

/** « Contrôle » and « Suivi E4 » written into a copy of the grids workbook. */
export async function controlWorkbook(
  bytes: Uint8Array,
  clock: Clock,
): Promise<{ result: ControlResult; bytes: Uint8Array }> {
  const host = await XlsxHost.fromBytes(bytes);
  const result = await runControl(host, { clock, write: true });
  return { result, bytes: await host.toBytes() };
}

/** The statistics workbook of a grids workbook, with the settings it remembers. */
export async function statisticsWorkbook(
  bytes: Uint8Array,
  clock: Clock,
  nominatif: boolean,
): Promise<{ summary: StatisticsSummary; bytes: Uint8Array | undefined }> {
  const host = await XlsxHost.fromBytes(bytes);
  const settings = await loadSettings(host);
  const run = await runStatistics(host, { clock, settings, nominatif, persistSettings: false });
  return { summary: run.summary, bytes: run.created.bytes };
}
