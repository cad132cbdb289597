import type { Assessment } from '../assessment/types';
import { MISSING_CODES } from '../validate/entry-state';
import { errorsBySheet, outcomeOf } from '../validate/summary';
import type { Finding } from '../validate/types';
import { count, frenchDateTime } from './format';

export interface ControlVerdict {
  /** When the check ran, « 28/11/2026 14:05 ». */
  date: string;
  /**
   * « Complète », « Incomplète : 2 éléments manquants », « À corriger : 1 erreur », « Non commencée »,
   * « Absent » or « Non valide » (with « – n erreur(s) » when an ABS or NV tab holds an erreur).
   */
  verdict: string;
}

function verdictOf(errors: Finding[], a: Assessment): string {
  const withErrors = (word: string): string =>
    errors.length === 0 ? word : `${word} – ${count(errors.length, 'erreur')}`;
  switch (outcomeOf(a, errors)) {
    case 'complete':
      return 'Complète';
    case 'absent':
      return withErrors('Absent');
    case 'nonValide':
      return withErrors('Non valide');
    case 'notStarted':
      return 'Non commencée';
    case 'toCorrect':
      return `À corriger : ${count(errors.filter((f) => !MISSING_CODES.has(f.code)).length, 'erreur')}`;
    case 'incomplete':
      return `Incomplète : ${count(errors.length, 'élément manquant', 'éléments manquants')}`;
  }
}

/**
 * The « Dernier contrôle » of each candidate tab, keyed by its current sheet name; a tab the reader could
 * not read (`unreadSheets`) is said so, with where to look.
 */
export function lastControlVerdicts(
  assessments: Assessment[],
  findings: Finding[],
  checkedAt: Date,
  unreadSheets: string[] = [],
): Record<string, ControlVerdict> {
  const date = frenchDateTime(checkedAt);
  const out: Record<string, ControlVerdict> = {};
  const errorsOf = errorsBySheet(findings);
  for (const a of assessments) out[a.sheet] = { date, verdict: verdictOf(errorsOf(a.sheet), a) };
  for (const sheet of unreadSheets) out[sheet] = { date, verdict: "Illisible : voir l'onglet « Contrôle »" };
  return out;
}
