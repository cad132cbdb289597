/** Choosing the roster sheet of a workbook: the one named by the user, else the first with a roster header. */
import { isBlankRow } from './cells';
import { findHeader } from './headers';
import { parseRoster } from './parse';
import { noHeaderInSheets, noWorkbookSheet, sheetNotFound } from './problems';
import type { RosterResult, SheetValues } from './types';

/** A name typed on a command line may differ in case, accents or spaces from the tab. */
function sameSheetName(a: string, b: string): boolean {
  const fold = (s: string): string => s.normalize('NFC').trim().toLocaleLowerCase('fr');
  return fold(a) === fold(b);
}

function namedSheet(sheets: readonly SheetValues[], name: string): SheetValues | undefined {
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => sameSheetName(s.name, name));
}

function failure(problem: RosterResult['problems'][number]): RosterResult {
  return { candidates: [], problems: [problem] };
}

export function parseRosterSheets(sheets: SheetValues[], options: { sheet?: string } = {}): RosterResult {
  const names = sheets.map((s) => s.name);
  if (options.sheet !== undefined) {
    const sheet = namedSheet(sheets, options.sheet);
    return sheet ? parseRoster(sheet.values, sheet.name) : failure(sheetNotFound(options.sheet, names));
  }
  if (sheets.length === 0) return failure(noWorkbookSheet());
  const withHeader = sheets.find((s) => findHeader(s.values) !== undefined);
  if (withHeader) return parseRoster(withHeader.values, withHeader.name);
  // One sheet, or a single non-empty one: its own problem (empty, no header) says more.
  const nonEmpty = sheets.filter((s) => !s.values.every((row) => isBlankRow(row)));
  if (nonEmpty.length <= 1)
    return parseRoster((nonEmpty[0] ?? sheets[0]).values, (nonEmpty[0] ?? sheets[0]).name);
  return failure(noHeaderInSheets(names));
}
