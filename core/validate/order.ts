import { parseA1 } from '../spec/a1';
import type { Finding } from './types';

/**
 * Deterministic order: tabs in the order given (then findings about the roster, in roster order), inside
 * a tab by row, column, then code and message, so two checks of the same workbook print the same list.
 */
function cellKey(cell: string | null): [number, number] {
  if (cell === null) return [0, 0];
  const { r, c } = parseA1(cell);
  return [r, c];
}

function compare(a: Finding, b: Finding, tabIndex: (sheet: string | null) => number): number {
  const [ra, ca] = cellKey(a.cell);
  const [rb, cb] = cellKey(b.cell);
  return (
    tabIndex(a.sheet) - tabIndex(b.sheet) ||
    ra - rb ||
    ca - cb ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}

export function sortFindings(findings: Finding[], tabOrder: string[]): Finding[] {
  const index = new Map(tabOrder.map((sheet, i) => [sheet, i]));
  const tabIndex = (sheet: string | null): number =>
    sheet === null ? tabOrder.length + 1 : (index.get(sheet) ?? tabOrder.length);
  // Array.prototype.sort is stable: roster findings keep the roster's order.
  return [...findings].sort((a, b) => compare(a, b, tabIndex));
}
