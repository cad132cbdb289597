import type { ProgressFn } from '../core/port';
import type { CliIo } from './io';

/**
 * One progress line on stderr, for a person watching a terminal during a long run (600 candidates take
 * several seconds). Nothing is written when stderr is not a terminal (a pipe, a log, CI, the tests), and
 * nothing before `delayMs`: a short run prints only its result.
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

export interface ProgressOptions {
  stream?: ProgressStream;
  /** Nothing is shown before the run has lasted this long. */
  delayMs?: number;
  /** Redraws closer together than this are skipped (a terminal cannot show 600 updates usefully). */
  intervalMs?: number;
  now?: () => number;
}

export interface Progress {
  /** The host's progress callback: « Création de « DUPONT Léa » (12/35) ». */
  report: ProgressFn;
  /** A phase without a count: « Enregistrement de classe-grilles.xlsx… ». */
  say(label: string): void;
  /** Clears the line for good (idempotent). */
  end(): void;
  /** The command's io, whose messages first clear the line (stdout and stderr often share the terminal). */
  wrap(io: CliIo): CliIo;
}

const CLEAR = '\r\x1b[K';

export function startProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (stream.isTTY !== true)
    return { report: () => undefined, say: () => undefined, end: () => undefined, wrap: (io) => io };
  const now = options.now ?? Date.now;
  const delayMs = options.delayMs ?? 2000;
  const intervalMs = options.intervalMs ?? 100;
  const started = now();
  let text = '';
  let shown = false;
  let lastDraw = -Infinity;
  let ended = false;

  const draw = (): void => {
    if (ended || text === '') return;
    const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
    const width = Math.max(columns - 1, 10);
    stream.write(`${CLEAR}${Array.from(text).slice(0, width).join('')}`);
    shown = true;
    lastDraw = now();
  };
  const update = (next: string, force: boolean): void => {
    text = next;
    const t = now();
    if (t - started < delayMs) return;
    if (force || t - lastDraw >= intervalMs) draw();
  };
  // A phase may last long without any update (one big save): the timer shows it once the delay is over.
  const timer = setTimeout(draw, delayMs);
  timer.unref?.();

  /** The next update redraws the line below whatever the command printed. */
  const clear = (): void => {
    if (!shown) return;
    stream.write(CLEAR);
    shown = false;
    lastDraw = -Infinity;
  };

  return {
    report: (done, total, label) => update(total > 0 ? `${label} (${done}/${total})` : label, done === total),
    say: (label) => update(label, true),
    end: () => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      clear();
    },
    wrap: (io) => ({
      ...io,
      out: (text) => {
        clear();
        io.out(text);
      },
      err: (text) => {
        clear();
        io.err(text);
      },
    }),
  };
}

/**
 * A command whose run shows progress on a terminal: the line is started before the run and always
 * cleared after it, whatever happens.
 */
export function withProgress(
  run: (argv: string[], io: CliIo, progress: Progress) => Promise<number>,
): (argv: string[], io: CliIo) => Promise<number> {
  return async (argv, io) => {
    const progress = startProgress();
    try {
      return await run(argv, progress.wrap(io), progress);
    } finally {
      progress.end();
    }
  };
}
