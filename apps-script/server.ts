import type { Clock } from '../core/referentiel/lookup';
import type { FormId } from '../core/referentiel/types';
import { generateGrids } from '../core/workflows/generate';
import { previewRoster as previewWorkflow } from '../core/workflows/preview';
import { runControl as controlWorkflow } from '../core/workflows/control';
import { runStatistics as statisticsWorkflow } from '../core/workflows/statistics';
import { runConsolidatedStatistics as consolidatedWorkflow } from '../core/workflows/consolidate';
import { unpackDigest, type PackedDigest } from '../core/workflows/digest-pack';
import { foreignSheets, scanWorkbook } from '../core/workflows/scan';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_RANGE } from '../core/settings/sheet';
import { SETTINGS_SHEET } from '../core/grid/naming';
import { readMarker } from '../core/grid/marker';
import { MARKER_COL, MARKER_ROWS } from '../core/grid/geometry';
import type { CellValue } from '../core/spec';
import type {
  GenerateResult,
  RosterPreview,
  RosterSource,
  StatisticsSummary,
  StatsSettings,
} from '../core/workflows/types';
import type { SessionRequest } from '../core/workflows/session';
import { gridMap } from '../core/grid/map';
import { E4 } from '../core/referentiel';
import { parseRange, rangeA1 } from '../core/spec';
import type { GasCache, GasLock, GasSheetsApi, GasSpreadsheet, GasSpreadsheetApp } from './gas-types';
import { AppsScriptHost, toRows, type AppsScriptHostDeps } from './host';
import { createStatsSpreadsheet } from './stats-spreadsheet';
import { packFindings, type ControlAnswer } from './findings-pack';

/** What the server functions need; main.ts passes the real services, the tests the fake. */
export interface ServerDeps {
  spreadsheet: GasSpreadsheet;
  app: GasSpreadsheetApp;
  lock: GasLock;
  /** The Sheets advanced service; null when it is not enabled. */
  sheetsApi: GasSheetsApi | null;
  /** CacheService's document cache; null when Apps Script gives none (every chunk then lists the tabs). */
  cache: GasCache | null;
  clock: Clock;
}

/**
 * The block read once per tab: the part of the grid read range common to every form (it holds the
 * marker column). It must fit inside every grid tab — a read past a trimmed tab's edge throws and
 * costs 3 more calls — so a form with a longer grid reads its few extra rows in one more call.
 */
export const READ_BLOCK = rangeA1(
  (['ccf', 'ponctuel'] as const)
    .map((form) => parseRange(gridMap(E4, form).readRange))
    .reduce((a, b) => ({ r1: 1, c1: 1, r2: Math.min(a.r2, b.r2), c2: Math.min(a.c2, b.c2) })),
);

/** Long enough to wait for another user's chunk (each is well under 30 s), short enough to say so. */
export const LOCK_WAIT_MS = 30_000;
/**
 * Tabs created per call. A chunk costs ~13 service calls whatever its size (one batchUpdate); what
 * grows with it is the batch's server time (modelled 200 ms per tab copied: ~14 s for 40 tabs).
 */
export const DEFAULT_CHUNK = 40;
export const MAX_CHUNK = 200;

/** The add-on writes the tabs through the Sheets advanced service (appsscript.json enables it). */
export const SHEETS_MISSING =
  "Le service avancé Google Sheets n'est pas activé pour ce module (Extensions › Apps Script › Services › Google Sheets API) : activez-le puis relancez.";

export const BUSY_MESSAGE =
  'Un autre traitement est en cours sur ce classeur (peut-être par un collègue) : réessayez dans un instant.';

/**
 * Each server call takes the document lock: two people pressing « Créer les onglets » at once are
 * served one after the other, and each chunk lists the tabs again after taking the lock (the host is
 * new per call), so a tab created by the other run is found by its marker and never duplicated.
 */
async function withLock<T>(
  deps: ServerDeps,
  work: (host: AppsScriptHost) => Promise<T>,
  useCache = false,
): Promise<T> {
  try {
    deps.lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new Error(BUSY_MESSAGE);
  }
  try {
    const host = new AppsScriptHost(hostDeps(deps, useCache));
    const result = await work(host);
    host.saveState();
    return result;
  } finally {
    deps.lock.releaseLock();
  }
}

