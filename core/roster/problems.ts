/** The roster problems, as data: each French message says what is wrong, where, and what to do. */
import { columnLetter } from '../spec/a1';
import { HEADER_SEARCH_ROWS, headersLookedFor } from './headers';
import { frenchList } from './text';
import type { RosterProblem } from './types';

export interface Where {
  sheet?: string;
  row?: number;
  /** 0-based column index; shown as a letter. */
  column?: number;
}

function problem(
  severity: RosterProblem['severity'],
  code: string,
  message: string,
  where: Where,
): RosterProblem {
  const p: RosterProblem = { severity, code, message };
  if (where.sheet !== undefined) p.sheet = where.sheet;
  if (where.row !== undefined) p.row = where.row;
  if (where.column !== undefined) p.column = columnLetter(where.column + 1);
  return p;
}

const quoted = (s: string): string => `« ${s} »`;

function ofSheet(sheet: string | undefined): string {
  return sheet === undefined ? '' : ` de la feuille ${quoted(sheet)}`;
}

/** « Ligne 12 (colonne B) » — the sheet is named in the problem's own field and by the caller's title. */
function place(where: Where): string {
  const column = where.column === undefined ? '' : ` (colonne ${columnLetter(where.column + 1)})`;
  return `Ligne ${where.row ?? '?'}${column}`;
}

const ADD_HEADER =
  "Ajoutez une ligne d'en-tête avec au moins une colonne « NOM » (ou « Élève », « Nom Prénom »). " +
  `En-têtes reconnus : ${headersLookedFor()}.`;

export function noHeader(where: Where): RosterProblem {
  const text = `Aucune ligne d'en-tête reconnue dans les ${HEADER_SEARCH_ROWS} premières lignes${ofSheet(where.sheet)}. ${ADD_HEADER}`;
  return problem('erreur', 'en-tete-absent', text, where);
}

export function noHeaderInSheets(names: readonly string[]): RosterProblem {
  const text = `Aucune feuille ne contient de liste de candidats (feuilles examinées : ${frenchList(names.map(quoted))}). ${ADD_HEADER}`;
  return problem('erreur', 'en-tete-absent', text, {});
}

export function emptySheet(where: Where): RosterProblem {
  const name = where.sheet === undefined ? 'La liste' : `La feuille ${quoted(where.sheet)}`;
  const text = `${name} est vide : aucun candidat à lire. Choisissez la feuille qui contient la liste des candidats.`;
  return problem('erreur', 'aucun-candidat', text, where);
}

export function noCandidate(where: Where): RosterProblem {
  const text = `Aucun candidat sous l'en-tête (ligne ${where.row})${ofSheet(where.sheet)} : ajoutez au moins une ligne avec un NOM sous cet en-tête.`;
  return problem('erreur', 'aucun-candidat', text, where);
}

export function noWorkbookSheet(): RosterProblem {
  return problem(
    'erreur',
    'aucun-candidat',
    'Le classeur ne contient aucune feuille : aucun candidat à lire.',
    {},
  );
}

export function sheetNotFound(name: string, names: readonly string[]): RosterProblem {
  const list = names.length === 0 ? 'aucune' : frenchList(names.map(quoted));
  const text = `La feuille ${quoted(name)} n'existe pas dans le classeur. Feuilles présentes : ${list}. Indiquez le nom exact de l'une d'elles.`;
  return problem('erreur', 'feuille-absente', text, {});
}

export function missingNom(where: Where): RosterProblem {
  const text = `${place(where)} ignorée : le NOM est vide. Complétez le NOM ou supprimez la ligne.`;
  return problem('avertissement', 'nom-manquant', text, where);
}

export function missingPrenom(where: Where, nom: string): RosterProblem {
  const text = `${place(where)} : le Prénom de ${nom} est vide. Le candidat est gardé ; complétez son Prénom.`;
  return problem('avertissement', 'prenom-manquant', text, where);
}

export function missingNumber(where: Where, name: string): RosterProblem {
  const text = `${place(where)} : ${name} n'a pas de N° candidat. Le candidat est gardé ; ajoutez son numéro dès qu'il est connu.`;
  return problem('avertissement', 'numero-manquant', text, where);
}

export function noNumberColumn(where: Where, count: number): RosterProblem {
  const who = count === 1 ? 'le candidat est gardé' : `les ${count} candidats sont gardés`;
  const text = `La liste${ofSheet(where.sheet)} n'a pas de colonne « N° candidat » : ${who} sans numéro. Ajoutez une colonne « N° candidat » dès que les numéros sont connus.`;
  return problem('avertissement', 'colonne-numero-absente', text, where);
}

export function duplicateNumber(
  where: Where,
  number: string,
  rows: readonly number[],
  names: readonly string[],
): RosterProblem {
  const text =
    `Le N° candidat ${number} figure ${rows.length} fois : lignes ${frenchList(rows.map(String))} (${names.join(', ')}). ` +
    'Un numéro identifie un seul candidat : corrigez la liste.';
  return problem('erreur', 'numero-en-double', text, where);
}

export function badBirthDate(where: Where, text: string, name: string): RosterProblem {
  const message = `${place(where)} : la date de naissance ${quoted(text)} de ${name} n'est pas une date lisible. Elle est ignorée ; écrivez-la sous la forme JJ/MM/AAAA.`;
  return problem('avertissement', 'date-naissance-illisible', message, where);
}

export function ambiguousName(where: Where, text: string, nom: string, prenom: string): RosterProblem {
  const message =
    `${place(where)} : dans ${quoted(text)}, rien ne distingue le NOM du Prénom (le NOM s'écrit en majuscules). ` +
    `Lu comme NOM ${quoted(nom)}, Prénom ${quoted(prenom)} : vérifiez, ou séparez NOM et Prénom en deux colonnes.`;
  return problem('avertissement', 'nom-prenom-ambigu', message, where);
}
