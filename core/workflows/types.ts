import type { Assessment } from '../assessment/types';
import type { Clock } from '../referentiel/lookup';
import type { FormId } from '../referentiel/types';
import type { SessionChoice, TitleSession } from '../roster/session';
import type { RosterHeader, RosterProblem } from '../roster/types';
import type { ProgressFn } from '../port';
import type { Finding } from '../validate/types';
import type { SessionRequest } from './session';

/** Inputs and results of the three workflows, shared by the CLI, the task pane and the sidebar. */

export interface RosterSource {
  /** Sheet holding the roster; default: the first sheet with a roster header. */
  sheet?: string;
  /** A selection inside that sheet (A1 range); default: the whole used range. */
  range?: string;
}

export interface RosterPreview {
  sheet: string | null;
  header: RosterHeader | null;
  /** Header labels found, in column order, for the user to confirm. */
  headerLabels: string[];
  candidates: Array<{ number: string; nom: string; prenom: string }>;
  problems: RosterProblem[];
  /** False when nothing can be generated (no header, no candidate, duplicate numbers…). */
  usable: boolean;
  /** Existing tabs the creation keeps through a corrected N° candidat (shown before anything is applied). */
  relinks?: NumberCorrection[];
  /** The session the roster's title rows announce (« Session 2026 — … »), when they do. */
  session?: TitleSession;
}

export interface GenerateOptions {
  form: FormId;
  /**
   * The session the tabs print, or how it is asked for: then the roster's title decides unless the user
   * forced a year (chooseSession), and the result says which session and why.
   */
  session: number | SessionRequest;
  roster: RosterSource;
  clock: Clock;
  /** Create at most this many tabs in this call (Apps Script chunks); the rest is `remaining`. */
  maxNewTabs?: number;
  progress?: ProgressFn;
}

/** A tab kept through a corrected number: found by the same number written differently, or by identity. */
export interface NumberCorrection {
  /** The tab's name before the run. */
  sheet: string;
  /** The name the run gives the tab (the candidate's name now, e.g. a homonym's suffix with the new number). */
  newName?: string;
  nom: string;
  prenom: string;
  from: string;
  to: string;
  /** Found by NOM, Prénom (and birth date), not by number. */
  relinked: boolean;
}

export interface GenerateResult {
  preview: RosterPreview;
  /** Tabs created by this call. */
  created: string[];
  /** Candidates that already had a tab. */
  existing: number;
  /** Existing tabs whose identity cells were refreshed from the roster. */
  refreshed: string[];
  /** Tabs whose N° candidat the roster corrected (they keep everything else). */
  relinked?: NumberCorrection[];
  /** Tabs whose candidate is no longer in the roster (kept, reported). */
  orphans: Array<{ sheet: string; nom: string; prenom: string; number: string }>;
  /** Candidates still without a tab after this call (chunked runs). */
  remaining: number;
  /** Roster problems plus matching problems (ambiguous homonyms…). */
  problems: RosterProblem[];
  /** The session decided from the roster's title when it was asked for by a SessionRequest. */
  session?: SessionChoice;
  /** 0 done, 1 done with warnings, 2 nothing written. */
  exitCode: 0 | 1 | 2;
}

export interface ControlSummary {
  candidates: number;
  complete: number;
  /** Something still to type (« Incomplète »). */
  incomplete: number;
  /** An inconsistency to correct (« À corriger »). */
  toCorrect: number;
  /** Nothing typed yet (« Non commencée »). */
  notStarted: number;
  absent: number;
  nonValide: number;
  errors: number;
  warnings: number;
}

export interface ControlOptions {
  clock: Clock;
  /** Write the « Contrôle » tab and the « Dernier contrôle » column (false: check only). */
  write: boolean;
  progress?: ProgressFn;
}

export interface ControlResult {
  assessments: Assessment[];
  findings: Finding[];
  summary: ControlSummary;
  /** 0 every candidate complete; 1 findings of severity erreur; 2 unreadable workbook. */
  exitCode: 0 | 1 | 2;
}

/** Settings remembered in the class workbook (« Paramètres E4 » tab). */
export interface StatsSettings {
  academie: string;
  etablissement: string;
  uai: string;
}

export interface StatisticsOptions {
  clock: Clock;
  settings?: Partial<StatsSettings>;
  nominatif: boolean;
  /** Write the settings back to « Paramètres E4 ». */
  persistSettings: boolean;
}

export interface StatisticsSummary {
  provisional: boolean;
  inscrits: number;
  presentsNotes: number;
  /** Mean of the notes, unrounded; null when nobody is graded. */
  mean: number | null;
  settings: StatsSettings;
  /** File name to offer for download, e.g. « statistiques-E4-2026.xlsx ». */
  fileName: string;
}
