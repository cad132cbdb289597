import type {
  ApplyPlan,
  ApplyResult,
  CreatedWorkbook,
  HostPort,
  NewSheet,
  ProgressFn,
  RangeRequest,
} from '../core/port';
import { planIsEmpty } from '../core/port';
import type { CellSpec, CellValue, RangeBox, SheetSpec, WorkbookSpec } from '../core/spec';
import { parseRange } from '../core/spec';
import { MARKER_RANGE, readMarker, type TabMarker } from '../core/grid/marker';
import type { GasCache, GasSheet, GasSheetsApi, GasSpreadsheet } from './gas-types';
import { inputGrid, isTextCell } from './cell-input';
import { dropScan, loadScan, saveScan, type CachedSheet } from './scan-cache';
import { templateName, TEMPLATE_PREFIX } from './template-name';
import { protectionRequest, renderRequests, valueRequests, type Request } from './sheet-requests';

export { TEMPLATE_PREFIX } from './template-name';

type ProtectedRange = GoogleAppsScript.Sheets.Schema.ProtectedRange;

export interface AppsScriptHostDeps {
  spreadsheet: GasSpreadsheet;
  /**
   * The Sheets advanced service: lists the tabs (names, gids, protections) in one get, and writes
   * every change of a call in one atomic batchUpdate (or a few, by payload size).
   */
  sheetsApi: GasSheetsApi;
  /** Creates the statistics spreadsheet (Sheets advanced service); absent = not offered. */
  createWorkbook?: (spec: WorkbookSpec) => CreatedWorkbook;
  /** The document cache; absent = every call lists and reads the tabs itself. */
  cache?: GasCache;
  /**
   * Trust the cached markers when the tabs (ids and names, in order, from one get) are exactly those
   * the cache lists (the later chunks of one run). The first chunk of a run, and every other call,
   * read the markers themselves.
   */
  useCache?: boolean;
  /**
   * A rectangle from A1 read whole, once per tab, the first time any range inside it is asked for
   * (a candidate tab's marker AND its grid): reading every tab then costs 2 calls (getName,
   * getSheetValues) instead of 5.
   */
  readBlock?: string;
}

/** One tab as the host knows it: the Sheet object is fetched only when needed (cached mode). */
interface Entry {
  name: string;
  sheet: GasSheet | null;
  gid: number;
  /** Values of MARKER_RANGE (column), null until read or written. */
  marker: CellValue[] | null;
}

/** One tab as Spreadsheets.get lists it. */
interface Listed {
  id: number;
  title: string;
  hidden: boolean;
  protections: ProtectedRange[];
}

/** Everything the host needs of the tabs, for every tab, in one call. */
export const TAB_FIELDS = 'sheets(properties(sheetId,title,index,hidden),protectedRanges(protectedRangeId))';

/** A tab's protections in full: asked only for the one tab a repair copies (600 tabs: ~2 MB otherwise). */
const PROTECTION_FIELDS = 'sheets(protectedRanges(range,unprotectedRanges,warningOnly))';

/** Requests kept in one batch: a tab is created whole or not at all. */
interface Unit {
  requests: Request[];
  /** A candidate tab this unit creates (progress is said when its batch is applied). */
  created?: string;
}

/** A batchUpdate payload stays well under the API's limits; units are never split. */
export const MAX_BATCH_CHARS = 2_000_000;

const MARKER_BOX = parseRange(MARKER_RANGE);

/** Google's « A sheet with the name "X" already exists » in French; other errors unchanged. */
export function frenchSheetError(error: unknown, name: string): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (!/already exists/i.test(message)) return error;
  return new Error(
    `Un onglet nommé « ${name} » existe déjà (un onglet a sans doute été renommé pendant la création). Relancez « Créer les onglets » : les onglets seront relus.`,
  );
}

