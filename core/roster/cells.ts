/** Reading one cell as roster text. */
import type { CellValue } from '../spec/types';
import { frenchDate } from './dates';
import { cleanText } from './text';

/**
 * A number as the digits a person typed: no « .0 », no exponent. 2600007919 → '2600007919' and a
 * 22-digit number stored as a number → all its digits (String() would give '1e+21').
 */
export function numberToText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  const s = String(n);
  return s.includes('e') ? n.toFixed(20).replace(/0+$/, '') : s;
}

/** Any cell as clean text; a missing cell (ragged row) is ''. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return numberToText(value);
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  return Number.isNaN(value.getTime()) ? '' : frenchDate(value);
}

export function cellAt(row: readonly CellValue[] | undefined, index: number): CellValue {
  return row?.[index] ?? null;
}

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  // Asked of every roster row: stops at the first filled cell (usually the first) instead of reading all.
  if (row) for (const v of row) if (cellText(v) !== '') return false;
  return true;
}

export function filledCount(row: readonly CellValue[] | undefined): number {
  let count = 0;
  if (row) for (const v of row) if (cellText(v) !== '') count++;
  return count;
}
