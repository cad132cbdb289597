/**
 * N° candidat as an identity: a number is compared after normalisation, so that a lost leading zero
 * (Excel stores 02600007919 as the number 2600007919) or a space typed in the middle never makes one
 * candidate two.
 */
import { perText } from '../text/memo';
import { frenchList } from './text';
import type { Candidate, RosterProblem } from './types';

/** Separators people and spreadsheets put inside a number: spaces (also non-breaking), dots, dashes. */
const SEPARATORS = /[\s\u00a0\u202f.\-_/]+/g;

/** The digits of a number when it is only digits and separators; any other text is kept as typed. */
export function numberDigits(text: string): string {
  const trimmed = text.trim();
  const digits = trimmed.replace(SEPARATORS, '');
  return /^\d+$/.test(digits) ? digits : trimmed;
}

/**
 * What two numbers are compared by: digits only, leading zeros ignored ('' stays ''). Each candidate's
 * number is keyed again by the roster's checks, each matching and the check's rules: each distinct text is
 * normalised once (two replacements and two tests a time showed in the profiles).
 */
export const numberKey: (text: string) => string = perText((text) => numberKeyInFull(text));

/** The general path of numberKey, exported so that a test holds the memo to it. */
export function numberKeyInFull(text: string): string {
  const digits = numberDigits(text);
  return /^\d+$/.test(digits) ? digits.replace(/^0+(?=\d)/, '') : digits.toUpperCase();
}

export function sameNumber(a: string, b: string): boolean {
  return a !== '' && b !== '' && numberKey(a) === numberKey(b);
}

/** The length more than half of the roster's numbers have, or null when none does. */
function commonLength(numbers: string[]): number | null {
  const digits = numbers.filter((n) => /^\d+$/.test(n));
  const counts = new Map<number, number>();
  for (const n of digits) counts.set(n.length, (counts.get(n.length) ?? 0) + 1);
  for (const [length, count] of counts) if (count * 2 > digits.length) return length;
  return null;
}

export interface NumberedRow {
  candidate: Candidate;
  /** The cell held a number, not text (Excel drops leading zeros of those). */
  storedAsNumber: boolean;
  /** Column of the number (0-based), for the warning. */
  column?: number;
}

function rowsText(rows: Candidate[]): string {
  return `${rows.length > 1 ? 'des lignes' : 'de la ligne'} ${frenchList(rows.map((c) => String(c.row)))}`;
}

function repairedList(rows: Array<{ candidate: Candidate; before: string }>): string {
  return rows.map((r) => `${r.before} → ${r.candidate.number}`).join(', ');
}

/**
 * Digits only, then leading zeros restored up to the roster's common length. Returns the candidates with
 * their normalised number and one warning per kind of repair, naming the rows.
 */
export function normaliseNumbers(
  rows: NumberedRow[],
  sheet?: string,
): { candidates: Candidate[]; problems: RosterProblem[] } {
  const digits = rows.map((r) => ({
    ...r,
    candidate: { ...r.candidate, number: numberDigits(r.candidate.number) },
  }));
  const length = commonLength(digits.map((r) => r.candidate.number));
  const repaired: Array<{ candidate: Candidate; before: string; storedAsNumber: boolean }> = [];
  for (const r of digits) {
    const n = r.candidate.number;
    if (length === null || !/^\d+$/.test(n) || n.length >= length) continue;
    r.candidate.number = n.padStart(length, '0');
    repaired.push({ candidate: r.candidate, before: n, storedAsNumber: r.storedAsNumber });
  }
  const problems: RosterProblem[] = [];
  const where = (group: typeof repaired): Pick<RosterProblem, 'sheet' | 'row'> => ({
    ...(sheet === undefined ? {} : { sheet }),
    row: group[0].candidate.row,
  });
  const asNumbers = repaired.filter((r) => r.storedAsNumber);
  if (asNumbers.length > 0)
    problems.push({
      severity: 'avertissement',
      code: 'numero-enregistre-comme-nombre',
      ...where(asNumbers),
      message: `Les N° candidat ${rowsText(asNumbers.map((r) => r.candidate))} étaient enregistrés comme des nombres (Excel efface alors le zéro initial) : ils sont lus ${repairedList(asNumbers)}. Dans la liste, mettez la colonne « N° candidat » au format Texte et retapez-les.`,
    });
  const asText = repaired.filter((r) => !r.storedAsNumber);
  if (asText.length > 0)
    problems.push({
      severity: 'avertissement',
      code: 'numero-zero-retabli',
      ...where(asText),
      message: `Les N° candidat ${rowsText(asText.map((r) => r.candidate))} ont moins de chiffres que les autres (${length}) : le zéro initial a été rétabli (${repairedList(asText)}). Vérifiez-les dans la liste.`,
    });
  return { candidates: digits.map((r) => r.candidate), problems };
}
