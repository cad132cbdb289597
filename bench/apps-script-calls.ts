/// <reference types="google-apps-script" />
/**
 * Apps Script call budget: service calls per step and per chunk for a class of N candidates, counted
 * on the strict fake (test/fakes/apps-script: every SpreadsheetApp, CacheService and LockService call
 * is counted), driven as the sidebar drives it (generateChunk until remaining = 0, the first chunk
 * `fresh`), and the time they would take under an explicit latency model.
 * Targets: generation ≤ 5 calls per candidate + a constant ≤ 30; reading every tab ≤ 2 calls per tab;
 * every server call (one google.script.run execution) under 30 s.
 */
import {
  generateChunk,
  runControl,
  runStatistics,
  loadSettings,
  DEFAULT_CHUNK,
  type ServerDeps,
} from '../apps-script/server';
import { FakeSpreadsheet, FakeSpreadsheetApp } from '../test/fakes/apps-script/spreadsheet';
import { FakeCache, FakeLock, FakeSheetsApi } from '../test/fakes/apps-script/services';
import type { CallLog } from '../test/fakes/apps-script/calls';
import { nextChunkSize } from '../apps-script/chunking';

/**
 * Assumed latency per call, ms — NOT measured here (no Google account in CI); to re-measure in the
 * manual test (docs/recette-manuelle-sheets.md).
 * - write 30: order of magnitude of published measurements of SpreadsheetApp writes (a few hundred
 *   single-cell setValue calls take ~10 s, Google's « best practices » guide shows the same contrast);
 * - read 5: reads and getters answered from Apps Script's prefetch once the sheet is loaded (assumed);
 * - structure 200: inserting, deleting, resizing a tab (assumed: a tab copy is the slowest call);
 * - builder 0: DataValidationBuilder / ConditionalFormatRuleBuilder build a rule in memory, no
 *   round trip to the spreadsheet (counted in `calls`, not in `documentCalls`);
 * - cache 20, api 1000: CacheService, the Sheets advanced service (assumed), per call;
 * - inside a batchUpdate, per request (assumed, on top of the call): a tab added, copied or deleted
 *   costs `structure` (the server work of an insertSheet), any other request `request`.
 */
export const LATENCY_MS = {
  read: 5,
  write: 30,
  structure: 200,
  builder: 0,
  cache: 20,
  api: 1000,
  request: 5,
};

const STRUCTURE_REQUESTS = new Set(['addSheet', 'duplicateSheet', 'deleteSheet']);

/** The modelled server time of the requests applied in batchUpdates. */
export function requestsMs(requests: Record<string, number>): number {
  let ms = 0;
  for (const [kind, n] of Object.entries(requests))
    ms += n * (STRUCTURE_REQUESTS.has(kind) ? LATENCY_MS.structure : LATENCY_MS.request);
  return ms;
}

const STRUCTURE =
  /^(Spreadsheet\.(insertSheet|deleteSheet)|Sheet\.(deleteRows|deleteColumns|insertRowsAfter|insertColumnsAfter))$/;

function kindOf(method: string): Exclude<keyof typeof LATENCY_MS, 'request'> {
  if (method.startsWith('Sheets.')) return 'api';
  if (method.startsWith('Cache.')) return 'cache';
  if (/Builder\.|^SpreadsheetApp\.new/.test(method)) return 'builder';
  if (STRUCTURE.test(method)) return 'structure';
  if (/\.(get|is)|^Lock\./.test(method)) return 'read';
  return 'write';
}

export function modelledMs(calls: Record<string, number>, requests: Record<string, number> = {}): number {
  let ms = requestsMs(requests);
  for (const [method, n] of Object.entries(calls)) ms += n * LATENCY_MS[kindOf(method)];
  return ms;
}

/** Calls that reach the spreadsheet (builders excluded). */
export function documentCalls(calls: Record<string, number>): number {
  let n = 0;
  for (const [method, count] of Object.entries(calls)) if (kindOf(method) !== 'builder') n += count;
  return n;
}

