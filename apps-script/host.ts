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
import { MARKER_RANGE, readMarker } from '../core/grid/marker';
import type { GasCache, GasRange, GasSheet, GasSpreadsheet, GasSpreadsheetApp } from './gas-types';
import { boundingBox, inputGrid, isTextCell, rowRuns } from './cell-input';
import { clearSheet, renderSheet } from './render-sheet';
import { applyProtection } from './render-layout';
import { dropScan, loadScan, saveScan } from './scan-cache';
import { templateName, TEMPLATE_PREFIX } from './template-name';

export { TEMPLATE_PREFIX } from './template-name';

export interface AppsScriptHostDeps {
  spreadsheet: GasSpreadsheet;
  app: GasSpreadsheetApp;
  /** Creates the statistics spreadsheet (Sheets advanced service); absent = not offered. */
  createWorkbook?: (spec: WorkbookSpec) => CreatedWorkbook;
  /** The document cache; absent = every call lists and reads the tabs itself. */
  cache?: GasCache;
  /**
   * Trust the cached tab list and markers when the sheet count still matches (the later chunks of
   * one run). The first chunk of a run, and every other call, list the tabs themselves.
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
  gid: number | null;
  /** Values of MARKER_RANGE (column), null until read or written. */
  marker: CellValue[] | null;
}

const MARKER_BOX = parseRange(MARKER_RANGE);
const MARKER_ROWS = MARKER_BOX.r2 - MARKER_BOX.r1 + 1;
/** A template is built under its name plus this suffix, renamed when whole. */
const BUILDING = ' …';

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

/**
 * The core's host port over SpreadsheetApp, counted in service calls (each one a round trip):
 * - reading: one getSheetValues per tab for a whole block (marker and grid together);
 * - a candidate tab: one setValues of its own cells into a persistent hidden template, one insertSheet
 *   copying it, one getSheetId (for the recap's link) — 3 calls;
 * - the template is built once per layout (its name carries a hash of its spec) and kept hidden, so
 *   later chunks and later runs do not rebuild it;
 * - the tab list and markers are kept in the document cache between the chunks of one run.
 * One host per server call: a run spans many executions, and each chunk must see the tabs another
 * user may have added meanwhile (the sheet count tells a chunk when the cached list is stale).
 */
export class AppsScriptHost implements HostPort {
  private entries: Entry[] | null = null;
  private fromCache = false;
  private changed = false;
  private readonly blocks = new Map<string, CellValue[][]>();
  private readonly block: RangeBox | null;

  constructor(private readonly deps: AppsScriptHostDeps) {
    this.block = deps.readBlock === undefined ? null : parseRange(deps.readBlock);
  }

  /** Whether this call's tab list came from the cache (tests and the bench report it). */
  get usedCache(): boolean {
    return this.fromCache;
  }

  private list(): Entry[] {
    if (this.entries !== null) return this.entries;
    const { cache, spreadsheet } = this.deps;
    if (cache !== undefined && this.deps.useCache === true) {
      const state = loadScan(cache);
      if (state !== null && state.sheets.length === spreadsheet.getNumSheets()) {
        this.fromCache = true;
        this.entries = state.sheets.map((s) => ({ ...s, sheet: null }));
        return this.entries;
      }
    }
    this.entries = spreadsheet
      .getSheets()
      .map((sheet) => ({ name: sheet.getName(), sheet, gid: null, marker: null }));
    for (const entry of this.entries) if (entry.name.startsWith(TEMPLATE_PREFIX)) entry.marker = [];
    if (cache !== undefined) this.adoptGids(cache, this.entries);
    return this.entries;
  }

