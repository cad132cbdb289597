/**
 * The Sheets sidebar in real Chromium, over the real built code: dist/apps-script/Sidebar.html in the
 * page, dist/apps-script/Code.js in a Node vm whose globals are the strict SpreadsheetApp fake (as
 * test/apps-script/code-vm.test.ts loads it), and between them a `google.script.run` stub that
 * forwards each call through a playwright exposeFunction bridge. Every other request is blocked.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import type { Browser, Page } from 'playwright-core';
import { FakeSpreadsheet, appsScriptGlobals } from '../fakes/apps-script';
import { TEMPLATE_PREFIX } from '../../apps-script/template-name';

const ROOT = path.resolve(__dirname, '../..');
export const GAS_DIST = path.join(ROOT, 'dist/apps-script');
/** Never resolvable (.invalid, RFC 2606): the page is fulfilled by the route, nothing leaves the machine. */
export const SIDEBAR_URL = 'https://sidebar.invalid/Sidebar.html';
/** The message Apps Script gives when it stops an execution at its time limit. */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

/** Tabs the workbook holds besides the candidates' grids. */
const NOT_GRIDS = ['Suivi E4', 'Contrôle', 'Paramètres E4'];

export function readBuilt(file: 'Code.js' | 'Sidebar.html'): string {
  const full = path.join(GAS_DIST, file);
  if (!existsSync(full))
    throw new Error(`${full} absent: run npx webpack --config webpack.gas.config.js --mode production.`);
  return readFileSync(full, 'utf8');
}

export type Answer = { ok: true; value: unknown } | { ok: false; message: string };

export interface ScriptCall {
  name: string;
  args: unknown[];
  answer: Answer;
}

/**
 * A planned cut: after `skip` executions of `fn`, the next `times` ones die at their
 * (afterBatches + 1)-th batchUpdate — before Google applies it, or, with `applied`, right after
 * (the tabs exist, the answer never comes back).
 */
export interface Cut {
  fn: string;
  skip: number;
  afterBatches: number;
  applied?: boolean;
  times: number;
}

