import type { TitleSession } from './session';
import type { CellValue } from '../spec/types';

/** One candidate as read from the class roster. Every field is trimmed, NFC-normalised text. */
export interface Candidate {
  /** 1-based row of the roster sheet (or CSV line) the candidate came from. */
  row: number;
  /** N° candidat; '' when the roster does not have it yet (it often comes later in the year). */
  number: string;
  nom: string;
  prenom: string;
  /** ISO date 'YYYY-MM-DD' when known. */
  birthDate?: string;
  division?: string;
  commission?: string;
  etablissement?: string;
  /** Date and/or time of the oral, as text (« 18/05/2026 15:30 »). */
  passage?: string;
  email?: string;
}

export type RosterField =
  | 'number'
  | 'nom'
  | 'prenom'
  | 'nomPrenom'
  | 'birthDate'
  | 'division'
  | 'commission'
  | 'etablissement'
  | 'passageDate'
  | 'passageTime'
  | 'email';

export type ProblemSeverity = 'erreur' | 'avertissement';

/** A problem found in the roster, as data: the hosts and the CLI print `message`. */
export interface RosterProblem {
  severity: ProblemSeverity;
  code: string;
  /** French sentence: what is wrong, where, what to do. */
  message: string;
  sheet?: string;
  row?: number;
  /** Column letter (xlsx) or 1-based index as a letter for CSV too. */
  column?: string;
}

export interface RosterHeader {
  /** 1-based row of the header. */
  row: number;
  /** 0-based column index and the label found, per recognised field. */
  columns: Partial<Record<RosterField, { index: number; label: string }>>;
}

export interface RosterResult {
  sheet?: string;
  header?: RosterHeader;
  /** The session year announced in the title rows above the header, when there is one. */
  session?: TitleSession;
  candidates: Candidate[];
  problems: RosterProblem[];
}

/** A sheet of values as a host gives it: rows of cells, row 0 = sheet row 1. */
export interface SheetValues {
  name: string;
  values: CellValue[][];
}