  /**
   * The gids of the last saved state, for the tabs still at the same place under the same name (the
   * recap links every tab: one getSheetId per tab saved). Markers are NOT adopted: they are read.
   */
  private adoptGids(cache: GasCache, entries: Entry[]): void {
    const state = loadScan(cache);
    if (state === null || state.sheets.length !== entries.length) return;
    entries.forEach((entry, i) => {
      if (state.sheets[i].name === entry.name) entry.gid = state.sheets[i].gid;
    });
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

  private sheetNamed(name: string): GasSheet {
    const entry = this.entry(name);
    if (entry === undefined) throw new Error(`Onglet introuvable : ${name}`);
    return this.sheetOf(entry);
  }

  /** Whether a template is already built: the chunk that must build one may create more tabs. */
  templateReady(): boolean {
    return this.templates().some((e) => !e.name.endsWith(BUILDING));
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

  /** The gid of a tab, for internal links (`#gid=…`): known from its creation or the cache, else one call. */
  private readonly resolve = (name: string): number | null => {
    const entry = this.entry(name);
    if (entry === undefined) return null;
    if (entry.gid === null) entry.gid = this.sheetOf(entry).getSheetId();
    return entry.gid;
  };

  async apply(plan: ApplyPlan, progress?: ProgressFn): Promise<ApplyResult> {
    const entries = this.list();
    // A tab left half-made by a stopped execution is finished before anything else is written.
    this.settleTemplates(plan);
    if (planIsEmpty(plan)) {
      this.hideTemplates();
      this.saveState();
      return { created: [] };
    }
    // An execution stopped mid-way must not leave a cached state that no longer matches the tabs.
    if (this.deps.cache !== undefined) dropScan(this.deps.cache);
    this.changed = true;
    try {
      return this.write(plan, entries, progress);
    } finally {
      // Every call ends with the templates hidden, even when it fails (a kill is caught by the next call).
      this.hideTemplates();
    }
  }

  private write(plan: ApplyPlan, entries: Entry[], progress?: ProgressFn): ApplyResult {
    // Renames first: the rest of the plan names those tabs by their new names.
    for (const { from, to } of plan.renames ?? []) this.rename(from, to);
    const existing = new Set(entries.map((e) => e.name));
    const firsts = plan.replace.filter((r) => r.position === 'first');
    firsts.forEach((r, i) => this.ensureSheet(r.spec.name, i));
    const created = this.addTabs(plan, progress);
    for (const r of plan.replace) if (r.position === 'last') this.ensureSheet(r.spec.name, entries.length);
    for (const r of plan.replace) {
      const sheet = this.sheetNamed(r.spec.name);
      if (existing.has(r.spec.name)) clearSheet(sheet, this.deps.app);
      renderSheet(sheet, this.deps.app, r.spec, { resolve: this.resolve });
      this.noteWritten(r.spec.name, r.spec.cells, true);
    }
    for (const update of plan.updates) this.update(update.sheet, update.cells);
    this.saveState();
    return { created: [...firsts.map((r) => r.spec.name).filter((n) => !existing.has(n)), ...created] };
  }

  private templates(): Entry[] {
    return this.list().filter((e) => e.name.startsWith(TEMPLATE_PREFIX));
  }

  /**
   * The journal of a stopped run: a template holds the marker of the candidate it was copying (its
   * own cells are set just before each copy and blanked after the last). If one still holds a marker,
   * the execution stopped around that copy: the copy, if it exists, may lack its protection (when
   * insertSheet does not copy protections, the host adds it in separate calls). It is protected
   * again — idempotent, entries untouched — and the template's marker blanked.
   */
  private settleTemplates(plan: ApplyPlan): void {
    for (const entry of this.templates()) {
      if (entry.name.endsWith(BUILDING)) continue;
      const sheet = this.sheetOf(entry);
      const values = this.read(entry, MARKER_BOX);
      const marker = readMarker(values);
      if (marker === null) continue;
      const tab = this.list().find((e) => {
        if (e === entry || e.marker === null || e.name.startsWith(TEMPLATE_PREFIX)) return false;
        const m = readMarker(e.marker.map((v) => [v]));
        return m !== null && m.kind === marker.kind && m.tabId === marker.tabId;
      });
      if (tab !== undefined) this.protectLike(this.sheetOf(tab), entry.name, sheet, plan);
      sheet.getRange(MARKER_BOX.r1, MARKER_BOX.c1, MARKER_ROWS, 1).setValues(values.map(() => ['']));
    }
  }

  /**
   * The protection a copy of the template `name` must carry: from the plan's spec when this call has
   * it, else read back from the template's own protection (a resume with nothing left to create).
   */
  private protectLike(tab: GasSheet, name: string, template: GasSheet, plan: ApplyPlan): void {
    const spec = Object.entries(plan.templates).find(([key, s]) => templateName(key, s) === name)?.[1];
    if (spec !== undefined) {
      applyProtection(tab, spec);
      return;
    }
    const own = template.getProtections(this.deps.app.ProtectionType.SHEET)[0];
    if (own === undefined) return;
    const runs = own.getUnprotectedRanges().map((range) => range.getA1Notation());
    const protection = tab.protect().setWarningOnly(own.isWarningOnly());
    if (runs.length > 0) protection.setUnprotectedRanges(tab.getRangeList(runs).getRanges());
  }

  /** Templates are never left visible: a visible one could be renamed and taken for a candidate's tab. */
  private hideTemplates(): void {
    for (const entry of this.templates()) this.sheetOf(entry).hideSheet();
  }

  /** Where new candidate tabs go: right after the last candidate tab, before « Contrôle » and the like. */
  private candidatePosition(): number {
    const entries = this.list();
    let position = -1;
    entries.forEach((e, i) => {
      if (e.marker !== null && readMarker(e.marker.map((v) => [v]))?.kind === 'grid') position = i + 1;
    });
    if (position >= 0) return position;
    const own = entries.findIndex((e) => {
      const kind = e.marker === null ? undefined : readMarker(e.marker.map((v) => [v]))?.kind;
      return kind === 'report' || kind === 'settings';
    });
    return own >= 0 ? own : entries.length;
  }

  /** insertSheet, its English « A sheet with the name … already exists » said in French. */
  private insert(name: string, index: number, template?: GasSheet): GasSheet {
    const { spreadsheet } = this.deps;
    try {
      return template === undefined
        ? spreadsheet.insertSheet(name, index)
        : spreadsheet.insertSheet(name, index, { template });
    } catch (error) {
      throw frenchSheetError(error, name);
    }
  }

  /** One setName; the entry (gid, marker, block read) follows the tab under its new name. */
  private rename(from: string, to: string): void {
    const entry = this.entry(from);
    if (entry === undefined) throw new Error(`Onglet introuvable : ${from}`);
    try {
      this.sheetOf(entry).setName(to);
    } catch (error) {
      const french = frenchSheetError(error, to);
      if (french !== error) throw french;
      throw new Error(
        `Google Sheets refuse de renommer l'onglet « ${from} » en « ${to} ». Renommez-le vous-même, puis relancez « Créer les onglets ».`,
      );
    }
    const block = this.blocks.get(from);
    this.blocks.delete(from);
    if (block !== undefined) this.blocks.set(to, block);
    entry.name = to;
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

  private ensureSheet(name: string, position: number): void {
    const entries = this.list();
    if (entries.some((e) => e.name === name)) return;
    const sheet = this.insert(name, position);
    entries.splice(position, 0, { name, sheet, gid: null, marker: null });
  }

  private addTabs(plan: ApplyPlan, progress?: ProgressFn): string[] {
    const created: string[] = [];
    const byTemplate = new Map<string, NewSheet[]>();
    for (const add of plan.add) byTemplate.set(add.template, [...(byTemplate.get(add.template) ?? []), add]);
    for (const [key, adds] of byTemplate) {
      const spec = plan.templates[key];
      if (spec === undefined) throw new Error(`Modèle d'onglet manquant : ${key}`);
      this.copyTemplate(templateName(key, spec), spec, adds, (name) => {
        created.push(name);
        progress?.(created.length, plan.add.length, name);
      });
    }
    return created;
  }

  /**
   * The template tab of this layout: found (kept hidden since an earlier chunk or run), or built now.
   * A half-built one (its name still ends with ' …') or one of an older layout is removed first.
   */
  private template(name: string, spec: SheetSpec, textCells: Array<{ r: number; c: number }>): GasSheet {
    const entries = this.list();
    for (const stale of entries.filter((e) => e.name.startsWith(TEMPLATE_PREFIX) && e.name !== name)) {
      this.deps.spreadsheet.deleteSheet(this.sheetOf(stale));
      entries.splice(entries.indexOf(stale), 1);
    }
    const kept = this.entry(name);
    if (kept !== undefined) {
      const sheet = this.sheetOf(kept).showSheet();
      // The identity cells of this chunk's candidates stay text (the template may predate them).
      if (textCells.length > 0) sheet.getRangeList(rowRuns(textCells)).setNumberFormat('@');
      return sheet;
    }
    const building = `${name}${BUILDING}`;
    const sheet = this.insert(building, entries.length);
    entries.push({ name, sheet, gid: null, marker: [] });
    renderSheet(sheet, this.deps.app, spec, { resolve: this.resolve, extraText: textCells });
    return sheet.setName(name);
  }

  /**
   * Per candidate: the template's own-cells block set to this candidate (1 setValues on a Range got
   * once), the template copied (1 insertSheet) right after the last candidate tab, its gid noted (1
   * getSheetId). The template is shown during the chunk so that copies are visible, hidden at its end,
   * and its own cells blanked after the last copy: it never keeps a candidate's marker. While a copy
   * is under way the template's marker names it (see settleTemplates).
   * When insertSheet does not copy the protection (checked on the first copy), each copy is protected
   * in 5 more calls.
   */
  private copyTemplate(name: string, spec: SheetSpec, adds: NewSheet[], done: (name: string) => void): void {
    const entries = this.list();
    const own = adds.flatMap((add) => add.cells);
    const template = this.template(name, spec, own.filter(isTextCell));
    const box = boundingBox(own);
    const block: GasRange | null =
      box === null ? null : template.getRange(box.r1, box.c1, box.r2 - box.r1 + 1, box.c2 - box.c1 + 1);
    let protectionCopied: boolean | null = null;
    let position = this.candidatePosition();
    for (const add of adds) {
      const cells = [...spec.cells, ...add.cells];
      if (block !== null && box !== null) block.setValues(inputGrid(box, cells, this.resolve));
      const sheet = this.insert(add.name, position, template);
      entries.splice(position, 0, {
        name: add.name,
        sheet,
        gid: sheet.getSheetId(),
        marker: writtenMarker(cells),
      });
      position++;
      if (spec.protect && protectionCopied === null)
        protectionCopied = sheet.getProtections(this.deps.app.ProtectionType.SHEET).length > 0;
      if (spec.protect && protectionCopied === false) applyProtection(sheet, spec);
      done(add.name);
    }
    if (block !== null && box !== null) block.setValues(inputGrid(box, spec.cells, this.resolve));
  }

  /**
   * Values into an existing tab: only the given cells (a teacher's cells around them are never
   * rewritten), adjacent cells of a row in one setValues, text cells formatted '@' first.
   */
  private update(name: string, cells: CellSpec[]): void {
    const entry = this.entry(name);
    if (entry === undefined || cells.length === 0) return;
    const sheet = this.sheetOf(entry);
    const text = cells.filter(isTextCell);
    if (text.length > 0) sheet.getRangeList(rowRuns(text)).setNumberFormat('@');
    for (const run of horizontalRuns(cells)) {
      const box = { r1: run[0].r, c1: run[0].c, r2: run[0].r, c2: run[run.length - 1].c };
      sheet.getRange(box.r1, box.c1, 1, run.length).setValues(inputGrid(box, run, this.resolve));
    }
    this.noteWritten(name, cells, false);
  }

  async createWorkbook(spec: WorkbookSpec): Promise<CreatedWorkbook> {
    if (this.deps.createWorkbook === undefined) {
      throw new Error("La création du classeur de statistiques n'est pas disponible ici.");
    }
    return this.deps.createWorkbook(spec);
  }
}

/** Cells grouped into runs of adjacent columns of one row; a cell given twice counts once (the last). */
export function horizontalRuns(cells: CellSpec[]): CellSpec[][] {
  const unique = new Map(cells.map((cell) => [`${cell.r},${cell.c}`, cell]));
  const sorted = [...unique.values()].sort((x, y) => x.r - y.r || x.c - y.c);
  const runs: CellSpec[][] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (prev !== undefined && prev.r === cell.r && prev.c + 1 === cell.c) last.push(cell);
    else runs.push([cell]);
  }
  return runs;
}
