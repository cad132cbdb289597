import type { Criterion, Epreuve, FormId, PartDef } from '../referentiel/types';
import { formDef } from '../referentiel/lookup';
import { perEpreuve } from '../referentiel/memo';

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
  // Named once per criterion: the check names the levels of every tab.
  let rubric = levelRubrics.get(criterion);
  if (rubric === undefined) {
    rubric = `Niveau – ${criterion.wording}`;
    levelRubrics.set(criterion, rubric);
  }
  return rubric;
}

const levelRubrics = new WeakMap<Criterion, string>();

export function motifRubric(index: number): string {
  // Named once per motif: the reader names the motifs of every tab.
  return (motifRubrics[index] ??= `Motif de non-validité ${index + 1}`);
}

const motifRubrics: string[] = [];

/**
 * « Situation A » (the CCF titles start with their own short name before « – ») or « Phase 1 » (the
 * ponctuelle titles are numbered sentences with no short name).
 */
export function partName(part: PartDef): string {
  const head = part.title.split(' – ')[0];
  return head.length < part.title.length ? head : `Phase ${part.id}`;
}

export function partRubric(epreuve: Epreuve, form: FormId, partId: string, what: string): string {
  // Named once per épreuve, form, part and rubric (nested maps: a joined key cost more than the naming).
  const byWhat = partRubricsOf(epreuve, form, partId);
  let rubric = byWhat.get(what);
  if (rubric === undefined) {
    const part = formDef(epreuve, form).parts.find((p) => p.id === partId);
    rubric = part ? `${what} – ${partName(part)}` : what;
    byWhat.set(what, rubric);
  }
  return rubric;
}

const partRubrics = perEpreuve(() => new Map<string, Map<string, Map<string, string>>>());

function partRubricsOf(epreuve: Epreuve, form: FormId, partId: string): Map<string, string> {
  const byForm = partRubrics(epreuve);
  let byPart = byForm.get(form);
  if (byPart === undefined) byForm.set(form, (byPart = new Map()));
  let byWhat = byPart.get(partId);
  if (byWhat === undefined) byPart.set(partId, (byWhat = new Map()));
  return byWhat;
}
