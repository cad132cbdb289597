/** Finding the header row of a roster: the synonyms are data, matched on folded keys. */
import type { CellValue } from '../spec/types';
import { cellText } from './cells';
import { foldKey } from './text';
import type { RosterField, RosterHeader } from './types';

export interface HeaderFieldDef {
  field: RosterField;
  /** How the field is named to the user (error messages, lists of headers looked for). */
  label: string;
  /** Labels found in real rosters (Pronote, Cyclades, secretariat sheets); compared after foldKey. */
  synonyms: readonly string[];
  /** A header row needs at least one of these: without a name there is no candidate. */
  namesCandidate?: true;
}

export const HEADER_FIELDS: readonly HeaderFieldDef[] = [
  {
    field: 'number',
    label: 'N° candidat',
    synonyms: [
      'N° candidat',
      'Nº candidat',
      'N candidat',
      'Num candidat',
      'Numéro candidat',
      'Numéro',
      'Num',
      'N°',
      'Nº',
      'Matricule',
      'Candidat N°',
      'Identifiant candidat',
      "N° d'inscription",
      "Numéro d'inscription",
      'Numéro Cyclades',
    ],
  },
  {
    field: 'nom',
    label: 'NOM',
    synonyms: [
      'Nom',
      'Nom de naissance',
      'Nom de famille',
      'Nom patronymique',
      "Nom d'usage",
      'Nom usuel',
      "Nom de l'élève",
      'Nom élève',
      'Nom du candidat',
      'Nom candidat',
      "Nom de l'étudiant",
      "Nom de l'apprenti",
    ],
    namesCandidate: true,
  },
  {
    field: 'prenom',
    label: 'Prénom',
    synonyms: [
      'Prénom',
      'Prénoms',
      'Prénom 1',
      'Premier prénom',
      'Prénom usuel',
      "Prénom d'usage",
      "Prénom de l'élève",
      'Prénom élève',
      'Prénom du candidat',
      'Prénom candidat',
      "Prénom de l'étudiant",
      "Prénom de l'apprenti",
    ],
  },
  {
    field: 'nomPrenom',
    label: 'Élève ou Nom Prénom',
    synonyms: [
      'Élève',
      'Élèves',
      'Nom Prénom',
      'Nom et prénom',
      'Nom prénoms',
      'Prénom Nom',
      'Nom complet',
      'Identité',
      'Candidat',
      'Étudiant',
      'Apprenti',
      'Apprenant',
      'Stagiaire',
    ],
    namesCandidate: true,
  },
  {
    field: 'birthDate',
    label: 'Date de naissance',
    synonyms: ['Date de naissance', 'Né(e) le', 'Née le', 'Né le', 'Naissance', 'Date naiss', 'DDN'],
  },
  {
    field: 'division',
    label: 'Division ou Classe',
    synonyms: ['Division', 'Div', 'Classe', 'Groupe', 'Section', 'Formation'],
  },
  {
    field: 'commission',
    label: 'Commission',
    synonyms: [
      'Commission',
      'N° commission',
      'Numéro de commission',
      "Commission d'interrogation",
      'Jury',
      'N° jury',
    ],
  },
  {
    field: 'etablissement',
    label: "Établissement d'origine",
    synonyms: [
      'Établissement',
      "Établissement d'origine",
      'Établissement de formation',
      'Étab',
      'Centre de formation',
      'Organisme de formation',
      'Lycée',
      'CFA',
      'École',
    ],
  },
  {
    field: 'passageDate',
    label: 'Date de passage',
    synonyms: [
      'Date de passage',
      'Date',
      'Jour',
      'Jour de passage',
      "Date de l'oral",
      "Date de l'épreuve",
      'Date de convocation',
      "Date d'interrogation",
      'Passage',
      'Date et heure',
      'Date et heure de passage',
      'Convocation',
    ],
  },
  {
    field: 'passageTime',
    label: 'Heure',
    synonyms: [
      'Heure',
      'Heure de passage',
      'Horaire',
      'Créneau',
      "Heure de l'oral",
      "Heure de l'épreuve",
      'Heure de convocation',
      "Heure d'interrogation",
    ],
  },
  {
    field: 'email',
    label: 'Mél',
    synonyms: [
      'Mél',
      'Mel',
      'Email',
      'E-mail',
      'Mail',
      'Courriel',
      'Adresse mail',
      'Adresse électronique',
      'Adresse mél',
      'Adresse email',
    ],
  },
];

/** Folded synonym → field. Built once; a key claimed by two fields would be a data error (tested). */
const SYNONYM_INDEX: ReadonlyMap<string, RosterField> = new Map(
  HEADER_FIELDS.flatMap((def) => def.synonyms.map((s) => [foldKey(s), def.field] as const)),
);

/** The header rows are looked for in the first rows only: a title block rarely exceeds a few lines. */
export const HEADER_SEARCH_ROWS = 20;

export function fieldOfLabel(label: string): RosterField | undefined {
  return SYNONYM_INDEX.get(foldKey(label));
}

/** The fields a row names, first column wins when two columns name the same field. */
export function matchHeaderRow(row: readonly CellValue[]): RosterHeader['columns'] {
  const columns: RosterHeader['columns'] = {};
  row.forEach((value, index) => {
    const label = cellText(value);
    const field = label === '' ? undefined : fieldOfLabel(label);
    if (field && !columns[field]) columns[field] = { index, label };
  });
  // A separate NOM column is read as is; a combined column next to it would only confuse the reading.
  if (columns.nom) delete columns.nomPrenom;
  return columns;
}

export function namesCandidate(columns: RosterHeader['columns']): boolean {
  return HEADER_FIELDS.some((def) => def.namesCandidate && columns[def.field] !== undefined);
}

/** The row among the first ones that names a candidate and the most fields; the earliest on a tie. */
export function findHeader(values: readonly CellValue[][]): RosterHeader | undefined {
  let best: RosterHeader | undefined;
  let bestCount = 0;
  values.slice(0, HEADER_SEARCH_ROWS).forEach((row, r) => {
    const columns = matchHeaderRow(row ?? []);
    const count = Object.keys(columns).length;
    if (namesCandidate(columns) && count > bestCount) {
      best = { row: r + 1, columns };
      bestCount = count;
    }
  });
  return best;
}

/** « N° candidat, NOM, Prénom, … » for the message shown when no header is found. */
export function headersLookedFor(): string {
  return HEADER_FIELDS.map((def) => `« ${def.label} »`).join(', ');
}
