import type { Clock } from '../core/referentiel/lookup';
import type { FormId } from '../core/referentiel/types';
import { generateGrids } from '../core/workflows/generate';
import { previewRoster as previewWorkflow } from '../core/workflows/preview';
import { runControl as controlWorkflow } from '../core/workflows/control';
import {
  loadSettings as settingsWorkflow,
  runStatistics as statisticsWorkflow,
} from '../core/workflows/statistics';
import type {
  ControlResult,
  GenerateResult,
  RosterPreview,
  RosterSource,
  StatisticsSummary,
  StatsSettings,
} from '../core/workflows/types';
import { gridMap } from '../core/grid/map';
import { E4 } from '../core/referentiel';
import { parseRange, rangeA1 } from '../core/spec';
import type { GasCache, GasLock, GasSheetsApi, GasSpreadsheet, GasSpreadsheetApp } from './gas-types';
import { AppsScriptHost, type AppsScriptHostDeps } from './host';
import { createStatsSpreadsheet } from './stats-spreadsheet';

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
/** Tabs created per call: ~40 × (3–4 calls) stays far below 30 s whatever the latency we model. */
export const DEFAULT_CHUNK = 40;
export const MAX_CHUNK = 200;

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
  return {
    spreadsheet: deps.spreadsheet,
    app: deps.app,
    cache: deps.cache ?? undefined,
    useCache,
    readBlock: READ_BLOCK,
    createWorkbook: api === null ? undefined : createStatsSpreadsheet(api),
  };
}

export function previewRoster(deps: ServerDeps, source: RosterSource = {}): Promise<RosterPreview> {
  return withLock(deps, (host) => previewWorkflow(host, source));
}

export interface ChunkRequest {
  form: FormId;
  session: number;
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

/** Creates at most `chunkSize` tabs; `remaining` says how many candidates still lack one. Resumable. */
export function generateChunk(deps: ServerDeps, request: ChunkRequest): Promise<GenerateResult> {
  return withLock(
    deps,
    (host) =>
      generateGrids(host, {
        form: request.form,
        session: request.session,
        roster: request.roster ?? {},
        clock: deps.clock,
        maxNewTabs: chunkSize(request.chunkSize),
      }),
    request.fresh === false,
  );
}

/** The check, written into « Contrôle »; assessments are left out of the answer (the panel shows findings). */
export async function runControl(deps: ServerDeps): Promise<ControlResult> {
  const result = await withLock(deps, (host) => controlWorkflow(host, { clock: deps.clock, write: true }));
  return { ...result, assessments: [] };
}

export function loadSettings(deps: ServerDeps): Promise<StatsSettings> {
  return withLock(deps, (host) => settingsWorkflow(host));
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

/** A click on a finding: shows that cell of that tab. */
export async function selectCell(deps: ServerDeps, sheet: string, cell: string): Promise<void> {
  const target = deps.spreadsheet.getSheetByName(sheet);
  if (target === null) throw new Error(`L’onglet « ${sheet} » n’existe plus.`);
  target.getRange(cell).activate();
}
