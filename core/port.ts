import type { CellSpec, CellValue, SheetSpec, WorkbookSpec } from './spec/types';

/**
 * What a host (an .xlsx file, Excel through Office.js, Google Sheets through Apps Script) must offer to
 * the workflows. Coarse on purpose: every method is one batch, so a host can do it in a constant number
 * of round trips. Never call these in a loop over candidates.
 */
export interface HostPort {
  /** Sheet names, in tab order. */
  listSheets(): Promise<string[]>;
  /**
   * Values of several ranges at once (one round trip). `range` undefined = from A1 to the end of the
   * sheet's used range. Each result is rows × columns of the requested rectangle, empty cells as null
   * or ''. A sheet that does not exist gives an empty array. The results are to be read, not changed: a
   * host may give several empty rows as one shared, frozen row.
   */
  readRanges(requests: RangeRequest[]): Promise<CellValue[][][]>;
  /** Applies every change of one operation, batching as the host can. */
  apply(plan: ApplyPlan, progress?: ProgressFn): Promise<ApplyResult>;
  /** Builds a separate workbook (statistics). The CLI writes a file; Excel opens a window; Sheets creates a spreadsheet. */
  createWorkbook(spec: WorkbookSpec): Promise<CreatedWorkbook>;
}

/**
 * The most cells a workflow asks for in one readRanges when it reads many tabs: what Excel on the web
 * answers in one sync (office-addin/runner.ts reads in chunks of this size), so that asking in batches
 * costs no round trip there, while no host has to hold every tab's values at once.
 */
export const CELLS_PER_READ = 150_000;

export interface RangeRequest {
  sheet: string;
  range?: string;
  /**
   * The only cells of the range the caller looks at (A1 references inside it), when it knows them: a
   * host may then leave every other cell of the range null. The file engine decodes only these (a tab's
   * fields, not its hundred labels); Excel and Google Sheets read the range whole in one call anyway.
   */
  cells?: readonly string[];
}

export type ProgressFn = (done: number, total: number, label: string) => void;

/** A new tab made from a shared template (a host may build it once and copy it) plus its own cells. */
export interface NewSheet {
  name: string;
  /** Key in `ApplyPlan.templates`. */
  template: string;
  /** Cells of this tab on top of the template (identity, marker). */
  cells: CellSpec[];
}

/** An existing tab given a new name (the host's own rename: formulas and links that point to it follow). */
export interface TabRename {
  from: string;
  to: string;
}

/**
 * Order in which a host applies a plan: `renames` before `replace` and `updates`, which name a renamed tab
 * by its NEW name (an update writes into it, the recap links to it). `add` never takes a name being given
 * up or given, so a host may create the new tabs before or after the renames (Excel does it before).
 */
export interface ApplyPlan {
  templates: Record<string, SheetSpec>;
  /**
   * Existing tabs renamed, before anything else is written. Absent = none. A new name is never another
   * tab's current name (the core gives no chain or swap); a host refuses a name it does not accept.
   */
  renames?: TabRename[];
  /** New candidate tabs, appended after the last sheet, in this order. */
  add: NewSheet[];
  /**
   * The add-in's own tabs (« Suivi E4 », « Contrôle », « Paramètres E4 »), rewritten whole: created when
   * missing (at `position`), otherwise cleared and rewritten where they are. Never a teacher's tab.
   */
  replace: Array<{ spec: SheetSpec; position: 'first' | 'last' }>;
  /** Values written into existing tabs (identity cells refreshed from the roster). Styles untouched. */
  updates: Array<{ sheet: string; cells: CellSpec[] }>;
}

export interface ApplyResult {
  /** Names of the tabs created by this apply. */
  created: string[];
}

export interface CreatedWorkbook {
  /** Where the user finds it: a file path (CLI), a URL (Sheets), nothing (Excel opens a window). */
  location?: string;
  /** The .xlsx bytes when the host built them (CLI, Excel: offered as a download). */
  bytes?: Uint8Array;
}

export function emptyPlan(): ApplyPlan {
  return { templates: {}, add: [], replace: [], updates: [] };
}

export function planIsEmpty(plan: ApplyPlan): boolean {
  return (
    (plan.renames ?? []).length === 0 &&
    plan.add.length === 0 &&
    plan.replace.length === 0 &&
    plan.updates.length === 0
  );
}