export interface Row {
  candidates: number;
  step: string;
  /** Every counted call. */
  calls: number;
  /** Calls that reach the spreadsheet (rule builders excluded). */
  documentCalls: number;
  /** Server calls (google.script.run executions). */
  chunks: number;
  maxCallsPerChunk: number;
  /** documentCalls / candidates (per tab created, for a chunk row). */
  callsPerCandidate: number;
  /** The target for a chunk: 5 calls per tab created + 30; '' for other rows. */
  budget: number | '';
  /** Requests inside the batchUpdates, and the largest batch (KB of JSON). */
  requests: number;
  maxBatchKB: number;
  modelledSeconds: number;
  maxChunkSeconds: number;
  /** The latency model, for the printed table. */
  latencyMs: string;
}

export function roster(n: number): unknown[][] {
  const rows: unknown[][] = [['N° candidat', 'NOM', 'Prénom', 'Division']];
  for (let i = 1; i <= n; i++) rows.push([`0${26_000_000 + i}`, `NOM${i}`, `Prénom${i}`, 'BTS NDRC 2']);
  return rows;
}

export function benchDeps(spreadsheet: FakeSpreadsheet): ServerDeps {
  return {
    spreadsheet,
    app: new FakeSpreadsheetApp(spreadsheet),
    lock: new FakeLock(spreadsheet.calls),
    sheetsApi: new FakeSheetsApi(spreadsheet.calls, spreadsheet),
    cache: new FakeCache(spreadsheet.calls),
    clock: () => new Date(2026, 3, 1),
  };
}

export interface Measure {
  calls: number;
  documentCalls: number;
  ms: number;
  /** Tabs the call created (generation chunks). */
  created: number;
  /** Requests sent in batchUpdates, and the largest batch in KB of JSON. */
  requests: number;
  batchKB: number;
}

async function measured(calls: CallLog, work: () => Promise<unknown>): Promise<Measure> {
  calls.reset();
  const done = await work();
  const created = typeof done === 'number' ? done : 0;
  const snapshot = calls.snapshot();
  const requests = Object.fromEntries(calls.requests);
  return {
    calls: calls.total,
    documentCalls: documentCalls(snapshot),
    ms: modelledMs(snapshot, requests),
    created,
    requests: Object.values(requests).reduce((a, b) => a + b, 0),
    batchKB: Math.round(calls.largestBatchChars / 1024),
  };
}

const LATENCY_TEXT = Object.entries(LATENCY_MS)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');

function row(candidates: number, step: string, chunks: Measure[]): Row {
  const sum = (f: (m: Measure) => number): number => chunks.reduce((s, c) => s + f(c), 0);
  return {
    candidates,
    step,
    calls: sum((c) => c.calls),
    documentCalls: sum((c) => c.documentCalls),
    chunks: chunks.length,
    maxCallsPerChunk: Math.max(...chunks.map((c) => c.calls)),
    callsPerCandidate: Math.round((sum((c) => c.documentCalls) / candidates) * 100) / 100,
    budget: '',
    requests: sum((c) => c.requests),
    maxBatchKB: Math.max(...chunks.map((c) => c.batchKB)),
    modelledSeconds: Math.round(sum((c) => c.ms) / 100) / 10,
    maxChunkSeconds: Math.round(Math.max(...chunks.map((c) => c.ms)) / 100) / 10,
    latencyMs: LATENCY_TEXT,
  };
}

/** Every chunk of one generation run, as the sidebar drives it. */
export async function generationChunks(spreadsheet: FakeSpreadsheet, deps: ServerDeps): Promise<Measure[]> {
  const chunks: Measure[] = [];
  for (let remaining = 1, fresh = true, size = DEFAULT_CHUNK; remaining > 0; fresh = false) {
    chunks.push(
      await measured(spreadsheet.calls, async () => {
        const result = await generateChunk(deps, { form: 'ccf', session: 2026, chunkSize: size, fresh });
        size = nextChunkSize(result.remaining, DEFAULT_CHUNK);
        remaining = result.created.length === 0 ? 0 : result.remaining;
        return result.created.length;
      }),
    );
  }
  return chunks;
}

