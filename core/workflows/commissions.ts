import type { Candidate, RosterResult } from '../roster/types';
import type { CellValue } from '../spec/types';
import { compareGroups } from '../stats/select';

/**
 * An exam centre's roster split by commission: each commission gets its own grids workbook holding only
 * its candidates, so that an examiner sees nobody else's. Pure: the hosts read and write the files.
 */

/** The list a commission's workbook holds: the roster's title and header rows, then its candidates' rows. */
export interface CommissionList {
  commission: string;
  candidates: Candidate[];
  values: CellValue[][];
}

export interface CommissionSplit {
  lists: CommissionList[];
  /** Candidates whose commission cell is empty: no workbook can take them. */
  without: Candidate[];
}

/** Name of the sheet holding the commission's candidates in its workbook. */
export const COMMISSION_LIST_SHEET = 'Liste';

/**
 * Splits a parsed roster by its « Commission » / « Jury » column, in natural order of the commissions
 * (C2 before C10). `values` are the roster sheet's cells, row 0 = sheet row 1. Null when the roster has
 * no commission column.
 */
export function splitByCommission(
  values: readonly CellValue[][],
  roster: RosterResult,
): CommissionSplit | null {
  const header = roster.header;
  if (!header?.columns.commission) return null;
  const top = values.slice(0, header.row).map((row) => [...(row ?? [])]);
  const byCommission = new Map<string, Candidate[]>();
  const without: Candidate[] = [];
  for (const c of roster.candidates) {
    const commission = (c.commission ?? '').trim();
    if (commission === '') without.push(c);
    else byCommission.set(commission, [...(byCommission.get(commission) ?? []), c]);
  }
  const lists = [...byCommission.keys()].sort(compareGroups).map((commission) => {
    const candidates = byCommission.get(commission) ?? [];
    return {
      commission,
      candidates,
      values: [...top, ...candidates.map((c) => [...(values[c.row - 1] ?? [])])],
    };
  });
  return { lists, without };
}

/** Characters no file system accepts in a name (Windows is the strictest); control characters too. */
const UNSAFE = /[<>:"/\\|?*]/;

function safeChar(ch: string): string {
  return UNSAFE.test(ch) || ch.charCodeAt(0) < 32 ? '-' : ch;
}

/** « commission-C01-grilles.xlsx »: named after the commission, safe on every file system. */
export function commissionFileName(commission: string): string {
  const safe = Array.from(commission, safeChar)
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/^[-. ]+|[-. ]+$/g, '');
  return `commission-${safe === '' ? 'sans-nom' : safe}-grilles.xlsx`;
}
