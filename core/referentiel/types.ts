/**
 * The shape of a référentiel: everything the grids, the reader, the rules and the statistics need to
 * know about an épreuve is data of these types. A new session, or another épreuve with the same
 * structure (E6 for instance), is a new value of `Epreuve`, not new code.
 */

/** Level codes as written in the cells (the official abbreviations). */
export type LevelCode = 'TI' | 'I' | 'S' | 'TS';

export interface Level {
  code: LevelCode;
  /** Official wording, e.g. « Très insuffisant ». */
  label: string;
  /** 0 = lowest. Used by the advisory band rules. */
  rank: number;
}

/** Form of the épreuve. Distinct codes in data; the official words are in `FormDef.label`. */
export type FormId = 'ccf' | 'ponctuel';

/** Simulation activity. « NV » on screen, `negociation` in data (NV also means « non valide »). */
export type ActivityCode = 'negociation' | 'evenement';

/** Presence / dossier status. « ABS » and « NV » on screen; distinct codes in data. */
export type PresenceStatus = 'present' | 'absent' | 'non_valide';

export interface Criterion {
  /** Stable id used in data and in the reader, e.g. `cibler.1`. */
  id: string;
  /** Number inside its bloc, as printed (1, 2, 3…). */
  number: number;
  wording: string;
  /** Indicators printed in brackets on the grid. */
  indicators: string;
  /** Wording of the indicators where a form's annex differs (V-6 for the forme ponctuelle). */
  indicatorsByForm?: Partial<Record<FormId, string>>;
}

export interface Bloc {
  id: string;
  title: string;
  criteria: Criterion[];
  /** Set when the bloc is positioned only if this activity was chosen for the simulation. */
  activity?: ActivityCode;
}

export interface Activity {
  code: ActivityCode;
  /** What the dropdown and the fiche show: the annex's wording in full. */
  label: string;
  /** Dropdown labels of earlier versions, still read back from older tabs. */
  formerLabels?: string[];
  /** Official short code on the forms: « NV » or « EC ». */
  shortLabel: string;
  /** Name used in the statistics, e.g. « Négociation-vente ». */
  statsLabel: string;
  /** Name used in the nominative list, e.g. « Négociation ». */
  listLabel: string;
  blocId: string;
}

export interface StatusDef {
  code: PresenceStatus;
  /** What the dropdown shows, e.g. « Absent (ABS) ». */
  label: string;
  /** Short official mention: « ABS », « NV ». Empty for present. */
  shortLabel: string;
}

/** One part of a form: a CCF situation (A, B) or a phase of the forme ponctuelle (1, 2, 3). */
export interface PartDef {
  id: string;
  /** Heading printed on the fiche; `{minutes}` is replaced by the session's duration for this part. */
  title: string;
  /** Blocs evaluated in this part; `activity` = the bloc of the chosen simulation activity. */
  blocs: Array<string | 'activity'>;
  /** The part has its own date (CCF situations). */
  hasDate: boolean;
  /** The part carries the simulation: activity box, fiche N° and titre (CCF situation B). */
  hasSimulation: boolean;
  /** Commission members signed for this part (CCF: per situation). 0 = members are per form. */
  memberLines: number;
  /** Minimum number of members required for this part. */
  minMembers: number;
}

export interface FormDef {
  id: FormId;
  /** « CCF », « Forme ponctuelle ». */
  label: string;
  gridAnnex: string;
  ficheAnnex: string;
  gridTitle: string;
  ficheTitle: string;
  parts: PartDef[];
  /** Header fields of the forme ponctuelle: N° candidat, N° commission, date, fiche N°, titre. */
  headerSimulation: boolean;
  headerCommission: boolean;
  headerDate: boolean;
  /** Members signed once for the whole form (ponctuelle: 2). */
  formMemberLines: number;
  formMinMembers: number;
  formMaxMembers: number;
}

/** Durations that change from one session to another. */
export interface SessionVariant {
  fromYear: number;
  /** Inclusive; undefined = still in force. */
  toYear?: number;
  /** Minutes per part id, e.g. { B: 15 } for the CCF, { '1': 10, '2': 15, '3': 15 } for the ponctuelle. */
  partMinutes: Partial<Record<FormId, Record<string, number>>>;
  /** Whole duration shown in the grid title, e.g. « 40 minutes ». */
  totalDuration: Partial<Record<FormId, string>>;
}

/**
 * An advisory band: « indicatif » only, never fills the note. Evaluated in order; the first rule whose
 * conditions hold on the positioned levels wins.
 */
export interface AdvisoryRule {
  label: string;
  /** Every positioned level is at least this one. */
  minAtLeast?: LevelCode;
  /** Every positioned level is at most this one. */
  maxAtMost?: LevelCode;
  /** Notes consistent with the band, for the « note hors bande » warning. */
  noteMin: number;
  noteMax: number;
  /** True when noteMax itself is outside the band (« moins de 8 »). */
  noteMaxExclusive?: boolean;
}

export interface Epreuve {
  id: string;
  diploma: string;
  title: string;
  unit: string;
  coefficient: number;
  levels: Level[];
  legend: string;
  blocs: Bloc[];
  activities: Activity[];
  statuses: StatusDef[];
  /** V-8 motifs of non-validity, in official order (numbered from 1). */
  nvMotifs: string[];
  forms: FormDef[];
  sessions: SessionVariant[];
  advisory: { rules: AdvisoryRule[]; fallback: string };
  footers: { grid: string; fiche: string };
  noteMax: number;
}
