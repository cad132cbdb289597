import type { FormId } from '../core/referentiel/types';
import type {
  ControlResult,
  GenerateResult,
  RosterPreview,
  StatisticsSummary,
  StatsSettings,
} from '../core/workflows/types';

/** A workbook chosen on the computer, read in the panel (nothing is uploaded). */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * What the panel asks of its host. The Excel task pane implements it in-process over Office.js; the
 * Sheets sidebar implements it over google.script.run (and drives chunked runs itself). The panel
 * knows nothing else about the host.
 */
export interface Bridge {
  host: 'excel' | 'sheets';
  /** Why the panel cannot work here (e.g. Excel too old, office.js absent), or null. French sentence. */
  unavailableReason(): Promise<string | null>;
  /**
   * The roster found in the active sheet or the current selection, or in `sheet` when the user picked
   * one; `sheets` (when the host gives it) lists the sheets the user may pick from.
   */
  previewRoster(sheet?: string): Promise<RosterPreview & { sheets?: string[] }>;
  defaultSession(): number;
  /**
   * Creates the tabs. The session is decided as on the command line (chooseSession): the roster's
   * title (« Session 2026 — … ») when it names one, else `defaultSession()`. `session` is the year the
   * user typed in « Session » (when it differs from what the panel put there): it wins, with a warning
   * when the roster names another. The result's `session` says which one the tabs carry, and why.
   */
  generate(
    options: { form: FormId; session?: number },
    onProgress: (done: number, total: number, label: string) => void,
  ): Promise<GenerateResult>;
  control(onProgress: (done: number, total: number, label: string) => void): Promise<ControlResult>;
  loadSettings(): Promise<StatsSettings>;
  statistics(options: {
    settings: StatsSettings;
    nominatif: boolean;
    /** Other grids workbooks picked on the computer, consolidated with the open one. */
    others?: PickedFile[];
  }): Promise<StatisticsSummary & { url?: string; downloadUrl?: string; notes?: string[] }>;
  /** True when `statistics` can take other workbooks (« Ajouter d'autres classeurs… »). */
  readonly acceptsOtherWorkbooks?: boolean;
  /** Selects a cell in its tab (a click on a finding). */
  selectCell(sheet: string, cell: string): Promise<void>;
}
