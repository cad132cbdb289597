/** Roster import: from the values of one sheet to candidates and problems. Never throws on bad data. */
import type { CellValue } from '../spec/types';
import { isBlankRow } from './cells';
import { findHeader } from './headers';
import { normaliseNumbers, numberKey, type NumberedRow } from './numbers';
import { duplicateNumber, emptySheet, noCandidate, noHeader, noNumberColumn } from './problems';
import { displayName, readRow } from './rows';
import { frenchList } from './text';
import { sessionInTitle } from './session';
import { dataEnd, isRepeatedHeader } from './trailer';
import type { Candidate, RosterHeader, RosterProblem, RosterResult } from './types';

function readRows(values: readonly CellValue[][], header: RosterHeader, sheet?: string): RosterResult {
  const rows: NumberedRow[] = [];
  const problems: RosterProblem[] = [];
  const end = dataEnd(values, header);
  for (let r = header.row; r < end; r++) {
    const row = values[r] ?? [];
    if (isBlankRow(row) || isRepeatedHeader(row, header)) continue;
    const reading = readRow(row, r + 1, header, sheet);
    if (reading.candidate)
      rows.push({ candidate: reading.candidate, storedAsNumber: reading.numberStoredAsNumber === true });
    problems.push(...reading.problems);
  }
  const numbers = normaliseNumbers(rows, sheet);
  return { sheet, header, candidates: numbers.candidates, problems: [...numbers.problems, ...problems] };
}

/** « 02600000002 », or « 02600000002 (écrit 2600000002 et 02600000002) » when the rows differ only in zeros. */
function spelled(spellings: string[]): string {
  const longest = [...spellings].sort((a, b) => b.length - a.length)[0];
  return spellings.length === 1 ? longest : `${longest} (écrit ${frenchList(spellings)})`;
}

/** One problem per number used twice or more (compared normalised), naming every row that uses it. */
function duplicates(candidates: readonly Candidate[], header: RosterHeader, sheet?: string): RosterProblem[] {
  const byNumber = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = numberKey(c.number);
    if (key !== '') byNumber.set(key, [...(byNumber.get(key) ?? []), c]);
  }
  return [...byNumber.values()]
    .filter((same) => same.length > 1)
    .map((same) =>
      duplicateNumber(
        { sheet, row: same[1].row, column: header.columns.number?.index },
        spelled([...new Set(same.map((c) => c.number))]),
        same.map((c) => c.row),
        same.map(displayName),
      ),
    );
}

function rosterProblems(result: RosterResult, header: RosterHeader, sheet?: string): RosterProblem[] {
  const { candidates } = result;
  if (candidates.length === 0) return [noCandidate({ sheet, row: header.row })];
  const missingColumn = header.columns.number ? [] : [noNumberColumn({ sheet }, candidates.length)];
  return [...duplicates(candidates, header, sheet), ...missingColumn];
}

/** Errors first: they decide whether anything can be generated. */
function bySeverity(problems: RosterProblem[]): RosterProblem[] {
  const rank = (p: RosterProblem): number => (p.severity === 'erreur' ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b));
}

/** Reads the roster of one sheet; row 0 of `values` is sheet row 1. */
export function parseRoster(values: CellValue[][], sheetName?: string): RosterResult {
  if (values.every((row) => isBlankRow(row))) {
    return { sheet: sheetName, candidates: [], problems: [emptySheet({ sheet: sheetName })] };
  }
  const header = findHeader(values);
  if (!header) return { sheet: sheetName, candidates: [], problems: [noHeader({ sheet: sheetName })] };
  const result = readRows(values, header, sheetName);
  const problems = bySeverity([...rosterProblems(result, header, sheetName), ...result.problems]);
  const session = sessionInTitle(values, header.row);
  return { ...result, problems, ...(session ? { session } : {}) };
}

/** False when any problem is an error: nothing should be generated from this roster. */
export function rosterIsUsable(result: RosterResult): boolean {
  return !result.problems.some((p) => p.severity === 'erreur');
}
