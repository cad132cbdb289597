/**
 * The Apps Script entry (gas-webpack-plugin): every `global.x = function x…` below becomes a top-level
 * `function x` in Code.js, which is what google.script.run and the triggers can call. Keep the
 * `global.` form: an `export function` is not seen by the plugin.
 */
import type { ChunkRequest, ConsolidatedRequest, ServerDeps } from './server';
import * as server from './server';
import { runSync } from './sync-promise';
import type { RosterSource, StatsSettings } from '../core/workflows/types';

declare const global: Record<string, unknown>;

function deps(): ServerDeps {
  return {
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
    app: SpreadsheetApp,
    lock: LockService.getDocumentLock(),
    sheetsApi: typeof Sheets === 'undefined' || Sheets === undefined ? null : Sheets,
    cache: CacheService.getDocumentCache(),
    clock: () => new Date(),
  };
}

/** google.script.run refuses Date values in a result: send plain JSON (dates as ISO text). */
function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Simple trigger: no authorisation is available here, so only the menu is built. */
global.onOpen = function onOpen(): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Ouvrir', 'showSidebar').addToUi();
};

global.onInstall = function onInstall(): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Ouvrir', 'showSidebar').addToUi();
};

global.showSidebar = function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Grilles E4');
  SpreadsheetApp.getUi().showSidebar(html);
};

global.previewRoster = function previewRoster(source?: RosterSource) {
  return plain(runSync(() => server.previewRoster(deps(), source)));
};

global.generateChunk = function generateChunk(request: ChunkRequest) {
  return plain(runSync(() => server.generateChunk(deps(), request)));
};

global.runControl = function runControl() {
  return plain(runSync(() => server.runControl(deps())));
};

global.loadSettings = function loadSettings() {
  return plain(runSync(() => server.loadSettings(deps())));
};

global.runStatistics = function runStatistics(options: { settings: StatsSettings; nominatif: boolean }) {
  return plain(runSync(() => server.runStatistics(deps(), options)));
};

global.runConsolidatedStatistics = function runConsolidatedStatistics(request: ConsolidatedRequest) {
  return plain(runSync(() => server.runConsolidatedStatistics(deps(), request)));
};

global.selectCell = function selectCell(sheet: string, cell: string) {
  return plain(runSync(() => server.selectCell(deps(), sheet, cell)));
};
