/// <reference types="google-apps-script" />
import type { GasCache, GasLock, GasSheetsApi } from '../../../apps-script/gas-types';
import type { CallLog } from './calls';
import { FakeSpreadsheetApp, type FakeSpreadsheet } from './spreadsheet';
import { applyBatch, describeSpreadsheet } from './batch';

type Schema = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type BatchRequest = GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest;

/**
 * LockService's document lock. One execution at a time: `holder` simulates another user's execution
 * holding it (waitLock then times out, as Apps Script throws after the wait).
 */
export class FakeLock implements GasLock {
  held = false;
  otherHolder = false;
  acquisitions = 0;

  constructor(private readonly calls: CallLog) {}

  waitLock(timeoutInMillis: number): void {
    this.calls.count('Lock.waitLock');
    if (this.otherHolder || this.held) {
      throw new Error(
        `Exception: Lock timeout: another process was holding the lock for too long (${timeoutInMillis} ms).`,
      );
    }
    this.held = true;
    this.acquisitions++;
  }

  releaseLock(): void {
    this.calls.count('Lock.releaseLock');
    this.held = false;
  }
}

/** Documented limits of CacheService: 250-character keys, 100 KB per value, 6 hours at most. */
export const CACHE_MAX_KEY = 250;
export const CACHE_MAX_VALUE = 100 * 1024;
export const CACHE_MAX_SECONDS = 21_600;

/** CacheService's document cache. `evict()` simulates Google dropping entries (a cache may always miss). */
export class FakeCache implements GasCache {
  readonly store = new Map<string, string>();

  constructor(private readonly calls: CallLog) {}

  getAll(keys: string[]): Record<string, string> {
    this.calls.count('Cache.getAll');
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.store.get(key);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }

  putAll(values: Record<string, string>, expirationInSeconds: number): void {
    this.calls.count('Cache.putAll');
    if (expirationInSeconds > CACHE_MAX_SECONDS)
      throw new Error('Exception: Invalid argument: expirationInSeconds');
    for (const [key, value] of Object.entries(values)) {
      if (key.length > CACHE_MAX_KEY) throw new Error('Exception: Argument too large: key');
      if (typeof value !== 'string' || value.length > CACHE_MAX_VALUE)
        throw new Error('Exception: Argument too large: value');
    }
    for (const [key, value] of Object.entries(values)) this.store.set(key, value);
  }

  removeAll(keys: string[]): void {
    this.calls.count('Cache.removeAll');
    for (const key of keys) this.store.delete(key);
  }

  evict(): void {
    this.store.clear();
  }
}

export interface CreatedFile {
  id: string;
  resource: Schema;
  requests: NonNullable<BatchRequest['requests']>;
}

/**
 * The Sheets advanced service. On a new file (the statistics spreadsheet): create + batchUpdate,
 * recorded. On the open spreadsheet (`current`): get (sheet properties, protected ranges) and
 * batchUpdate applied to the fake, atomically (batch.ts); each call is one counted round trip, and a
 * fault injected at it applies nothing.
 */
export class FakeSheetsApi implements GasSheetsApi {
  readonly files: CreatedFile[] = [];
  /** The requests of every batchUpdate applied to the open spreadsheet, in order (for the tests). */
  readonly batches: Array<NonNullable<BatchRequest['requests']>> = [];

  constructor(
    private readonly calls: CallLog,
    private readonly current?: FakeSpreadsheet,
  ) {}

