import type { Assessment } from '../assessment/types';
import { outcome } from '../validate/summary';
import type { Finding } from '../validate/types';
import { count, frenchDateTime } from './format';

export interface ControlVerdict {
  /** When the check ran, « 28/11/2026 14:05 ». */
  date: string;
  /** « Complet », « Incomplet : 2 erreurs », « ABS » or « NV ». */
  verdict: string;
}

function verdictOf(findings: Finding[], a: Assessment): string {
  switch (outcome(findings, a)) {
    case 'complete':
      return 'Complet';
    case 'absent':
      return 'ABS';
    case 'nonValide':
      return 'NV';
    case 'incomplete': {
      const errors = findings.filter((f) => f.severity === 'erreur' && f.sheet === a.sheet).length;
      return `Incomplet : ${count(errors, 'erreur')}`;
    }
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
  for (const a of assessments) out[a.sheet] = { date, verdict: verdictOf(findings, a) };
  for (const sheet of unreadSheets) out[sheet] = { date, verdict: 'Illisible : voir l’onglet « Contrôle »' };
  return out;
}
