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

/** What a finding is sorted by, computed once per finding rather than once per comparison. */
interface SortKey {
  finding: Finding;
  tab: number;
  row: number;
  col: number;
}

function compare(a: SortKey, b: SortKey): number {
  return (
    a.tab - b.tab ||
    a.row - b.row ||
    a.col - b.col ||
    a.finding.code.localeCompare(b.finding.code) ||
    a.finding.message.localeCompare(b.finding.message)
  );
}

export function sortFindings(findings: Finding[], tabOrder: string[]): Finding[] {
  const index = new Map(tabOrder.map((sheet, i) => [sheet, i]));
  const tabIndex = (sheet: string | null): number =>
    sheet === null ? tabOrder.length + 1 : (index.get(sheet) ?? tabOrder.length);
  // Keys first: parsing both cells in every comparison was 2 n log n parseA1 (thousands of findings on a
  // class not started). Array.prototype.sort is stable: roster findings keep the roster's order.
  if (findings.length < 2) return [...findings]; // no comparison, no cell parsed (as sort does)
  const keys = findings.map((finding): SortKey => {
    const [row, col] = cellKey(finding.cell);
    return { finding, tab: tabIndex(finding.sheet), row, col };
  });
  return keys.sort(compare).map((k) => k.finding);
}