  readonly Spreadsheets = {
    create: (resource: Schema): Schema => {
      this.calls.count('Sheets.Spreadsheets.create');
      const id = `stats-${this.files.length + 1}`;
      const titles = (resource.sheets ?? []).map((s) => s.properties?.title ?? '');
      if (new Set(titles.map((t) => t.toLowerCase())).size !== titles.length) {
        throw new Error('API call to sheets.spreadsheets.create failed with error: duplicate sheet title');
      }
      this.files.push({ id, resource, requests: [] });
      return {
        ...resource,
        spreadsheetId: id,
        spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
      };
    },
    get: (spreadsheetId: string, optionalArgs: object): Schema => {
      this.calls.count('Sheets.Spreadsheets.get');
      if (this.current === undefined || spreadsheetId !== this.current.id)
        throw new Error(
          'API call to sheets.spreadsheets.get failed with error: Requested entity was not found.',
        );
      return describeSpreadsheet(this.current, optionalArgs as { fields?: string; ranges?: string[] });
    },
    batchUpdate: (resource: BatchRequest, spreadsheetId: string) => {
      this.calls.count('Sheets.Spreadsheets.batchUpdate');
      const requests = resource.requests ?? [];
      for (const request of requests) {
        if (Object.keys(request).length !== 1)
          throw new Error('Invalid request: exactly one kind per request');
      }
      if (this.current !== undefined && spreadsheetId === this.current.id) {
        if (requests.length === 0)
          throw new Error('API call to sheets.spreadsheets.batchUpdate failed with error: no requests');
        applyBatch(this.current, requests);
        this.batches.push(requests);
        this.calls.noteBatch(
          requests.map((r) => Object.keys(r)[0]),
          JSON.stringify(requests).length,
        );
        return { spreadsheetId, replies: requests.map(() => ({})) };
      }
      const file = this.files.find((f) => f.id === spreadsheetId);
      if (file === undefined)
        throw new Error(
          'API call to sheets.spreadsheets.batchUpdate failed with error: Requested entity was not found.',
        );
      file.requests.push(...requests);
      return { spreadsheetId, replies: [] };
    },
  };
}

export interface MenuRecord {
  items: Array<{ caption: string; functionName: string }>;
  added: boolean;
}

/** SpreadsheetApp with getUi(): the add-on menu and the sidebar are recorded for the tests. */
export class FakeSpreadsheetAppWithUi extends FakeSpreadsheetApp {
  readonly menus: MenuRecord[] = [];
  sidebar: { file: string; title: string } | null = null;

  getUi() {
    this.calls.count('SpreadsheetApp.getUi');
    const calls = this.calls;
    const menus = this.menus;
    const setSidebar = (html: { file: string; title: string }): void => {
      this.sidebar = html;
    };
    return {
      createAddonMenu() {
        calls.count('Ui.createAddonMenu');
        const menu: MenuRecord = { items: [], added: false };
        menus.push(menu);
        const api = {
          addItem(caption: string, functionName: string) {
            calls.count('Menu.addItem');
            menu.items.push({ caption, functionName });
            return api;
          },
          addToUi() {
            calls.count('Menu.addToUi');
            menu.added = true;
          },
        };
        return api;
      },
      showSidebar(html: { file: string; title: string }) {
        calls.count('Ui.showSidebar');
        setSidebar(html);
      },
    };
  }
}

export const fakeHtmlService = {
  createHtmlOutputFromFile(file: string) {
    const output = {
      file,
      title: '',
      setTitle(title: string) {
        output.title = title;
        return output;
      },
    };
    return output;
  },
};

/** Everything a built Code.js expects as globals, over one fake spreadsheet. */
export function appsScriptGlobals(spreadsheet: FakeSpreadsheet) {
  const app = new FakeSpreadsheetAppWithUi(spreadsheet);
  const lock = new FakeLock(spreadsheet.calls);
  const sheets = new FakeSheetsApi(spreadsheet.calls, spreadsheet);
  const cache = new FakeCache(spreadsheet.calls);
  return {
    app,
    lock,
    sheets,
    cache,
    globals: {
      SpreadsheetApp: app,
      LockService: { getDocumentLock: () => lock },
      CacheService: { getDocumentCache: () => cache },
      HtmlService: fakeHtmlService,
      Sheets: sheets,
    },
  };
}
