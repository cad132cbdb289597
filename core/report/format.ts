import type { Finding } from '../validate/types';
import type { ControlSummary } from '../workflows/types';

/** French wording shared by the « Contrôle » tab, the « Dernier contrôle » column and the terminal. */

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** « 28/11/2026 14:05 », in the local time of whoever runs the check. */
export function frenchDateTime(d: Date): string {
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** « 0 erreur », « 1 erreur », « 2 erreurs » (French keeps 0 and 1 singular). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n > 1 ? plural : singular}`;
}

export function severityLabel(severity: Finding['severity']): string {
  return severity === 'erreur' ? 'Erreur' : 'Avertissement';
}

/** « DUPONT Marie », or '' when the finding is about no one. */
export function candidateName(f: Finding): string {
  return f.candidate ? `${f.candidate.nom} ${f.candidate.prenom}`.trim() : '';
}

/** The summary as label/count pairs, in the order the report and the terminal show them. */
export function summaryLines(s: ControlSummary): Array<[string, number]> {
  return [
    ['Candidats', s.candidates],
    ['Complètes', s.complete],
    ['Incomplètes', s.incomplete],
    ['À corriger', s.toCorrect],
    ['Non commencées', s.notStarted],
    ['Absents (ABS)', s.absent],
    ['Non valides (NV)', s.nonValide],
    ['Erreurs', s.errors],
    ['Avertissements', s.warnings],
  ];
}

/**
 * « 12 candidats : 7 complètes, 2 incomplètes, 1 à corriger, 0 non commencée, 1 ABS, 1 NV — 3 erreurs,
 * 2 avertissements. »
 */
export function summarySentence(s: ControlSummary): string {
  return (
    `${count(s.candidates, 'candidat')} : ${count(s.complete, 'complète')}, ${count(s.incomplete, 'incomplète')}, ` +
    `${s.toCorrect} à corriger, ${count(s.notStarted, 'non commencée', 'non commencées')}, ` +
    `${s.absent} ABS, ${s.nonValide} NV — ${count(s.errors, 'erreur')}, ${count(s.warnings, 'avertissement')}.`
  );
}
