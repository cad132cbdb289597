/**
 * Finding the few cells a read names (a tab's fields, its marker) by searching the sheet's text for their
 * start tags, rather than walking every cell. A search is the engine's native string search: it runs at
 * full speed from the first tab, where a walk in JavaScript runs in V8's slow tiers for the first hundred
 * tabs of a command (measured: 0.5 ms a tab until then, 0.065 ms after).
 *
 * A search can only be trusted on a sheet whose rows and cells are all written the regular way, as Excel,
 * LibreOffice, Google Sheets and the add-in write them: `<row r="12"…` and `<c r="D12"…`, `r` first, in
 * double quotes, canonical; and nothing that could hide or fake a tag (comment, CDATA, processing
 * instruction). regularSheet checks that in one pass of a regular expression; any other sheet is walked.
 */

/** The text of a sheet part's bytes, one character per byte (so that offsets are byte offsets). */
export type ByteText = (bytes: Uint8Array) => string;

/** A cell a read names, with the start of its tag as the sheet writes it when unprefixed. */
export interface ListedCell {
  readonly ref: string;
  readonly row: number;
  readonly col: number;
  /** `<c r="D12"` */
  readonly needle: string;
}

export function listedCell(ref: string, row: number, col: number): ListedCell {
  return { ref, row, col, needle: `<c r="${ref}"` };
}

/** Cells in the order of a regular sheet: by row, then column. */
export function inSheetOrder(cells: ListedCell[]): ListedCell[] {
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

const irregular = new Map<string, RegExp>();

/**
 * A tag that makes the search unsafe: a cell or row tag not starting with its canonical `r`, a comment or
 * CDATA section, a processing instruction. Built on first use (the pane's oldest engines never search).
 */
function irregularTag(prefix: string): RegExp {
  let re = irregular.get(prefix);
  if (!re) {
    const p = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(
      `<${p}(?:c(?=[\\s/>])(?! r="[A-Z]{1,3}[1-9][0-9]{0,6}")|row(?=[\\s/>])(?! r="[1-9][0-9]{0,6}"))` +
        `|<!|<\\?(?!xml[\\s?])`,
    );
    irregular.set(prefix, re);
  }
  return re;
}

/** Where a sheet's cells lie in its text, when a search can be trusted there. */
export interface SearchableSheet {
  prefix: string;
  /** From the <sheetData> tag… */
  dataStart: number;
  /** …to its end tag (dataStart when the sheet has no cells). */
  dataEnd: number;
}

/**
 * The sheet's data bounds when every row and cell tag is regular (see above), else null. `dataAt` is the
 * offset of the <sheetData> start tag.
 */
export function regularSheet(text: string, prefix: string, dataAt: number): SearchableSheet | null {
  if (irregularTag(prefix).test(text)) return null;
  const tagEnd = text.indexOf('>', dataAt);
  if (tagEnd < 0) return null;
  if (text.charCodeAt(tagEnd - 1) === 47) return { prefix, dataStart: dataAt, dataEnd: dataAt };
  const dataEnd = text.lastIndexOf(`</${prefix}sheetData>`);
  return dataEnd > tagEnd ? { prefix, dataStart: tagEnd + 1, dataEnd } : null;
}

const rowNeedles: string[] = [];

function rowNeedle(prefix: string, row: number): string {
  if (prefix !== '') return `<${prefix}row r="${row}"`;
  let needle = rowNeedles[row];
  if (needle === undefined) {
    needle = `<row r="${row}"`;
    if (row < 4096) rowNeedles[row] = needle;
  }
  return needle;
}

/**
 * The offset of each listed cell's tag in a regular sheet's text (-1 when the sheet has no such cell),
 * into `at`. Cells are looked for within their row (from its tag to the next row's), so that a cell the
 * sheet does not have costs the search of one row, not of the rest of the sheet. Rows are looked for from
 * the previous one, as every tool writes them in order; a row not found that way is looked for from the
 * start, so a sheet out of order reads right too. Within its row a cell is looked for from the row's end,
 * where a tab's fields are (its labels come first): a cell written twice keeps its last value, as in a walk.
 */
export function findListed(
  text: string,
  sheet: SearchableSheet,
  cells: readonly ListedCell[],
  at: Int32Array,
): void {
  const { prefix, dataStart, dataEnd } = sheet;
  const rowOpen = `<${prefix}row r="`;
  let from = dataStart;
  let i = 0;
  while (i < cells.length) {
    const row = cells[i].row;
    let end = i + 1;
    while (end < cells.length && cells[end].row === row) end++;
    const needle = rowNeedle(prefix, row);
    let start = text.indexOf(needle, from);
    if ((start < 0 || start >= dataEnd) && from > dataStart) start = text.indexOf(needle, dataStart);
    if (start < 0 || start >= dataEnd) {
      for (; i < end; i++) at[i] = -1;
      continue;
    }
    let next = text.indexOf(rowOpen, start + needle.length);
    if (next < 0 || next > dataEnd) next = dataEnd;
    const rowText = text.slice(start, next);
    for (; i < end; i++) {
      const cell = cells[i];
      const found = rowText.lastIndexOf(prefix === '' ? cell.needle : `<${prefix}c r="${cell.ref}"`);
      at[i] = found < 0 ? -1 : start + found;
    }
    if (start >= from) from = next;
  }
}