function hostDeps(deps: ServerDeps, useCache: boolean): AppsScriptHostDeps {
  const api = deps.sheetsApi;
  if (api === null) throw new Error(SHEETS_MISSING);
  return {
    spreadsheet: deps.spreadsheet,
    sheetsApi: api,
    cache: deps.cache ?? undefined,
    useCache,
    readBlock: READ_BLOCK,
    createWorkbook: createStatsSpreadsheet(api),
  };
}

/** The preview, with the roster source it read and the sheets the user may pick instead. */
export type PreviewAnswer = RosterPreview & {
  /** What generateChunk must be given to read the same roster. */
  source: RosterSource;
  /** The user's own sheets (not the add-in's tabs), in workbook order: where a roster may be. */
  sheets: string[];
};

/**
 * The roster the user points at: the selection when it covers several cells (its rows), else the
 * active sheet. A sheet chosen in the panel wins. When the active sheet holds no roster (a candidate
 * tab is open, say), the workbook's first sheet with a roster header is read, and the preview names it.
 */
export function previewRoster(deps: ServerDeps, source?: RosterSource): Promise<PreviewAnswer> {
  return withLock(deps, async (host) => {
    const sheets = foreignSheets(await scanWorkbook(host));
    const picked = source?.sheet !== undefined;
    let read = picked ? (source as RosterSource) : activeSource(deps.spreadsheet);
    // The add-in's own tabs (a candidate's grid is open, say) are never a roster.
    if (!picked && !sheets.includes(read.sheet ?? '')) read = {};
    let preview = await previewWorkflow(host, read);
    if (preview.header === null && !picked && read.sheet !== undefined) {
      read = {};
      preview = await previewWorkflow(host, read);
    }
    return {
      ...preview,
      source: read.sheet === undefined && preview.sheet !== null ? { sheet: preview.sheet } : read,
      sheets,
    };
  });
}

/** The active selection as a roster source: 3 calls. A single cell means its whole sheet. */
export function activeSource(spreadsheet: GasSpreadsheet): RosterSource {
  const range = spreadsheet.getActiveRange();
  if (range === null) return { sheet: spreadsheet.getActiveSheet().getName() };
  const sheet = range.getSheet().getName();
  const a1 = range.getA1Notation();
  return /^[A-Z]+\d+:[A-Z]+\d+$/i.test(a1) && !/^([A-Z]+\d+):\1$/i.test(a1)
    ? { sheet, range: a1 }
    : { sheet };
}

export interface ChunkRequest {
  form: FormId;
  /** A year, or how the sidebar asks for one: then the roster's title decides (chooseSession). */
  session: number | SessionRequest;
  chunkSize?: number;
  roster?: RosterSource;
  /**
   * The first chunk of a run: list and read every tab. Later chunks (false) trust the tab list the
   * previous chunk left in the document cache while the sheet count matches.
   */
  fresh?: boolean;
}

function chunkSize(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_CHUNK;
  return Math.max(1, Math.min(MAX_CHUNK, Math.floor(requested)));
}

/**
 * The chunk that builds the template (in its batch, once per layout) creates up to this many times
 * `chunkSize` tabs: 70 tabs and the template stay under 30 s modelled (24 s, see the bench).
 */
export const TEMPLATE_CHUNK_FACTOR = 1.75;

/** Creates at most `chunkSize` tabs; `remaining` says how many candidates still lack one. Resumable. */
export function generateChunk(deps: ServerDeps, request: ChunkRequest): Promise<GenerateResult> {
  const size = chunkSize(request.chunkSize);
  return withLock(
    deps,
    (host) =>
      generateGrids(host, {
        form: request.form,
        session: request.session,
        roster: request.roster ?? {},
        clock: deps.clock,
        maxNewTabs: host.templateReady()
          ? size
          : Math.min(MAX_CHUNK, Math.floor(size * TEMPLATE_CHUNK_FACTOR)),
      }),
    request.fresh === false,
  );
}

/**
 * The check, written into « Contrôle ». The answer carries what the panel shows: the summary and the
 * findings, packed (see findings-pack.ts); the assessments are left out.
 */