/** google.script.run refuses Dates, functions and the like, inside objects too (checked across realms). */
function illegal(value: unknown, where: string): string | null {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return null;
  if (typeof value !== 'object') return `${where}: ${typeof value}`;
  const tag = Object.prototype.toString.call(value);
  if (tag !== '[object Object]' && tag !== '[object Array]') return `${where}: ${tag}`;
  for (const [key, inner] of Object.entries(value)) {
    const found = illegal(inner, `${where}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

function messageOf(error: unknown): string {
  // Errors thrown inside the vm are of another realm: read the message, not instanceof.
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

/**
 * One class workbook behind the sidebar: the fake spreadsheet, its services, the built Code.js loaded
 * over them, and the log of every google.script.run call.
 */
export class SheetsBackend {
  readonly services: ReturnType<typeof appsScriptGlobals>;
  readonly functions: string[];
  readonly log: ScriptCall[] = [];
  /** When set, generateChunk is called with this chunk size (the sidebar's own is 40). */
  chunkSize: number | null = null;
  private readonly context: vm.Context;
  private cut: Cut | null = null;
  private execution = { dead: false, dying: false, batches: 0, cutAt: -1, applied: false };

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    code: string = readBuilt('Code.js'),
  ) {
    this.services = appsScriptGlobals(spreadsheet);
    const globals: Record<string, unknown> = { ...this.services.globals, Date, console };
    this.context = vm.createContext({ ...globals });
    vm.runInContext(code, this.context, { filename: 'Code.js' });
    // What google.script.run can reach: the script's top-level functions (a trailing _ marks a private one).
    this.functions = Object.entries(this.context)
      .filter(([name, value]) => typeof value === 'function' && !(name in globals) && !name.endsWith('_'))
      .map(([name]) => name);
    this.watchServiceCalls();
  }

  /**
   * Every service call of the fake goes through its CallLog: a cut execution makes that call and every
   * later one throw, as nothing runs after Apps Script stops a script (not even its `finally`).
   */
  private watchServiceCalls(): void {
    const log = this.spreadsheet.calls;
    const count = log.count.bind(log);
    log.count = (name: string): void => {
      const run = this.execution;
      if (run.dead) throw new Error(TIME_LIMIT_MESSAGE);
      if (run.dying) {
        run.dead = true;
        throw new Error(TIME_LIMIT_MESSAGE);
      }
      if (name === 'Sheets.Spreadsheets.batchUpdate' && run.cutAt >= 0 && run.batches++ >= run.cutAt) {
        if (run.applied) run.dying = true;
        else {
          run.dead = true;
          throw new Error(TIME_LIMIT_MESSAGE);
        }
      }
      count(name);
    };
  }

  cutExecutions(cut: Cut): void {
    this.cut = { ...cut };
  }

  /** One google.script.run call, as one Apps Script execution. */
  run(name: string, rawArgs: unknown[]): Answer {
    const answer = this.execute(name, rawArgs);
    this.log.push({ name, args: rawArgs, answer });
    return answer;
  }

  private execute(name: string, rawArgs: unknown[]): Answer {
    const fn = (this.context as Record<string, unknown>)[name];
    if (!this.functions.includes(name) || typeof fn !== 'function')
      return { ok: false, message: `Script function not found: ${name}` };
    const bad = illegal(rawArgs, 'argument');
    if (bad !== null) return { ok: false, message: `Illegal ${bad}` };
    const args = this.shrinkChunk(name, rawArgs);
    const cut = this.nextCut(name);
    this.execution = {
      dead: false,
      dying: false,
      batches: 0,
      cutAt: cut === null ? -1 : cut.afterBatches,
      applied: cut?.applied === true,
    };
    try {
      const value: unknown = (fn as (...a: unknown[]) => unknown)(...args);
      if (this.execution.dead) return { ok: false, message: TIME_LIMIT_MESSAGE };
      const wrong = illegal(value, 'result');
      if (wrong !== null) return { ok: false, message: `Illegal ${wrong}` };
      return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    } finally {
      // Apps Script frees the document lock when the execution ends, however it ends.
      if (this.execution.dead) this.services.lock.held = false;
      this.execution = { dead: false, dying: false, batches: 0, cutAt: -1, applied: false };
    }
  }

  private nextCut(name: string): Cut | null {
    const cut = this.cut;
    if (cut === null || cut.fn !== name || cut.times === 0) return null;
    if (cut.skip > 0) {
      cut.skip--;
      return null;
    }
    cut.times--;
    return cut;
  }

  private shrinkChunk(name: string, args: unknown[]): unknown[] {
    const [request] = args;
    if (
      name !== 'generateChunk' ||
      this.chunkSize === null ||
      typeof request !== 'object' ||
      request === null
    )
      return args;
    return [{ ...request, chunkSize: this.chunkSize }, ...args.slice(1)];
  }

  /** The candidates' grid tabs: neither the roster, the recap, the check, the settings nor the template. */
  gridTabs(rosterSheets: string[]): string[] {
    return this.spreadsheet.sheets
      .map((s) => s.name)
      .filter((n) => !rosterSheets.includes(n) && !NOT_GRIDS.includes(n) && !n.startsWith(TEMPLATE_PREFIX));
  }

  calledChunks(): ScriptCall[] {
    return this.log.filter((c) => c.name === 'generateChunk');
  }
}

/** A fake spreadsheet holding these tabs (values as getValues gives them). */
export function workbookOf(sheets: Array<{ name: string; values: unknown[][] }>): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet();
  for (const sheet of sheets) spreadsheet.addSheetWithValues(sheet.name, sheet.values);
  return spreadsheet;
}

export interface SidebarPage {
  page: Page;
  blocked: string[];
  /** Every state the progress bar showed, « value/max | label », in order, without repeats. */
  progress(): Promise<string[]>;
  /** Dialogs the page opened (alert, confirm…): none expected. */
  dialogs: string[];
}

/**
 * google.script.run over the exposed function: a runner per handler pair, one method per top-level
 * function of Code.js, handlers called asynchronously with a JSON copy of the answer.
 */
function installRunner(functions: string[]): void {
  interface Runner {
    [name: string]: unknown;
  }
  type Handler = ((value: unknown) => void) | null;
  const target = window as unknown as {
    __gasCall: (name: string, args: unknown[]) => Promise<Answer>;
    google: { script: { run: Runner } };
  };
  const make = (success: Handler, failure: Handler): Runner => {
    const runner: Runner = {
      withSuccessHandler: (handler: Handler) => make(handler, failure),
      withFailureHandler: (handler: Handler) => make(success, handler),
    };
    for (const name of functions) {
      runner[name] = (...args: unknown[]): void => {
        void target.__gasCall(name, args).then((answer) => {
          if (answer.ok) success?.(answer.value);
          else if (failure) failure(new Error(answer.message));
          else console.error(answer.message);
        });
      };
    }
    return runner;
  };
  target.google = { script: { run: make(null, null) } };
}

/** Records the progress bar's value/max each time it changes (it is hidden again once a run ends). */
function watchProgress(): void {
  const seen: string[] = [];
  (window as unknown as { __progress: string[] }).__progress = seen;
  new MutationObserver((records) => {
    for (const record of records) {
      const bar = record.target;
      if (!(bar instanceof HTMLProgressElement) || !bar.hasAttribute('value')) continue;
      // The label is written right after the bar, before observers run: « value/max | label ».
      const label = document.getElementById('ge4-progress-label')?.textContent ?? '';
      const entry = `${bar.getAttribute('value')}/${bar.getAttribute('max')} | ${label}`;
      if (seen[seen.length - 1] !== entry) seen.push(entry);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['value', 'max'] });
}

/** Opens the built sidebar as HtmlService would serve it, wired to `backend`. */
export async function openSidebar(browser: Browser, backend: SheetsBackend): Promise<SidebarPage> {
  const html = readBuilt('Sidebar.html');
  // The sidebar's width in Google Sheets is 300 px.
  const page = await browser.newPage({ viewport: { width: 300, height: 900 }, locale: 'fr-FR' });
  const blocked: string[] = [];
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === SIDEBAR_URL) return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  await page.exposeFunction('__gasCall', (name: string, args: unknown[]) => backend.run(name, args));
  await page.addInitScript(watchProgress);
  await page.addInitScript(installRunner, backend.functions);
  await page.goto(SIDEBAR_URL);
  const progress = (): Promise<string[]> =>
    page.evaluate(() => [...(window as unknown as { __progress: string[] }).__progress]);
  return { page, blocked, progress, dialogs };
}
