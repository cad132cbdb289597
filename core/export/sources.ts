import type { Assessment } from '../assessment/types';
import type { Epreuve } from '../referentiel/types';
import { assessmentsToCsv } from './csv';
import { assessmentsToJson } from './json';

/** The export of several grids workbooks as one list: each candidate says which workbook holds it. */

export interface SourceAssessments {
  /** File name of the grids workbook. */
  file: string;
  assessments: Assessment[];
}

/** One CSV for every workbook, a first column « Classeur »; the same guard against formulas. */
export function sourcesToCsv(epreuve: Epreuve, sources: readonly SourceAssessments[]): string {
  const fileOf = new Map<Assessment, string>();
  for (const s of sources) for (const a of s.assessments) fileOf.set(a, s.file);
  return assessmentsToCsv(
    epreuve,
    sources.flatMap((s) => s.assessments),
    [{ header: 'Classeur', get: (a) => fileOf.get(a) ?? null }],
  );
}

/** The JSON export, each candidate record carrying `classeur` first. */
export function sourcesToJson(epreuve: Epreuve, sources: readonly SourceAssessments[]): unknown {
  return {
    epreuve: epreuve.id,
    candidates: sources.flatMap((s) => {
      const { candidates } = assessmentsToJson(epreuve, s.assessments) as { candidates: object[] };
      return candidates.map((record) => ({ classeur: s.file, ...record }));
    }),
  };
}