function toCellValue(raw: unknown): CellValue {
  if (raw instanceof Date || typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean')
    return raw;
  return null;
}

/** Text stays text: a « 12,5 » typed in a decimal-point locale comes back as a string, for the core. */
export function toRows(values: unknown[][]): CellValue[][] {
  return values.map((row) => row.map(toCellValue));
}

function inside(box: RangeBox, outer: RangeBox): boolean {
  return box.r1 >= outer.r1 && box.c1 >= outer.c1 && box.r2 <= outer.r2 && box.c2 <= outer.c2;
}

/** The sub-rectangle `box` of a block read from `from`, padded with '' past the block's edge. */
function slice(block: CellValue[][], from: RangeBox, box: RangeBox): CellValue[][] {
  return Array.from({ length: box.r2 - box.r1 + 1 }, (_, i) =>
    Array.from(
      { length: box.c2 - box.c1 + 1 },
      (_, j) => block[box.r1 - from.r1 + i]?.[box.c1 - from.c1 + j] ?? '',
    ),
  );
}

/** What getValues gives back for the marker column of cells written by this host. */
function writtenMarker(cells: CellSpec[]): CellValue[] {
  return inputGrid(MARKER_BOX, cells, () => null).map((row) => row[0]);
}

/** A sheetId the spreadsheet does not use: 9 digits, chosen by the host so that a batch can name it. */
function newSheetId(taken: Set<number>): number {
  for (;;) {
    const id = 100_000_000 + Math.floor(Math.random() * 900_000_000);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** The tab's identity from the values of its marker column, or null. */
function markerOf(values: CellValue[] | null): TabMarker | null {
  return values === null ? null : readMarker(values.map((v) => [v]));
}

/**
 * The core's host port over Google Sheets, counted in service calls (each one a round trip):
 * - listing: one Sheets.Spreadsheets.get gives every tab's name, gid, visibility and protections;
 * - reading: SpreadsheetApp, one getSheetValues per tab for a whole block (marker and grid together);
 * - writing: everything a call changes — the template, each candidate tab (duplicateSheet of the
 *   template, its own cells, its protection), « Suivi E4 » and the like, renames, updates — goes in
 *   ONE batchUpdate of the advanced service (split by payload size, never inside a tab's requests).
 *   A batchUpdate is atomic: a tab is created whole or not at all, whatever the fault;
 * - the template is built once per layout (its name carries a hash of its spec), hidden, unprotected,
 *   and kept for later chunks and runs;
 * - the tab list and markers are kept in the document cache between the chunks of one run, trusted
 *   only when the listed ids and names are exactly the cached ones.
 * This host writes nothing through SpreadsheetApp, so no SpreadsheetApp.flush() is needed before the
 * advanced service reads or writes (it would be: the advanced service does not see unflushed writes).
 */
export class AppsScriptHost implements HostPort {
  private entries: Entry[] | null = null;
  private listed: Map<number, Listed> = new Map();
  private spreadsheetId: string | null = null;
  private fromCache = false;
  private changed = false;
  private readonly blocks = new Map<string, CellValue[][]>();
  private readonly block: RangeBox | null;

  constructor(private readonly deps: AppsScriptHostDeps) {
    this.block = deps.readBlock === undefined ? null : parseRange(deps.readBlock);
  }

  /** Whether this call's markers came from the cache (tests and the bench report it). */
  get usedCache(): boolean {
    return this.fromCache;
  }

  private id(): string {
    if (this.spreadsheetId === null) this.spreadsheetId = this.deps.spreadsheet.getId();
    return this.spreadsheetId;
  }

  /** Every tab in order, from one Spreadsheets.get. */
  private fetchTabs(): Listed[] {
    let answer: GoogleAppsScript.Sheets.Schema.Spreadsheet;
    try {
      answer = this.deps.sheetsApi.Spreadsheets.get(this.id(), { fields: TAB_FIELDS });
    } catch (error) {
      throw frenchBatchError(error);
    }
    return (answer.sheets ?? []).map((sheet) => ({
      id: sheet.properties?.sheetId ?? 0,
      title: sheet.properties?.title ?? '',
      hidden: sheet.properties?.hidden === true,
      protections: sheet.protectedRanges ?? [],
    }));
  }

  private list(): Entry[] {
    if (this.entries !== null) return this.entries;
    const { cache, spreadsheet } = this.deps;
    const tabs = this.fetchTabs();
    this.listed = new Map(tabs.map((t) => [t.id, t]));
    if (cache !== undefined && this.deps.useCache === true) {
      const state = loadScan(cache);
      if (state !== null && sameTabs(state.sheets, tabs)) {
        this.fromCache = true;
        this.entries = state.sheets.map((s) => ({ ...s, sheet: null }));
        return this.entries;
      }
    }
    // Sheet objects named by getName (the reads go through them); gids from the listing.
    const gids = new Map(tabs.map((t) => [t.title, t.id]));
    this.entries = spreadsheet.getSheets().map((sheet) => {
      const name = sheet.getName();
      return { name, sheet, gid: gids.get(name) ?? sheet.getSheetId(), marker: null };
    });
    for (const entry of this.entries) if (entry.name.startsWith(TEMPLATE_PREFIX)) entry.marker = [];
    return this.entries;
  }

  private entry(name: string): Entry | undefined {
    return this.list().find((e) => e.name === name);
  }

  private sheetOf(entry: Entry): GasSheet {
    if (entry.sheet === null) {
      entry.sheet = this.deps.spreadsheet.getSheetByName(entry.name);
      if (entry.sheet === null) throw new Error(`Onglet introuvable : ${entry.name}`);
    }
    return entry.sheet;
  }

  /** Whether a template is already built: the chunk that must build one may create more tabs. */
  templateReady(): boolean {
    return this.templates().length > 0;
  }

  async listSheets(): Promise<string[]> {
    return this.list()
      .map((e) => e.name)
      .filter((name) => !name.startsWith(TEMPLATE_PREFIX));
  }

  async readRanges(requests: RangeRequest[]): Promise<CellValue[][][]> {
    return requests.map((request) => {
      const entry = this.entry(request.sheet);
      if (entry === undefined) return [];
      if (request.range === undefined) return toRows(this.sheetOf(entry).getDataRange().getValues());
      const box = parseRange(request.range);
      if (request.range === MARKER_RANGE && entry.marker !== null)
        return slice(
          entry.marker.map((v) => [v]),
          MARKER_BOX,
          box,
        );
      const values =
        this.block !== null && inside(box, this.block)
          ? slice(this.blockOf(entry), this.block, box)
          : this.read(entry, box);
      if (request.range === MARKER_RANGE) entry.marker = values.map((row) => row[0]);
      return values;
    });
  }

  /** The readBlock of a tab, read once; its marker is noted on the way. */
  private blockOf(entry: Entry): CellValue[][] {
    const known = this.blocks.get(entry.name);
    if (known !== undefined) return known;
    const block = this.block as RangeBox;
    const values = this.read(entry, block);
    this.blocks.set(entry.name, values);
    if (inside(MARKER_BOX, block)) entry.marker = slice(values, block, MARKER_BOX).map((row) => row[0]);
    return values;
  }

  /**
   * One getSheetValues, rows × columns of the request even where the tab is smaller (trimmed tabs
   * are): Sheets throws past the sheet's edge, so only then is the block clipped and padded with ''.
   */
  private read(entry: Entry, box: RangeBox): CellValue[][] {
    const sheet = this.sheetOf(entry);
    const rows = box.r2 - box.r1 + 1;
    const cols = box.c2 - box.c1 + 1;
    try {
      return toRows(sheet.getSheetValues(box.r1, box.c1, rows, cols));
    } catch {
      const fitRows = Math.min(box.r2, sheet.getMaxRows()) - box.r1 + 1;
      const fitCols = Math.min(box.c2, sheet.getMaxColumns()) - box.c1 + 1;
      const values =
        fitRows < 1 || fitCols < 1 ? [] : toRows(sheet.getSheetValues(box.r1, box.c1, fitRows, fitCols));
      return slice(values, box, box);
    }
  }

  /** The gid of a tab, for internal links (`#gid=…`): every gid is known from the listing or the host's choice. */
  private readonly resolve = (name: string): number | null => this.entry(name)?.gid ?? null;

  async apply(plan: ApplyPlan, progress?: ProgressFn): Promise<ApplyResult> {
    this.list();
    // Visible templates hidden, candidate tabs without protection protected (made by an older version).
    const repairs: Unit = { requests: this.repairs(plan) };
    if (planIsEmpty(plan)) {
      if (repairs.requests.length > 0) {
        if (this.deps.cache !== undefined) dropScan(this.deps.cache);
        this.send([repairs], progress, 0);
      }
      this.saveState();
      return { created: [] };
    }
    // An execution stopped mid-way must not leave a cached state that no longer matches the tabs.
    if (this.deps.cache !== undefined) dropScan(this.deps.cache);
    this.changed = true;
    const created: string[] = [];
    const units = this.plan(plan, repairs, created);
    this.send(units, progress, plan.add.length);
    this.saveState();
    return { created };
  }

  /**
   * Every change of the plan as units of requests, in the order they apply (indexes are those of the
   * moment each request applies). Tabs are placed and their gids chosen first; the requests are built
   * after, so that a link to a tab created later in the same call has its gid.
   */
  private plan(plan: ApplyPlan, repairs: Unit, created: string[]): Unit[] {
    const entries = this.list();
    const taken = new Set([...this.listed.keys(), ...entries.map((e) => e.gid)]);
    const builders: Array<() => Unit> = [() => repairs];
    // Renames first: the rest of the plan names those tabs by their new names.
    for (const { from, to } of plan.renames ?? []) builders.push(this.rename(from, to));
    const existing = new Set(entries.map((e) => e.name));
    const own = (name: string, position: number): Entry => {
      const found = this.entry(name);
      if (found !== undefined) return found;
      const entry: Entry = { name, sheet: null, gid: newSheetId(taken), marker: null };
      entries.splice(position, 0, entry);
      return entry;
    };
    const replaced = (r: ApplyPlan['replace'][number], entry: Entry): (() => Unit) => {
      const isNew = !existing.has(r.spec.name);
      const index = entries.indexOf(entry);
      return () => ({
        requests: [
          ...(isNew
            ? [{ addSheet: { properties: { sheetId: entry.gid, title: entry.name, index } } }]
            : this.clearRequests(entry)),
          ...renderRequests(r.spec, entry.gid, { resolve: this.resolve, protect: true }),
        ],
      });
    };
    // The candidate tabs before « Suivi E4 » (placed first, written after them): its formulas point
    // into those tabs, which exist when its cells are written.
    builders.push(...this.addTabs(plan, taken, created));
    const firsts = plan.replace.filter((r) => r.position === 'first');
    firsts.forEach((r, i) => builders.push(replaced(r, own(r.spec.name, i))));
    created.unshift(...firsts.map((r) => r.spec.name).filter((name) => !existing.has(name)));
    for (const r of plan.replace)
      if (r.position === 'last') builders.push(replaced(r, own(r.spec.name, entries.length)));
    for (const update of plan.updates) builders.push(this.update(update.sheet, update.cells));
    for (const r of plan.replace) this.noteWritten(r.spec.name, r.spec.cells, true);
    // Own tabs that exist are cleared in place: their gid (and links to them) stays.
    this.countRules(plan.replace.map((r) => r.spec.name).filter((n) => existing.has(n)));
    return builders.map((build) => build());
  }

  /** How many conditional format rules each own tab to clear carries: one get for all of them. */
  private rules = new Map<string, number>();
  private countRules(names: string[]): void {
    if (names.length === 0) return;
    const ranges = names.map((name) => `'${name.replace(/'/g, "''")}'!A1`);
    const answer = this.deps.sheetsApi.Spreadsheets.get(this.id(), {
      ranges,
      fields: 'sheets(properties(title),conditionalFormats(ranges(sheetId)))',
    });
    for (const sheet of answer.sheets ?? [])
      this.rules.set(sheet.properties?.title ?? '', (sheet.conditionalFormats ?? []).length);
  }

  /** Empties one of the add-in's own tabs: values, formats, validations, merges, rules, protections. */
  private clearRequests(entry: Entry): Request[] {
    const sheetId = entry.gid;
    const requests: Request[] = [
      { updateCells: { range: { sheetId }, fields: '*' } },
      { unmergeCells: { range: { sheetId } } },
    ];
    for (let i = 0; i < (this.rules.get(entry.name) ?? 0); i++)
      requests.push({ deleteConditionalFormatRule: { sheetId, index: 0 } });
    for (const p of this.listed.get(sheetId)?.protections ?? [])
      requests.push({ deleteProtectedRange: { protectedRangeId: p.protectedRangeId } });
    return requests;
  }

  /**
   * The units in as few batchUpdates as the payload allows (usually one). A unit is never split, so a
   * tab is made whole or not at all; progress is said per tab once its batch is applied.
   */
  private send(units: Unit[], progress: ProgressFn | undefined, total: number): void {
    const batches: Unit[][] = [];
    let size = 0;
    for (const unit of units) {
      if (unit.requests.length === 0) continue;
      const chars = JSON.stringify(unit.requests).length;
      const last = batches[batches.length - 1];
      if (last === undefined || size + chars > MAX_BATCH_CHARS) {
        batches.push([unit]);
        size = chars;
      } else {
        last.push(unit);
        size += chars;
      }
    }
    let done = 0;
    for (const batch of batches) {
      const requests = batch.flatMap((unit) => unit.requests);
      try {
        this.deps.sheetsApi.Spreadsheets.batchUpdate({ requests }, this.id());
      } catch (error) {
        throw frenchBatchError(error);
      }
      for (const unit of batch) if (unit.created !== undefined) progress?.(++done, total, unit.created);
    }
  }

  private templates(): Entry[] {
    return this.list().filter((e) => e.name.startsWith(TEMPLATE_PREFIX));
  }

  /**
   * What any call puts right before its own changes, from the listing alone (no call):
   * - a template left visible (by a hand, or an older version) is hidden again;
   * - a candidate tab without any protection (made by an older version whose copy lost it, or
   *   unprotected by hand) is protected again, like its siblings: from the plan's template of its
   *   layout, else from the protection of a sibling tab of the same layout. Entries are not touched.
   */
  private repairs(plan: ApplyPlan): Request[] {
    const requests: Request[] = [];
    for (const t of this.templates())
      if (this.listed.get(t.gid)?.hidden === false)
        requests.push({
          updateSheetProperties: { properties: { sheetId: t.gid, hidden: true }, fields: 'hidden' },
        });
    const grids = this.list().filter((e) => markerOf(e.marker)?.kind === 'grid' && this.listed.has(e.gid));
    for (const tab of grids) {
      if ((this.listed.get(tab.gid)?.protections ?? []).length > 0) continue;
      const request = this.protectionLike(tab, plan, grids);
      if (request !== null) requests.push(request);
    }
    return requests;
  }

  private protectionLike(tab: Entry, plan: ApplyPlan, grids: Entry[]): Request | null {
    const marker = markerOf(tab.marker) as TabMarker;
    const sameLayout = (m: TabMarker | null): boolean =>
      m !== null &&
      m.form === marker.form &&
      m.session === marker.session &&
      m.layoutVersion === marker.layoutVersion;
    const spec = Object.values(plan.templates).find((s) => sameLayout(markerOf(writtenMarker(s.cells))));
    if (spec !== undefined) return protectionRequest(spec, tab.gid);
    for (const sibling of grids) {
      if ((this.listed.get(sibling.gid)?.protections ?? []).length === 0) continue;
      if (!sameLayout(markerOf(sibling.marker))) continue;
      const p = this.protectionOf(sibling);
      if (p === undefined) continue;
      return {
        addProtectedRange: {
          protectedRange: {
            range: { sheetId: tab.gid },
            warningOnly: p.warningOnly === true,
            unprotectedRanges: (p.unprotectedRanges ?? []).map((r) => ({ ...r, sheetId: tab.gid })),
          },
        },
      };
    }
    return null;
  }

  /** The whole-tab protection of one tab, in full (one get narrowed to that tab). */
  private protectionOf(tab: Entry): ProtectedRange | undefined {
    const answer = this.deps.sheetsApi.Spreadsheets.get(this.id(), {
      ranges: [`'${tab.name.replace(/'/g, "''")}'!A1`],
      fields: PROTECTION_FIELDS,
    });
    return (answer.sheets?.[0]?.protectedRanges ?? []).find((p) => {
      const r = p.range ?? {};
      return r.startRowIndex === undefined && r.endRowIndex === undefined && r.startColumnIndex === undefined;
    });
  }

  /** Where new candidate tabs go: right after the last candidate tab, before « Contrôle » and the like. */
  private candidatePosition(): number {
    const entries = this.list();
    let position = -1;
    entries.forEach((e, i) => {
      if (markerOf(e.marker)?.kind === 'grid') position = i + 1;
    });
    if (position >= 0) return position;
    const own = entries.findIndex((e) => {
      const kind = markerOf(e.marker)?.kind;
      return kind === 'report' || kind === 'settings';
    });
    return own >= 0 ? own : entries.length;
  }

  /** One updateSheetProperties; the entry (gid, marker, block read) follows the tab under its new name. */
  private rename(from: string, to: string): () => Unit {
    const entry = this.entry(from);
    if (entry === undefined) throw new Error(`Onglet introuvable : ${from}`);
    if (this.list().some((e) => e !== entry && e.name.toLowerCase() === to.toLowerCase()))
      throw frenchSheetError(new Error(`A sheet with the name "${to}" already exists.`), to);
    const block = this.blocks.get(from);
    this.blocks.delete(from);
    if (block !== undefined) this.blocks.set(to, block);
    entry.name = to;
    return () => ({
      requests: [
        { updateSheetProperties: { properties: { sheetId: entry.gid, title: to }, fields: 'title' } },
      ],
    });
  }

  /** Keeps the cached marker in step with what was just written. */
  private noteWritten(name: string, cells: CellSpec[], whole: boolean): void {
    const entry = this.entry(name);
    if (entry === undefined) return;
    this.blocks.delete(name);
    const written = writtenMarker(cells);
    if (whole || entry.marker === null) {
      entry.marker = whole ? written : null;
      return;
    }
    const marker = entry.marker;
    cells.forEach((cell) => {
      if (cell.c === MARKER_BOX.c1 && cell.r >= MARKER_BOX.r1 && cell.r <= MARKER_BOX.r2)
        marker[cell.r - MARKER_BOX.r1] = written[cell.r - MARKER_BOX.r1];
    });
  }

  /**
   * Saves the tab list and markers for the next chunk, when this call knows every tab's marker
   * (it listed and scanned them, or took them from the cache and kept them in step).
   */
  saveState(): void {
    const { cache } = this.deps;
    if (cache === undefined || this.entries === null) return;
    if (this.fromCache && !this.changed) return;
    if (this.entries.some((e) => e.marker === null)) return;
    saveScan(cache, {
      sheets: this.entries.map(({ name, gid, marker }) => ({ name, gid, marker: marker ?? [] })),
    });
  }

  private addTabs(plan: ApplyPlan, taken: Set<number>, created: string[]): Array<() => Unit> {
    const byTemplate = new Map<string, NewSheet[]>();
    for (const add of plan.add) byTemplate.set(add.template, [...(byTemplate.get(add.template) ?? []), add]);
    const builders: Array<() => Unit> = [];
    for (const [key, adds] of byTemplate) {
      const spec = plan.templates[key];
      if (spec === undefined) throw new Error(`Modèle d'onglet manquant : ${key}`);
      builders.push(...this.copyTemplate(templateName(key, spec), spec, adds, taken, created));
    }
    return builders;
  }

  /**
   * The template tab of this layout: found (kept hidden since an earlier chunk or run), or built now
   * in one unit — addSheet (hidden, a chosen gid) and its render, no protection. Templates of other
   * layouts are deleted in the same unit; a protection an older version left on the kept one is removed.
   */
  private template(
    name: string,
    spec: SheetSpec,
    ownCells: CellSpec[],
    taken: Set<number>,
  ): { entry: Entry; unit: () => Unit } {
    const textCells = ownCells.filter(isTextCell);
    const entries = this.list();
    const requests: Request[] = [];
    for (const stale of entries.filter((e) => e.name.startsWith(TEMPLATE_PREFIX) && e.name !== name)) {
      requests.push({ deleteSheet: { sheetId: stale.gid } });
      entries.splice(entries.indexOf(stale), 1);
    }
    const kept = this.entry(name);
    if (kept !== undefined) {
      for (const p of this.listed.get(kept.gid)?.protections ?? [])
        requests.push({ deleteProtectedRange: { protectedRangeId: p.protectedRangeId } });
      // A template an older version left holding a candidate's own cells (its marker) is blanked there.
      const own = new Map(spec.cells.map((cell) => [`${cell.r},${cell.c}`, cell]));
      const blank = ownCells.map(({ r, c }) => own.get(`${r},${c}`) ?? { r, c });
      return {
        entry: kept,
        unit: () => ({ requests: [...requests, ...valueRequests(kept.gid, blank, this.resolve)] }),
      };
    }
    const entry: Entry = { name, sheet: null, gid: newSheetId(taken), marker: [] };
    const index = entries.length;
    entries.push(entry);
    return {
      entry,
      unit: () => ({
        requests: [
          ...requests,
          { addSheet: { properties: { sheetId: entry.gid, title: name, index, hidden: true } } },
          ...renderRequests(spec, entry.gid, { resolve: this.resolve, extraText: textCells, protect: false }),
        ],
      }),
    };
  }

  /**
   * Per candidate, one unit: duplicateSheet of the template (a chosen gid, right after the last
   * candidate tab), shown (a copy of a hidden sheet may stay hidden), its own cells (text as
   * stringValue: never parsed), its protection. Whether duplicateSheet copies protections does not
   * matter: the template has none.
   */
  private copyTemplate(
    name: string,
    spec: SheetSpec,
    adds: NewSheet[],
    taken: Set<number>,
    created: string[],
  ): Array<() => Unit> {
    const entries = this.list();
    const template = this.template(
      name,
      spec,
      adds.flatMap((add) => add.cells),
      taken,
    );
    const builders = [template.unit];
    let position = this.candidatePosition();
    for (const add of adds) {
      const entry: Entry = {
        name: add.name,
        sheet: null,
        gid: newSheetId(taken),
        marker: writtenMarker([...spec.cells, ...add.cells]),
      };
      const index = position++;
      entries.splice(index, 0, entry);
      created.push(add.name);
      builders.push(() => {
        const protection = protectionRequest(spec, entry.gid);
        return {
          created: add.name,
          requests: [
            {
              duplicateSheet: {
                sourceSheetId: template.entry.gid,
                insertSheetIndex: index,
                newSheetId: entry.gid,
                newSheetName: add.name,
              },
            },
            {
              updateSheetProperties: { properties: { sheetId: entry.gid, hidden: false }, fields: 'hidden' },
            },
            ...valueRequests(entry.gid, add.cells, this.resolve),
            ...(protection === null ? [] : [protection]),
          ],
        };
      });
    }
    return builders;
  }

  /** Values into an existing tab: only the given cells, text kept text (valueRequests). */
  private update(name: string, cells: CellSpec[]): () => Unit {
    const entry = this.entry(name);
    if (entry === undefined || cells.length === 0) return () => ({ requests: [] });
    this.noteWritten(name, cells, false);
    return () => ({ requests: valueRequests(entry.gid, cells, this.resolve) });
  }

  async createWorkbook(spec: WorkbookSpec): Promise<CreatedWorkbook> {
    if (this.deps.createWorkbook === undefined) {
      throw new Error("La création du classeur de statistiques n'est pas disponible ici.");
    }
    return this.deps.createWorkbook(spec);
  }
}

/** The cached list is this spreadsheet's only if every tab is the same tab (gid) under the same name. */
function sameTabs(cached: CachedSheet[], tabs: Listed[]): boolean {
  return (
    cached.length === tabs.length && cached.every((s, i) => s.gid === tabs[i].id && s.name === tabs[i].title)
  );
}

/** The advanced service refused this spreadsheet (authorization): said in French, with what to do. */
export const SHEETS_DENIED =
  "Google Sheets refuse au module l'accès à ce classeur par son service avancé (autorisation manquante). Rouvrez Extensions › Grilles E4 › Ouvrir et acceptez les autorisations demandées, puis relancez ; si le refus persiste, signalez-le à la personne qui a installé le module.";

/**
 * A batch refused for a taken name says so in French (the name is in Google's message); a refused
 * authorization too. Other errors unchanged.
 */
function frenchBatchError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (/permission|PERMISSION_DENIED|insufficient.*scope/i.test(message)) return new Error(SHEETS_DENIED);
  const name = /name "([^"]*)" already exists/i.exec(message)?.[1];
  return name === undefined ? error : frenchSheetError(error, name);
}
