import type { Clock } from '../core/referentiel/lookup';
import { defaultSession } from '../core/referentiel/lookup';
import type { FormId } from '../core/referentiel/types';
import type { WorkbookSpec } from '../core/spec/types';
import { runControl } from '../core/workflows/control';
import { generateGrids } from '../core/workflows/generate';
import { previewRoster } from '../core/workflows/preview';
import { runConsolidatedStatistics } from '../core/workflows/consolidate';
import { loadSettings, runStatistics } from '../core/workflows/statistics';
import type {
  ControlResult,
  GenerateResult,
  RosterPreview,
  RosterSource,
  StatisticsSummary,
  StatsSettings,
} from '../core/workflows/types';
import type { Bridge, PickedFile } from '../ui/bridge';
import { frenchOfficeError, HostError } from './errors';
import { featureNotes, renderFeatures, requirementProblem, type IsSetSupported } from './features';
import { OfficeHost } from './host';
import type { ExcelRunner } from './runner';
import { sourceFromAddress } from './selection';

type Progress = (done: number, total: number, label: string) => void;

export interface OfficeBridgeOptions {
  run: ExcelRunner;
  isSetSupported: IsSetSupported;
  openWorkbook: (base64: string) => Promise<void>;
  /** Loads the .xlsx renderer (exceljs) only when the statistics need it. */
  loadRenderer: () => Promise<(spec: WorkbookSpec) => Promise<Uint8Array>>;
  /** Makes a download link for the statistics file (URL.createObjectURL in the task pane). */
  downloadUrl: (bytes: Uint8Array) => string;
  clock?: Clock;
}

/** How the open workbook is named in « Classeurs » (Office.js does not give its file name everywhere). */
const OPEN_WORKBOOK = 'Classeur ouvert';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export { XLSX_TYPE };

/** The panel's Bridge in-process over Office.js: each call builds a host and runs one workflow. */
export class OfficeBridge implements Bridge {
  readonly host = 'excel' as const;
  readonly acceptsOtherWorkbooks = true;
  private readonly clock: Clock;
  /** The roster the teacher confirmed in the preview; generation uses the same one. */
  private source: RosterSource | null = null;

  constructor(private readonly options: OfficeBridgeOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  async unavailableReason(): Promise<string | null> {
    return requirementProblem(this.options.isSetSupported);
  }

  defaultSession(): number {
    return defaultSession(this.clock);
  }

  async previewRoster(): Promise<RosterPreview> {
    const selected = await this.selectedSource();
    const preview = await previewRoster(this.makeHost(), selected);
    if (preview.header !== null || selected.sheet === undefined) {
      this.source = selected;
      return preview;
    }
    // The active sheet holds no roster (a candidate's tab, say): look for one in the workbook.
    this.source = {};
    return previewRoster(this.makeHost(), {});
  }

  async generate(options: { form: FormId; session?: number }, onProgress: Progress): Promise<GenerateResult> {
    const roster = this.source ?? (await this.selectedSource());
    const result = await generateGrids(this.makeHost(), {
      form: options.form,
      // The roster's title decides unless the teacher typed another year (the command line's rule).
      session: { forced: options.session, asker: 'panel' },
      roster,
      clock: this.clock,
      progress: onProgress,
    });
    const notes = result.created.length > 0 ? featureNotes(renderFeatures(this.options.isSetSupported)) : [];
    const skipped = notes.map((message) => ({
      severity: 'avertissement' as const,
      code: 'print-skipped',
      message,
    }));
    return { ...result, problems: [...result.problems, ...skipped] };
  }

  async control(onProgress: Progress): Promise<ControlResult> {
    return runControl(this.makeHost(), { clock: this.clock, write: true, progress: onProgress });
  }

  async loadSettings(): Promise<StatsSettings> {
    return loadSettings(this.makeHost());
  }

  async statistics(options: {
    settings: StatsSettings;
    nominatif: boolean;
    others?: PickedFile[];
  }): Promise<StatisticsSummary & { downloadUrl?: string; notes?: string[] }> {
    if (options.others !== undefined && options.others.length > 0) return this.consolidated(options);
    const run = await runStatistics(this.makeHost(), {
      clock: this.clock,
      settings: options.settings,
      nominatif: options.nominatif,
      persistSettings: true,
    });
    const bytes = run.created.bytes;
    return bytes ? { ...run.summary, downloadUrl: this.options.downloadUrl(bytes) } : run.summary;
  }

  /** The open workbook and the picked ones, read here in the pane (exceljs, loaded only now). */
  private async consolidated(options: {
    settings: StatsSettings;
    nominatif: boolean;
    others?: PickedFile[];
  }): Promise<StatisticsSummary & { downloadUrl?: string; notes?: string[] }> {
    const { readPickedWorkbooks } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/picked');
    const picked = await readPickedWorkbooks(options.others ?? []);
    const run = await runConsolidatedStatistics(this.makeHost(), picked.sources, {
      clock: this.clock,
      settings: options.settings,
      nominatif: options.nominatif,
      persistSettings: true,
      currentName: OPEN_WORKBOOK,
    });
    const notes = [...run.notes, ...picked.setAside];
    const bytes = run.created.bytes;
    return bytes
      ? { ...run.summary, notes, downloadUrl: this.options.downloadUrl(bytes) }
      : { ...run.summary, notes };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    try {
      await this.options.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (error) {
      throw new HostError(frenchOfficeError(error), [], error);
    }
  }

  private makeHost(): OfficeHost {
    return new OfficeHost({
      run: this.options.run,
      features: renderFeatures(this.options.isSetSupported),
      renderXlsx: async (spec) => (await this.options.loadRenderer())(spec),
      openWorkbook: this.options.openWorkbook,
    });
  }

  /** The selection's sheet and rectangle, in one sync. */
  private async selectedSource(): Promise<RosterSource> {
    return this.options.run(async (context) => {
      const range = context.workbook.getSelectedRange().load('address');
      await context.sync();
      return sourceFromAddress(range.address);
    });
  }
}
