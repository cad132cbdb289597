import type { ActivityCode, FormId, LevelCode, PresenceStatus } from '../referentiel/types';
import type { CellValue } from '../spec/types';

/** Where a value lives: the tab (its current name) and the A1 cell. */
export interface CellRef {
  sheet: string;
  cell: string;
}

/** A value read from a tab: normalised `value` (null when empty or unreadable), the `raw` cell content and its place. */
export interface Field<T> {
  value: T | null;
  raw: CellValue;
  ref: CellRef;
}

/** A value that could not be read unambiguously (pasted past the dropdown, text in a number cell…). */
export interface ReadProblem {
  ref: CellRef;
  /** Rubric of the field, e.g. « Niveau – Cibler et prospecter la clientèle 2 ». */
  rubric: string;
  message: string;
}

export interface PartAssessment {
  /** 'A', 'B' (CCF) or '1', '2', '3' (ponctuelle). */
  partId: string;
  /** Null when the form has no date for this part. */
  date: Field<string> | null;
  appreciation: Field<string>;
  /** Member lines of this part (CCF); empty for the ponctuelle. */
  members: Field<string>[];
}

/** Everything a candidate's tab holds, read back. Produced by core/grid/read, used by validate and stats. */
export interface Assessment {
  /** Stable internal id from the tab's marker. */
  tabId: string;
  sheet: string;
  layoutVersion: number;
  epreuve: string;
  form: FormId;
  session: number;
  identity: {
    nom: Field<string>;
    prenom: Field<string>;
    /** Visible N° candidat of the tab (may be edited by hand). */
    number: Field<string>;
    /** Division (CCF) or commission (ponctuelle), as written from the roster. */
    group: Field<string>;
    /** Birth date kept in the marker area, to match homonyms. ISO or ''. */
    birthDate: string;
    /**
     * N° candidat kept in the marker when the tab was generated ('' when the roster had none then). Tabs
     * are matched to the roster through it, so a hand-edited visible number can be reported.
     */
    markerNumber?: string;
  };
  status: Field<PresenceStatus>;
  /** One entry per V-8 motif, in official order; value true when ticked. */
  nvMotifs: Field<boolean>[];
  activity: Field<ActivityCode>;
  /** Level per criterion id (every criterion of the épreuve, the unchosen bloc included). */
  levels: Record<string, Field<LevelCode>>;
  note: Field<number>;
  parts: PartAssessment[];
  /** Fiche N° and titre of the simulated activity (CCF: situation B; ponctuelle: header). */
  fiche: { number: Field<string>; title: Field<string> };
  /** Ponctuelle: date of the oral, N° commission and the 2 members. Null for the CCF. */
  date: Field<string> | null;
  commissionNumber: Field<string> | null;
  members: Field<string>[];
  readProblems: ReadProblem[];
}
