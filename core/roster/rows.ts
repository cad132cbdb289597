/** Reading one data row of the roster into a candidate (or into the reason it is skipped). */
import type { CellValue } from '../spec/types';
import { cellAt, cellText } from './cells';
import { passageDateText, passageTimeText, toIsoDate } from './dates';
import { splitFullName, type SplitName } from './names';
import {
  ambiguousName,
  badBirthDate,
  missingNom,
  missingNumber,
  missingPrenom,
  type Where,
} from './problems';
import type { Candidate, RosterField, RosterHeader, RosterProblem } from './types';

export interface RowReading {
  candidate?: Candidate;
  problems: RosterProblem[];
  /** The N° candidat cell held a number (Excel drops the leading zeros of those). */
  numberStoredAsNumber?: boolean;
}

type Row = readonly CellValue[];

class RowView {
  constructor(
    private readonly row: Row,
    private readonly header: RosterHeader,
    readonly rowNumber: number,
    readonly sheet: string | undefined,
  ) {}

  has(field: RosterField): boolean {
    return this.header.columns[field] !== undefined;
  }

  value(field: RosterField): CellValue {
    const col = this.header.columns[field];
    return col ? cellAt(this.row, col.index) : null;
  }

  text(field: RosterField): string {
    return cellText(this.value(field));
  }

  where(field: RosterField): Where {
    return { sheet: this.sheet, row: this.rowNumber, column: this.header.columns[field]?.index };
  }
}

/** Which column holds the name: a NOM column wins over a combined one (headers.ts keeps only one). */
const nameField = (view: RowView): RosterField => (view.has('nom') ? 'nom' : 'nomPrenom');

function readName(view: RowView): SplitName {
  if (!view.has('nom')) return splitFullName(view.text('nomPrenom'));
  const nom = view.text('nom');
  if (view.has('prenom')) return { nom, prenom: view.text('prenom'), sure: true };
  // A lone NOM column often holds « DUPONT Marie »: split it only when the capitals say where.
  const split = splitFullName(nom);
  return split.sure && split.prenom !== '' ? split : { nom, prenom: '', sure: true };
}

function optionalText(view: RowView, field: RosterField): string | undefined {
  const text = view.text(field);
  return text === '' ? undefined : text;
}

function passage(view: RowView): string | undefined {
  const date = passageDateText(view.value('passageDate'));
  const time = passageTimeText(view.value('passageTime'));
  const text = [date, time].filter((s) => s !== '').join(' ');
  return text === '' ? undefined : text;
}

/**
 * The candidate with the optional fields its row holds, in this order: birth date, division, commission,
 * établissement, e-mail, passage. Each field is set by name, on a new object written key by key: a spread
 * and a loop of computed keys made this the roster's costliest step (1500 rows).
 */
function withOptionalFields(view: RowView, candidate: Candidate, problems: RosterProblem[]): Candidate {
  const full: Candidate = {
    row: candidate.row,
    number: candidate.number,
    nom: candidate.nom,
    prenom: candidate.prenom,
  };
  const birth = view.value('birthDate');
  const birthText = cellText(birth);
  if (birthText !== '') {
    const iso = toIsoDate(birth);
    if (iso) full.birthDate = iso;
    else problems.push(badBirthDate(view.where('birthDate'), birthText, displayName(candidate)));
  }
  const division = optionalText(view, 'division');
  if (division !== undefined) full.division = division;
  const commission = optionalText(view, 'commission');
  if (commission !== undefined) full.commission = commission;
  const etablissement = optionalText(view, 'etablissement');
  if (etablissement !== undefined) full.etablissement = etablissement;
  const email = optionalText(view, 'email');
  if (email !== undefined) full.email = email;
  const when = passage(view);
  if (when !== undefined) full.passage = when;
  return full;
}

export function displayName(c: { nom: string; prenom: string }): string {
  return `${c.nom} ${c.prenom}`.trim();
}

export function readRow(row: Row, rowNumber: number, header: RosterHeader, sheet?: string): RowReading {
  const view = new RowView(row, header, rowNumber, sheet);
  const problems: RosterProblem[] = [];
  const name = readName(view);
  const nameAt = view.where(nameField(view));
  if (name.nom === '') return { problems: [missingNom(nameAt)] };
  if (!name.sure) problems.push(ambiguousName(nameAt, view.text(nameField(view)), name.nom, name.prenom));
  if (name.prenom === '')
    problems.push(missingPrenom(view.has('prenom') ? view.where('prenom') : nameAt, name.nom));
  const number = view.text('number');
  if (number === '' && view.has('number'))
    problems.push(missingNumber(view.where('number'), displayName(name)));
  const base: Candidate = { row: rowNumber, number, nom: name.nom, prenom: name.prenom };
  return {
    candidate: withOptionalFields(view, base, problems),
    problems,
    numberStoredAsNumber: typeof view.value('number') === 'number',
  };
}
