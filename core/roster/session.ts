import type { CellValue } from '../spec/types';

/**
 * The session year a roster announces in its title rows (« Session 2026 — Épreuve E4 (CCF) »), so that the
 * tabs print the roster's session rather than one guessed from today's date. Only the rows above the
 * header are looked at: a candidate's data never sets the session.
 */
const SESSION = /\bsession\s*:?\s*(20\d\d)\b/i;

export interface TitleSession {
  year: number;
  /** The title text it was read from, to quote back to the user. */
  text: string;
  /** 1-based sheet row. */
  row: number;
}

export function sessionInTitle(values: readonly CellValue[][], headerRow: number): TitleSession | null {
  for (let r = 0; r < Math.min(headerRow - 1, values.length); r++) {
    for (const cell of values[r] ?? []) {
      if (typeof cell !== 'string') continue;
      const m = SESSION.exec(cell);
      if (m) return { year: Number(m[1]), text: cell.trim(), row: r + 1 };
    }
  }
  return null;
}

export interface SessionChoice {
  session: number;
  /** What to tell the user, in French; undefined when there is nothing to say. */
  message?: string;
  /** True when the user forced a session other than the roster's: a warning (exit 1). */
  warning: boolean;
}

/** Where the user chooses a session, named in the messages: the command line or a panel's field. */
export type SessionAsker = 'cli' | 'panel';

const ASKED: Record<SessionAsker, { forced: string; toChoose: string }> = {
  cli: { forced: 'est demandée (--session)', toChoose: 'Indiquez --session pour en choisir une autre.' },
  panel: {
    forced: 'est indiquée dans le champ « Session »',
    toChoose: 'Indiquez-en une autre dans le champ « Session » pour la choisir.',
  },
};

/**
 * The session the tabs print: the one the user forces, else the roster's title, else the default (from
 * today's date). Said when the roster's differs from the default; a warning when the user forces another
 * than the roster's. A roster year the référentiel does not know is not used, and said. The command line
 * and both panels decide with this one rule.
 */
export function chooseSession(
  forced: number | undefined,
  titled: TitleSession | undefined,
  fallback: number,
  supported: (year: number) => boolean,
  asker: SessionAsker = 'cli',
): SessionChoice {
  const where = titled ? `la liste de la classe indique « ${titled.text} » (ligne ${titled.row})` : '';
  const asked = ASKED[asker];
  if (forced !== undefined) {
    if (!titled || titled.year === forced) return { session: forced, warning: false };
    return {
      session: forced,
      warning: true,
      message: `Avertissement : ${where}, mais la session ${forced} ${asked.forced} : les grilles portent la session ${forced}. Vérifiez l'année.`,
    };
  }
  if (!titled || titled.year === fallback) return { session: fallback, warning: false };
  if (!supported(titled.year)) {
    return {
      session: fallback,
      warning: true,
      message: `Avertissement : ${where}, session que le référentiel ne connaît pas : les grilles portent la session ${fallback}. ${asked.toChoose}`,
    };
  }
  return {
    session: titled.year,
    warning: false,
    message: `Session ${titled.year} : ${where}, et non ${fallback}, l'année scolaire en cours.`,
  };
}
