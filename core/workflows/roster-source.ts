import { parseRoster, parseRosterSheets, rosterIsUsable } from '../roster';
import type { RosterProblem, RosterResult, SheetValues } from '../roster/types';
import type { HostPort } from '../port';
import { parseRange } from '../spec/a1';
import type { CellValue } from '../spec/types';
import type { RosterPreview, RosterSource } from './types';
import { foreignSheets, type WorkbookScan } from './scan';

/** The read requests that fetch the roster: the chosen sheet (or selection), else every foreign sheet. */
export function rosterRequests(
  scan: WorkbookScan,
  source: RosterSource,
): Array<{ sheet: string; range?: string }> {
  if (source.sheet !== undefined) return [{ sheet: source.sheet, range: source.range }];
  return foreignSheets(scan).map((sheet) => ({ sheet }));
}

/** A selection starting below row 1 or right of A: pad it so that rows and columns keep their sheet numbers. */
function padToSheet(values: CellValue[][], range: string | undefined): CellValue[][] {
  if (range === undefined) return values;
  const box = parseRange(range);
  const left: CellValue[] = Array.from({ length: box.c1 - 1 }, () => null);
  const above: CellValue[][] = Array.from({ length: box.r1 - 1 }, () => []);
  return [...above, ...values.map((row) => [...left, ...row])];
}

function missingSheet(scan: WorkbookScan, sheet: string): RosterProblem {
  return {
    severity: 'erreur',
    code: 'sheet-missing',
    sheet,
    message: `La feuille « ${sheet} » n'existe pas dans ce classeur. Feuilles présentes : ${scan.names
      .map((n) => `« ${n} »`)
      .join(', ')}. Indiquez le nom exact de la feuille qui contient la liste des candidats.`,
  };
}

/** Parses the roster from values read with `rosterRequests` (same order). */
export function rosterFromValues(
  scan: WorkbookScan,
  source: RosterSource,
  values: CellValue[][][],
): RosterResult {
  if (source.sheet !== undefined) {
    if (!scan.names.includes(source.sheet))
      return { candidates: [], problems: [missingSheet(scan, source.sheet)] };
    return parseRoster(padToSheet(values[0] ?? [], source.range), source.sheet);
  }
  const sheets: SheetValues[] = foreignSheets(scan).map((name, i) => ({ name, values: values[i] ?? [] }));
  return parseRosterSheets(sheets);
}

export function rosterPreview(roster: RosterResult): RosterPreview {
  const header = roster.header ?? null;
  const headerLabels = header
    ? Object.values(header.columns)
        .filter((c): c is { index: number; label: string } => c !== undefined)
        .sort((a, b) => a.index - b.index)
        .map((c) => c.label)
    : [];
  return {
    sheet: roster.sheet ?? null,
    header,
    headerLabels,
    candidates: roster.candidates.map((c) => ({ number: c.number, nom: c.nom, prenom: c.prenom })),
    problems: roster.problems,
    usable: rosterIsUsable(roster),
    ...(roster.session ? { session: roster.session } : {}),
  };
}

export async function readRoster(
  host: HostPort,
  scan: WorkbookScan,
  source: RosterSource,
): Promise<RosterResult> {
  const values = await host.readRanges(rosterRequests(scan, source));
  return rosterFromValues(scan, source, values);
}
