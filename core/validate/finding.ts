import type { Assessment, CellRef } from '../assessment/types';
import type { ProblemSeverity } from '../roster/types';
import type { Finding } from './types';

/** The candidate a tab is about, as its identity cells say (empty strings when blank). */
export function tabCandidate(a: Assessment): NonNullable<Finding['candidate']> {
  return {
    number: a.identity.number.value ?? '',
    nom: a.identity.nom.value ?? '',
    prenom: a.identity.prenom.value ?? '',
  };
}

/** A finding of a known severity (advice is only ever an avertissement: see advice-rules.ts). */
export type FindingOf<S extends ProblemSeverity> = Finding & { severity: S };

/** A finding on one cell of a candidate's tab. */
export function cellFinding<S extends ProblemSeverity>(
  a: Assessment,
  severity: S,
  code: string,
  ref: CellRef | null,
  rubric: string,
  message: string,
): FindingOf<S> {
  return {
    severity,
    code,
    candidate: tabCandidate(a),
    sheet: ref?.sheet ?? a.sheet,
    cell: ref?.cell ?? null,
    rubric,
    message,
  };
}

/** A non-empty text, as the rules need it: blank and unreadable fields are both « not filled ». */
export function filled(field: { value: unknown }): boolean {
  return field.value !== null && field.value !== '';
}
