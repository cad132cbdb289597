import type { Bridge, PickedFile } from '../../ui/bridge';
import type { FormId } from '../../core/referentiel/types';
import { defaultSession } from '../../core/referentiel/lookup';
import type {
  ControlResult,
  GenerateResult,
  RosterPreview,
  RosterSource,
  StatsSettings,
} from '../../core/workflows/types';
import type { SessionRequest } from '../../core/workflows/session';
import type { PreviewAnswer, StatisticsAnswer } from '../server';
import { failureText } from './failure-text';
import { nextChunkSize } from '../chunking';
import { unpackFindings, type ControlAnswer } from '../findings-pack';

/** The part of google.script.run the sidebar uses: a runner with handlers, then a server function by name. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}

export interface GasBridgeOptions {
  chunkSize: number;
  /** Retries of one failed chunk before giving up (the run stays resumable). */
  retries: number;
  /** Pause before a retry, ms. */
  retryDelay: number;
}

interface ChunkCall {
  form: FormId;
  session: SessionRequest;
  chunkSize: number;
  fresh: boolean;
  roster?: RosterSource;
}

const DEFAULTS: GasBridgeOptions = { chunkSize: 40, retries: 2, retryDelay: 1500 };

export const RESUME_HINT =
  "La création s'est interrompue. Les onglets déjà créés sont conservés : cliquez de nouveau sur « Créer les onglets », elle reprendra où elle s'est arrêtée.";

/**
 * The panel's bridge over google.script.run. Generation is driven from here in chunks (each server call
 * creates at most `chunkSize` tabs and says how many remain), so a whole centre finishes with a
 * progress bar although one Apps Script execution is limited in time.
 */
export class GasBridge implements Bridge {
  readonly host = 'sheets' as const;
  private readonly options: GasBridgeOptions;
  /** The roster the preview read (the active sheet, a selection, a picked sheet); null = not read yet. */
  private source: RosterSource | null = null;

  constructor(
    private readonly runner: () => ScriptRunner | null,
    options: Partial<GasBridgeOptions> = {},
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  private call<T>(name: string, ...args: unknown[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const run = this.runner();
      if (run === null) {
        reject(new Error('Google Apps Script est indisponible.'));
        return;
      }
      const bound = run
        .withSuccessHandler((value) => resolve(value as T))
        .withFailureHandler((error) =>
          reject(new Error(failureText(error instanceof Error ? error.message : String(error)))),
        );
      const fn = bound[name];
      if (typeof fn !== 'function') {
        reject(new Error(`Fonction serveur absente : ${name}`));
        return;
      }
      (fn as (...a: unknown[]) => void).apply(bound, args);
    });
  }

  async unavailableReason(): Promise<string | null> {
    return this.runner() === null
      ? "Ce panneau s'ouvre depuis Google Sheets : Extensions › Grilles E4 › Ouvrir."
      : null;
  }

  /**
   * The roster of the active sheet (or selection), or of the sheet the user picked in the panel. The
   * answer says which source was read: generation reads that same one.
   */
  async previewRoster(sheet?: string): Promise<RosterPreview & { sheets?: string[] }> {
    const answer = await this.call<PreviewAnswer>('previewRoster', sheet === undefined ? {} : { sheet });
    this.source = answer.source ?? null;
    return answer;
  }

  defaultSession(): number {
    return defaultSession(this.clock);
  }

  /**
   * One chunk, retried after a pause when it fails (a busy lock, a timeout). A retry lists and reads
   * every tab again (`fresh`): what the failed execution changed is not in the cached tab list.
   */
  private async chunkWithRetry(request: ChunkCall): Promise<GenerateResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.call<GenerateResult>(
          'generateChunk',
          attempt === 0 ? request : { ...request, fresh: true },
        );
      } catch (error) {
        if (attempt >= this.options.retries) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`${reason}\n${RESUME_HINT}`);
        }
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelay));
      }
    }
  }

  /**
   * Chunks until no candidate is left. The first chunk of a run is `fresh` (lists and reads every
   * tab); the next ones reuse the tab list the previous chunk left in the document cache.
   */
  async generate(
    options: { form: FormId; session?: number },
    onProgress: (done: number, total: number, label: string) => void,
  ): Promise<GenerateResult> {
    // Every chunk decides the session the same way (the roster's title, else the year typed, else
    // today's date: chooseSession), so that all the tabs of a run carry one session.
    const session: SessionRequest = { forced: options.session, asker: 'panel' };
    const created: string[] = [];
    let first: GenerateResult | null = null;
    let total = 0;
    for (let next = this.options.chunkSize; ;) {
      const request: ChunkCall = {
        form: options.form,
        session,
        chunkSize: next,
        fresh: first === null,
        ...(this.source === null ? {} : { roster: this.source }),
      };
      const result = await this.chunkWithRetry(request);
      if (first === null) {
        first = result;
        total = result.created.length + result.remaining;
      }
      created.push(...result.created);
      next = nextChunkSize(result.remaining, this.options.chunkSize);
      // The panel adds « (done / total) »; `done` counts tabs made by a failed attempt too, which
      // `created` cannot know.
      onProgress(total - result.remaining, total, 'Onglets créés');
      // No progress means something blocks creation: stop rather than loop (the result says what).
      if (result.remaining === 0 || result.exitCode === 2 || result.created.length === 0) {
        // Tabs a stopped attempt made before dying are found by the retry, among the existing ones:
        // they count as already there (as after a resume by hand), so the two numbers still add up.
        return { ...result, created, existing: result.existing - (created.length - result.created.length) };
      }
    }
  }

  async control(onProgress: (done: number, total: number, label: string) => void): Promise<ControlResult> {
    onProgress(0, 1, 'Lecture des onglets…');
    const { packed, ...rest } = await this.call<ControlAnswer>('runControl');
    onProgress(1, 1, 'Contrôle terminé');
    return { ...rest, findings: unpackFindings(packed) };
  }

  loadSettings(): Promise<StatsSettings> {
    return this.call<StatsSettings>('loadSettings');
  }

  readonly acceptsOtherWorkbooks = true;

  /**
   * With other workbooks picked on the computer: they are read here, in the sidebar, by the reader the
   * Excel pane uses, and only their digests (the candidates counted, no file) go to the server.
   */
  async statistics(options: {
    settings: StatsSettings;
    nominatif: boolean;
    others?: PickedFile[];
  }): Promise<StatisticsAnswer & { notes?: string[] }> {
    const { others, ...rest } = options;
    if (others === undefined || others.length === 0)
      return this.call<StatisticsAnswer>('runStatistics', rest);
    const { digestPickedWorkbooks } = await import('../../xlsx/picked');
    const picked = await digestPickedWorkbooks(others);
    const answer = await this.call<StatisticsAnswer & { notes: string[] }>('runConsolidatedStatistics', {
      ...rest,
      others: picked.digests,
    });
    return { ...answer, notes: [...answer.notes, ...picked.setAside] };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.call<void>('selectCell', sheet, cell);
  }
}