/** A chunk as a row: its calls against the budget of 5 calls per tab it created + 30. */
function chunkRow(candidates: number, step: string, chunk: Measure): Row {
  return {
    ...row(candidates, step, [chunk]),
    callsPerCandidate:
      chunk.created === 0 ? 0 : Math.round((chunk.documentCalls / chunk.created) * 100) / 100,
    budget: chunk.created * 5 + 30,
  };
}

/**
 * Calls per chunk, first (template built), the heaviest middle one and the last (« Suivi E4 »), with
 * insertSheet copying the template's protection or not (undocumented: both are measured).
 */
export async function generationChunkRows(sizes: number[] = [32, 600]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of sizes) {
    for (const copies of [true, false]) {
      const spreadsheet = new FakeSpreadsheet();
      spreadsheet.copiesProtections = copies;
      spreadsheet.addSheetWithValues('Liste', roster(n));
      const chunks = await generationChunks(spreadsheet, benchDeps(spreadsheet));
      const how = copies ? 'protections copiées' : 'protections non copiées';
      rows.push(chunkRow(n, `tranche 1/${chunks.length} (${how})`, chunks[0]));
      const middle = chunks.slice(1, -1);
      if (middle.length > 0) {
        const worst = middle.reduce((a, b) => (b.documentCalls > a.documentCalls ? b : a));
        rows.push(chunkRow(n, `tranche du milieu, la plus chère (${how})`, worst));
      }
      if (chunks.length > 1)
        rows.push(
          chunkRow(n, `tranche ${chunks.length}/${chunks.length} (${how})`, chunks[chunks.length - 1]),
        );
    }
  }
  return rows;
}

/** Bytes of JSON runControl sends back to the sidebar. */
export async function controlAnswerBytes(n: number): Promise<number> {
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.addSheetWithValues('Liste', roster(n));
  const deps = benchDeps(spreadsheet);
  await generationChunks(spreadsheet, deps);
  return Buffer.byteLength(JSON.stringify(await runControl(deps)));
}

export async function appsScriptCallBudget(sizes: number[] = [35, 600, 1500]): Promise<Row[]> {
  const rows: Row[] = [...(await generationChunkRows())];
  for (const n of sizes) {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.addSheetWithValues('Liste', roster(n));
    const deps = benchDeps(spreadsheet);
    const chunks = await generationChunks(spreadsheet, deps);
    rows.push(row(n, 'génération (tout)', chunks));
    rows.push(row(n, 'génération : 1re tranche (modèle construit)', chunks.slice(0, 1)));
    if (chunks.length > 1) rows.push(row(n, 'génération : dernière tranche', chunks.slice(-1)));
    rows.push(row(n, 'génération relancée (rien à créer)', await generationChunks(spreadsheet, deps)));
    rows.push(row(n, 'contrôle', [await measured(spreadsheet.calls, () => runControl(deps))]));
    const settings = await loadSettings(deps);
    rows.push(
      row(n, 'statistiques', [
        await measured(spreadsheet.calls, () => runStatistics(deps, { settings, nominatif: false })),
      ]),
    );
  }
  return rows;
}

if (require.main === module) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const work = sizes.length > 0 ? generationChunkRows(sizes) : appsScriptCallBudget();
  work.then(async (rows) => {
    console.log(
      `Latence supposée par appel (ms) : ${LATENCY_TEXT} — hypothèses, voir bench/apps-script-calls.ts`,
    );
    console.table(rows.map(({ latencyMs: _l, ...r }) => r));
    for (const n of sizes)
      console.log(`runControl, ${n} candidats : ${await controlAnswerBytes(n)} octets de JSON`);
  });
}
