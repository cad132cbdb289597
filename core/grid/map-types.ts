import type { FormId } from '../referentiel/types';

/**
 * Where every field of a candidate's tab lives (A1 cells), for one layout version and form. The layout
 * writes the tab from it; the reader reads the tab through it; the recap's formulas point into it.
 */
export interface GridMap {
  layoutVersion: number;
  form: FormId;
  identity: { nom: string; prenom: string; number: string; group: string };
  status: string;
  /** One checkbox-like cell per V-8 motif (« X » when ticked), official order. */
  nvMotifs: string[];
  activity: string;
  /** Dropdown cell per criterion id, for every criterion of the épreuve. */
  levels: Record<string, string>;
  note: string;
  parts: Array<{ partId: string; date: string | null; appreciation: string; members: string[] }>;
  fiche: { number: string; title: string };
  /** Ponctuelle only. */
  date: string | null;
  commissionNumber: string | null;
  members: string[];
  /**
   * Hidden working cells (layout-formulas.ts): status, activity, note, levels (per criterion id) and motifs
   * normalised to numbers, and the count of inconsistencies.
   */
  check: {
    status: string;
    activity: string;
    note: string;
    levels: Record<string, string>;
    motifs: string[];
    corrections: string;
  };
  /** Live formula cells. */
  missingCount: string;
  statusText: string;
  advisory: string;
  /** One rectangle from A1 covering every cell above, the marker included: read it in one call. */
  readRange: string;
}