export async function runControl(deps: ServerDeps): Promise<ControlAnswer> {
  const result = await withLock(deps, (host) => controlWorkflow(host, { clock: deps.clock, write: true }));
  const { findings, ...rest } = result;
  return { ...rest, assessments: [], packed: packFindings(findings) };
}

/**
 * The statistics settings, read from « Paramètres E4 » alone (4 calls whatever the class size): the
 * panel asks for them when it opens the statistics step. Absent, renamed or not ours: the defaults.
 */
export function loadSettings(deps: ServerDeps): Promise<StatsSettings> {
  return withLock(deps, async () => {
    const sheet = deps.spreadsheet.getSheetByName(SETTINGS_SHEET);
    if (sheet === null) return { ...DEFAULT_SETTINGS };
    const box = parseRange(SETTINGS_RANGE);
    const rows = Math.max(box.r2, MARKER_ROWS);
    let values: CellValue[][];
    try {
      values = toRows(sheet.getSheetValues(1, 1, rows, MARKER_COL));
    } catch {
      // A tab trimmed by hand: its marker cannot be there either.
      return { ...DEFAULT_SETTINGS };
    }
    const marker = readMarker(values.map((row) => [row[MARKER_COL - 1]]));
    if (marker?.kind !== 'settings') return { ...DEFAULT_SETTINGS };
    return { ...DEFAULT_SETTINGS, ...readSettings(values) };
  });
}

export type StatisticsAnswer = StatisticsSummary & { url?: string; downloadUrl?: string };

/** Statistics as a new Google Sheet in the user's Drive: a link to open it and one to get the .xlsx. */
export async function runStatistics(
  deps: ServerDeps,
  options: { settings: StatsSettings; nominatif: boolean },
): Promise<StatisticsAnswer> {
  const run = await withLock(deps, (host) =>
    statisticsWorkflow(host, {
      clock: deps.clock,
      settings: options.settings,
      nominatif: options.nominatif,
      persistSettings: true,
    }),
  );
  const url = run.created.location;
  const id = url === undefined ? undefined : /\/d\/([^/]+)/.exec(url)?.[1];
  return {
    ...run.summary,
    url,
    downloadUrl:
      id === undefined ? undefined : `https://docs.google.com/spreadsheets/d/${id}/export?format=xlsx`,
  };
}

/** A click on a finding: shows that cell of that tab (under the lock, like every server function). */
export function selectCell(deps: ServerDeps, sheet: string, cell: string): Promise<void> {
  return withLock(deps, async () => {
    const target = deps.spreadsheet.getSheetByName(sheet);
    if (target === null) throw new Error(`L'onglet « ${sheet} » n'existe plus.`);
    target.getRange(cell).activate();
  });
}

/** What the sidebar sends for « Ajouter d'autres classeurs… »: the picked workbooks already read. */
export interface ConsolidatedRequest {
  settings: StatsSettings;
  nominatif: boolean;
  /** The picked workbooks' digests (xlsx/picked.ts), read in the sidebar: never the files. */
  others: PackedDigest[];
}

/** The open spreadsheet in the « Classeurs » sheet, as the Excel pane names the open workbook. */
export const OPEN_SPREADSHEET = 'Classeur ouvert';

/**
 * Statistics over the open spreadsheet's grids and the workbooks picked in the sidebar: one new Google
 * Sheet with the « Classeurs » sheet, the notes (workbooks counted, duplicates) for the panel.
 */
export async function runConsolidatedStatistics(
  deps: ServerDeps,
  request: ConsolidatedRequest,
): Promise<StatisticsAnswer & { notes: string[] }> {
  const run = await withLock(deps, (host) =>
    consolidatedWorkflow(host, request.others.map(unpackDigest), {
      clock: deps.clock,
      settings: request.settings,
      nominatif: request.nominatif,
      persistSettings: true,
      currentName: OPEN_SPREADSHEET,
    }),
  );
  return { ...run.summary, ...statsLinks(run.created.location), notes: run.notes };
}

function statsLinks(url: string | undefined): { url?: string; downloadUrl?: string } {
  const id = url === undefined ? undefined : /\/d\/([^/]+)/.exec(url)?.[1];
  return {
    url,
    downloadUrl:
      id === undefined ? undefined : `https://docs.google.com/spreadsheets/d/${id}/export?format=xlsx`,
  };
}
