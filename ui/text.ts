import { E4, sessionVariant } from '../core/referentiel';
import type { FormId } from '../core/referentiel/types';
import type { TitleSession } from '../core/roster/session';
import type { RosterProblem } from '../core/roster/types';
import type { Finding } from '../core/validate/types';
import type {
  ControlSummary,
  GenerateResult,
  RosterPreview,
  StatisticsSummary,
} from '../core/workflows/types';
import { numberCorrectionText } from '../core/workflows/number-corrections';

/** Everything the panel says, as pure functions of the workflows' results (tested without a DOM). */

/** The two forms, in the order the panel offers them. Typed by FormId, so a new form fails to compile here. */
export const FORM_LABELS: Record<FormId, string> = { ccf: 'CCF', ponctuel: 'Forme ponctuelle' };

export function plural(n: number, singular: string, pluralForm: string): string {
  return `${n} ${n === 1 || n === 0 ? singular : pluralForm}`;
}

/** « 12,35 » with a French decimal comma. */
export function frenchNumber(n: number, decimals = 2): string {
  return n.toFixed(decimals).replace('.', ',');
}

export function candidateLabel(c: { number: string; nom: string; prenom: string }): string {
  const name = [c.nom, c.prenom].filter((s) => s !== '').join(' ');
  return c.number === '' ? name : `${name} (n° ${c.number})`;
}

export function previewLines(preview: RosterPreview): string[] {
  if (preview.sheet === null || preview.header === null) {
    return ['Aucune liste de candidats trouvée dans la feuille ou la sélection active.'];
  }
  return [
    `Feuille : ${preview.sheet}`,
    `En-tête détecté à la ligne ${preview.header.row} : ${preview.headerLabels.join(' · ')}`,
    `${plural(preview.candidates.length, 'candidat trouvé', 'candidats trouvés')}.`,
    ...sessionLines(preview.session),
    // Re-links are announced before « Créer les onglets » applies them.
    ...(preview.relinks ?? []).map((c) => `Onglet conservé, ${numberCorrectionText(c)}.`),
  ];
}

/** The session the roster's title names, said before anything is applied (the tabs will carry it). */
export function sessionLines(session: TitleSession | undefined): string[] {
  if (session === undefined) return [];
  if (sessionVariant(E4, session.year) === undefined)
    return [
      `Session ${session.year} lue dans le titre de la liste : le référentiel ne la connaît pas, indiquez la session ci-dessous.`,
    ];
  return [`Session ${session.year} (lue dans le titre de la liste)`];
}

export function problemText(problem: RosterProblem): string {
  const prefix = problem.severity === 'erreur' ? 'Erreur' : 'Avertissement';
  return `${prefix} : ${problem.message}`;
}

export function generateLines(result: GenerateResult): string[] {
  const lines = [
    `${plural(result.created.length, 'onglet créé', 'onglets créés')}, ${plural(result.existing, 'déjà présent', 'déjà présents')}.`,
  ];
  // Which session the tabs carry when the roster's title decided it, or why not (the CLI's words).
  if (result.session?.message !== undefined) lines.push(result.session.message);
  if (result.refreshed.length > 0) {
    lines.push(
      `${plural(result.refreshed.length, 'onglet mis à jour', 'onglets mis à jour')} depuis la liste (identité seulement).`,
    );
  }
  for (const c of result.relinked ?? []) lines.push(`Onglet conservé, ${numberCorrectionText(c)}.`);
  for (const orphan of result.orphans) {
    lines.push(
      `L'onglet « ${orphan.sheet} » (${candidateLabel(orphan)}) n'est plus dans la liste : il est conservé tel quel.`,
    );
  }
  if (result.remaining > 0) {
    lines.push(
      `${plural(result.remaining, 'candidat reste', 'candidats restent')} sans onglet : relancez « Créer les onglets ».`,
    );
  }
  if (result.exitCode === 2) lines.push("Rien n'a été écrit dans le classeur.");
  return lines;
}

export function controlLines(summary: ControlSummary): string[] {
  return [
    `${plural(summary.candidates, 'candidat', 'candidats')} : ${plural(summary.complete, 'grille complète', 'grilles complètes')}, ${plural(summary.incomplete, 'incomplète', 'incomplètes')}, ${plural(summary.absent, 'absent', 'absents')}, ${plural(summary.nonValide, 'non valide', 'non valides')}.`,
    `${plural(summary.errors, 'erreur', 'erreurs')}, ${plural(summary.warnings, 'avertissement', 'avertissements')}.`,
  ];
}

export interface FindingGroup {
  title: string;
  findings: Finding[];
}

/** Findings grouped by candidate, in the validator's order; findings about no candidate come under « Classeur ». */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const title = finding.candidate === null ? 'Classeur et liste' : candidateLabel(finding.candidate);
    const key = finding.candidate === null ? '' : `${finding.candidate.number}\u0000${title}`;
    const group = groups.get(key) ?? { title, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function findingText(finding: Finding): string {
  const where = finding.sheet !== null && finding.cell !== null ? ` (${finding.sheet}, ${finding.cell})` : '';
  const prefix = finding.severity === 'erreur' ? 'Erreur' : 'Avertissement';
  return `${prefix} – ${finding.rubric} : ${finding.message}${where}`;
}

export function statisticsLines(summary: StatisticsSummary): string[] {
  const lines = [
    `${plural(summary.inscrits, 'inscrit', 'inscrits')}, ${plural(summary.presentsNotes, 'présent noté', 'présents notés')}.`,
    summary.mean === null
      ? 'Aucune note saisie : pas de moyenne.'
      : `Moyenne : ${frenchNumber(summary.mean)} / 20.`,
  ];
  if (summary.provisional) lines.push('Statistiques provisoires : des grilles sont encore incomplètes.');
  return lines;
}

/** The sentence shown for a failure: the host's French message when it has one. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return message.trim() !== ''
    ? message
    : "L'opération a échoué sans message. Réessayez ; si cela se reproduit, utilisez la ligne de commande (grilles-e4).";
}
