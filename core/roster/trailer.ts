/**
 * The rows under the list that are not candidates: « Total : 32 élèves », « Effectif », a lone comment.
 * They are recognised only at the end of the sheet, so a candidate called TOTAL in the middle of the
 * list stays a candidate.
 */
import type { CellValue } from '../spec/types';
import { cellText, isBlankRow } from './cells';
import { fieldOfLabel, matchHeaderRow } from './headers';
import { foldKey } from './text';
import type { RosterField, RosterHeader } from './types';

type Row = readonly CellValue[];

/** First words of a count row, folded. */
const TOTAL_WORDS: readonly string[] = [
  'total',
  'totaux',
  'sous total',
  'effectif',
  'effectifs',
  'nombre',
  'nb',
];

function filledIndexes(row: Row): number[] {
  return row.flatMap((v, i) => (cellText(v) === '' ? [] : [i]));
}

export function isTotalRow(row: Row): boolean {
  const first = filledIndexes(row)[0];
  if (first === undefined) return false;
  const key = foldKey(cellText(row[first]));
  return TOTAL_WORDS.some((w) => key === w || key.startsWith(`${w} `));
}

/** Names are letters, spaces, hyphens and apostrophes; digits, colons or a long sentence are a remark. */
function looksLikeComment(text: string): boolean {
  return /[0-9:;!?()«»"*]/.test(text) || text.split(' ').length > 5;
}

/**
 * A single filled cell when the roster has several columns: a remark, unless it sits in the name
 * column and reads like a name (the last candidate may have only a NOM yet).
 */
export function isLoneComment(row: Row, header: RosterHeader): boolean {
  if (Object.keys(header.columns).length < 2) return false;
  const filled = filledIndexes(row);
  if (filled.length !== 1) return false;
  const nameIndex = (header.columns.nom ?? header.columns.nomPrenom)?.index;
  return filled[0] !== nameIndex || looksLikeComment(cellText(row[filled[0]]));
}

/** 0-based index just past the last row that may hold a candidate. */
export function dataEnd(values: readonly Row[], header: RosterHeader): number {
  let end = values.length;
  while (end > header.row) {
    const row = values[end - 1] ?? [];
    if (!(isBlankRow(row) || isTotalRow(row) || isLoneComment(row, header))) break;
    end--;
  }
  return end;
}

/**
 * The header printed again (a list pasted from several pages) is not a candidate. Every field of the
 * header must be recognised again in its own column: a lone word such as the first name « Candidat »
 * is not a header.
 */
export function isRepeatedHeader(row: Row, header: RosterHeader): boolean {
  const fields = Object.keys(header.columns) as RosterField[];
  // Asked of every data row: reading the whole row as a header folded every cell (1500 rows × columns).
  // A field is found at a column only if that column's label names it, so one cell that does not
  // already says « no » (exactly what the full reading below would conclude).
  if (!fields.every((field) => labelNames(row, header, field))) return false;
  const columns = matchHeaderRow(row);
  return fields.every((field) => columns[field]?.index === header.columns[field]?.index);
}

/** Whether the row's cell under the header's column of `field` is a label of that field. */
function labelNames(row: Row, header: RosterHeader, field: RosterField): boolean {
  const label = cellText(row[header.columns[field]?.index ?? -1]);
  return label !== '' && fieldOfLabel(label) === field;
}
