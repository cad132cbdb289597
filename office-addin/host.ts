import type {
  ApplyPlan,
  ApplyResult,
  CreatedWorkbook,
  HostPort,
  ProgressFn,
  RangeRequest,
} from '../core/port';
import type { CellValue, WorkbookSpec } from '../core/spec/types';
import { toBase64 } from './base64';
import { HostError, frenchOfficeError } from './errors';
import { applyPlan } from './apply-plan';
import { readRanges } from './read-ranges';
import type { RenderFeatures } from './render-sheet';
import type { ExcelRunner } from './runner';

export interface OfficeHostOptions {
  run: ExcelRunner;
  features: RenderFeatures;
  /** Builds the .xlsx of a workbook spec (xlsx/, loaded lazily by the task pane). */
  renderXlsx: (spec: WorkbookSpec) => Promise<Uint8Array>;
  /** Excel.createWorkbook: opens the bytes in a new Excel window. */
  openWorkbook: (base64: string) => Promise<void>;
}

/**
 * The core's host port over Office.js. Every method is a constant number of `context.sync()` calls,
 * plus one per chunk when the work is large; none syncs per candidate.
 */
export class OfficeHost implements HostPort {
  /** Sheet names from the last listSheets of this host, so a read right after it skips one sync. */
  private knownSheets: string[] | null = null;

  constructor(private readonly options: OfficeHostOptions) {}

  async listSheets(): Promise<string[]> {
    const names = await this.guard(() =>
      this.options.run(async (context) => {
        const sheets = context.workbook.worksheets.load('items/name');
        await context.sync();
        return sheets.items.map((s) => s.name);
      }),
    );
    this.knownSheets = names;
    return names;
  }

  async readRanges(requests: RangeRequest[]): Promise<CellValue[][][]> {
    if (requests.length === 0) return [];
    const known = this.knownSheets ?? (await this.listSheets());
    try {
      return await readRanges(this.options.run, requests, known);
    } catch (error) {
      // A tab renamed or deleted since listSheets: learn the names again once.
      if (this.knownSheets === null) throw new HostError(frenchOfficeError(error), [], error);
      this.knownSheets = null;
      return this.guard(async () => readRanges(this.options.run, requests, await this.listSheets()));
    }
  }

  async apply(plan: ApplyPlan, progress?: ProgressFn): Promise<ApplyResult> {
    const known = this.knownSheets ?? undefined;
    this.knownSheets = null;
    return this.guard(() => applyPlan(this.options.run, plan, this.options.features, progress, known));
  }

  async createWorkbook(spec: WorkbookSpec): Promise<CreatedWorkbook> {
    const bytes = await this.options.renderXlsx(spec);
    await this.guard(() => this.options.openWorkbook(toBase64(bytes)));
    return { bytes };
  }

  private async guard<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (error) {
      if (error instanceof HostError) throw error;
      throw new HostError(frenchOfficeError(error), [], error);
    }
  }
}
