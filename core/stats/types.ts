import type { ActivityCode, FormId, LevelCode } from '../referentiel/types';

/**
 * The statistics of one class or centre, computed once by the core so that every host shows the same
 * figures. Every figure is exact (sum then divide, nothing rounded): hosts round only when displaying.
 * A figure that has no meaning (nobody graded) is null, never NaN.
 */

/** A count and its share of a whole, as a fraction (0.25 = 25 %); share is null when the whole is 0. */
export interface CountShare {
  count: number;
  share: number | null;
}

export interface Counts {
  /** Candidates counted once, by candidate number. */
  inscrits: number;
  /** Status « présent » AND a note. */
  presentsNotes: number;
  absents: number;
  nonValides: number;
  /** Everybody else: present without a note, no status yet, or a note out of range. */
  nonEncoreNotes: number;
}

/** Summary of a list of notes; every figure null when the list is empty. */
export interface NoteSummary {
  count: number;
  mean: number | null;
  /** Population standard deviation (divide by n): the class is the whole population, not a sample. */
  sd: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

export interface NoteBand {
  /** « [0 ; 5[ », « [16 ; 20] ». */
  label: string;
  min: number;
  max: number;
  /** True when `max` itself belongs to the band (the last one). */
  maxInclusive: boolean;
}

export interface BandStats extends CountShare {
  band: NoteBand;
}

export interface LevelStats extends CountShare {
  code: LevelCode;
}

export interface CriterionStats {
  criterionId: string;
  blocId: string;
  blocTitle: string;
  number: number;
  wording: string;
  /** Candidates holding a level on this criterion; the shares below are of this number. */
  positioned: number;
  /** In the référentiel's level order. */
  levels: LevelStats[];
}

export interface ActivityStats {
  code: ActivityCode;
  /** `Activity.statsLabel`, e.g. « Négociation-vente ». */
  label: string;
  presentsNotes: number;
  mean: number | null;
}

export interface GroupStats {
  /** Division (CCF) or commission (ponctuelle) as written; '' when the tab has none. */
  group: string;
  candidates: number;
  presentsNotes: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
}

export interface Statistics {
  epreuveId: string;
  /** Forms met among the candidates, in référentiel order. */
  forms: FormId[];
  counts: Counts;
  notes: NoteSummary;
  atLeast10: CountShare;
  below8: CountShare;
  bands: BandStats[];
  /** Index = whole point 0..noteMax; a note n counts in floor(n). */
  histogram: number[];
  criteria: CriterionStats[];
  activities: ActivityStats[];
  /** Sorted by group name (numbers in natural order); the group '' last. */
  groups: GroupStats[];
  /** The check of the grids found at least one erreur. */
  hasErrors: boolean;
  /** A final table has nobody left to grade and no erreur. */
  provisional: boolean;
}

/** What the user gives once (remembered in the class workbook) and the date of issue. */
export interface StatsMeta {
  /** Académie or exam centre, default « SIEC ». */
  academie: string;
  etablissement: string;
  /** Code UAI; '' when unknown. */
  uai: string;
  session: number;
  /** Labels of the forms, e.g. ['CCF'] or ['CCF', 'Forme ponctuelle']. */
  forms: string[];
  divisions: string[];
  issuedOn: Date;
}
