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
   * or ''. A sheet that does not exist gives an empty array.
   */
  readRanges(requests: RangeRequest[]): Promise<CellValue[][][]>;
  /** Applies every change of one operation, batching as the host can. */
  apply(plan: ApplyPlan, progress?: ProgressFn): Promise<ApplyResult>;
  /** Builds a separate workbook (statistics). The CLI writes a file; Excel opens a window; Sheets creates a spreadsheet. */
  createWorkbook(spec: WorkbookSpec): Promise<CreatedWorkbook>;
}

export interface RangeRequest {
  sheet: string;
  range?: string;
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

export interface ApplyPlan {
  templates: Record<string, SheetSpec>;
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
  return plan.add.length === 0 && plan.replace.length === 0 && plan.updates.length === 0;
}
