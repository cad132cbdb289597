import type { Criterion, Epreuve, FormId, PartDef } from '../referentiel/types';
import { formDef } from '../referentiel/lookup';

/**
 * French names of the rubrics of a tab, shared by the reader's problems, the findings, the report and
 * the exports, so that one field is called the same everywhere.
 */
export const RUBRIC = {
  nom: 'NOM',
  prenom: 'Prénom',
  number: 'N° candidat',
  group: 'Division / commission',
  status: 'Statut',
  activity: 'Activité simulée',
  note: 'Note sur 20',
  ficheNumber: "Fiche d'activité N°",
  ficheTitle: "Titre de la fiche d'activité",
  date: 'Date',
  commissionNumber: 'N° commission',
  members: 'Membres de la commission',
} as const;

export function levelRubric(criterion: Criterion): string {
  return `Niveau – ${criterion.wording}`;
}

export function motifRubric(index: number): string {
  return `Motif de non-validité ${index + 1}`;
}

/**
 * « Situation A » (the CCF titles start with their own short name before « – ») or « Phase 1 » (the
 * ponctuelle titles are numbered sentences with no short name).
 */
export function partName(part: PartDef): string {
  const head = part.title.split(' – ')[0];
  return head.length < part.title.length ? head : `Phase ${part.id}`;
}

export function partRubric(epreuve: Epreuve, form: FormId, partId: string, what: string): string {
  const part = formDef(epreuve, form).parts.find((p) => p.id === partId);
  return part ? `${what} – ${partName(part)}` : what;
}
