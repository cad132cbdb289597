/**
 * Finding the few cells a read names (a tab's fields, its marker) by searching the sheet's text for their
 * start tags, rather than walking every cell. A search is the engine's regular-expression matcher: it runs
 * at full speed from the first tab, where a walk in JavaScript runs in V8's slow tiers for the first
 * hundred tabs of a command (measured: 0.5 ms a tab until then, 0.065 ms after).
 *
 * A search can only be trusted on a sheet whose rows and cells are all written the regular way, as Excel,
 * LibreOffice, Google Sheets and the add-in write them: `<row r="12"…` and `<c r="D12"…`, `r` first, in
 * double quotes, canonical; and nothing that could hide or fake a tag (comment, CDATA, processing
 * instruction). One pass of one regular expression both checks that and finds the listed cells' tags;
 * any other sheet is walked.
 */

/** The text of a sheet part's bytes, one character per byte (so that offsets are byte offsets). */
export type ByteText = (bytes: Uint8Array) => string;

/** A cell a read names: its canonical ref ('D12') and where it is. */
export interface ListedCell {
  readonly ref: string;
  readonly row: number;
  readonly col: number;
}

export function listedCell(ref: string, row: number, col: number): ListedCell {
  return { ref, row, col };
}

/** Cells read by a search, given a one-pass expression per namespace prefix (built once per list). */
interface ListSearch {
  /** `<c r="…"` of a listed cell, or a tag that makes the search unsafe (see listSearch). */
  re: RegExp;
  /** The list's index of each cell, by row × 16384 + column. */
  index: Map<number, number>;
  /** Length of `<c r="` with the prefix: from the start of a cell's ref back to its tag. */
  open: number;
}

const searches = new WeakMap<readonly ListedCell[], Map<string, ListSearch>>();

/** Beyond this many cells, a list is read by a walk (a pattern of every cell would be too big). */
export const MAX_SEARCHED_CELLS = 4096;

/**
 * The expression of a list: the listed cells' start tags, grouped by column (`K(?:1|2|…)`, so that the
 * matcher checks a tag's column once rather than trying every cell), then the tags that make a search
 * unsafe: a cell or row tag not starting with its canonical `r`, a comment or CDATA section, a processing
 * instruction. Only a listed cell's match ends with a quote.
 */
function listSearch(cells: readonly ListedCell[], prefix: string): ListSearch {
  let byPrefix = searches.get(cells);
  if (!byPrefix) {
    byPrefix = new Map();
    searches.set(cells, byPrefix);
  }
  let search = byPrefix.get(prefix);
  if (!search) {
    const rowsByColumn = new Map<string, Set<number>>();
    const index = new Map<number, number>();
    cells.forEach((cell, i) => {
      const letters = cell.ref.slice(0, cell.ref.length - String(cell.row).length);
      const rows = rowsByColumn.get(letters) ?? new Set<number>();
      rows.add(cell.row);
      rowsByColumn.set(letters, rows);
      if (!index.has(cell.row * 16384 + cell.col)) index.set(cell.row * 16384 + cell.col, i);
    });
    const p = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const listed = Array.from(
      rowsByColumn,
      ([letters, rows]) => `${letters}(?:${Array.from(rows).join('|')})`,
    );
    const re = new RegExp(
      (listed.length > 0 ? `<${p}c r="(?:${listed.join('|')})"|` : '') +
        `<${p}(?:c(?=[\\s/>])(?! r="[A-Z]{1,3}[1-9][0-9]{0,6}")|row(?=[\\s/>])(?! r="[1-9][0-9]{0,6}"))` +
        `|<!|<\\?(?!xml[\\s?])`,
      'g',
    );
    search = { re, index, open: `<${prefix}c r="`.length };
    byPrefix.set(prefix, search);
  }
  return search;
}

const QUOTE = 34;

/**
 * The offset of each listed cell's tag in a sheet's text (-1 when the sheet has no such cell), into `at`;
 * false when the sheet is not written the regular way (see above), and must be walked. `dataAt` is the
 * offset of the <sheetData> start tag. A cell is taken by its own `r`, wherever its row is, and a cell
 * written twice keeps its last tag, as in a walk; nothing outside <sheetData> is a cell.
 */
export function findListed(
  text: string,
  prefix: string,
  dataAt: number,
  cells: readonly ListedCell[],
  at: Int32Array,
): boolean {
  if (cells.length > MAX_SEARCHED_CELLS) return false;
  const tagEnd = text.indexOf('>', dataAt);
  if (tagEnd < 0) return false;
  const empty = text.charCodeAt(tagEnd - 1) === 47;
  const dataEnd = empty ? tagEnd : text.lastIndexOf(`</${prefix}sheetData>`);
  if (dataEnd < tagEnd) return false;
  at.fill(-1, 0, cells.length);
  const { re, index, open } = listSearch(cells, prefix);
  re.lastIndex = 0;
  while (re.test(text)) {
    const end = re.lastIndex;
    if (text.charCodeAt(end - 1) !== QUOTE) {
      re.lastIndex = 0;
      return false;
    }
    if (end <= tagEnd || end > dataEnd) continue;
    // The ref before the quote, read backwards: its row digits, then its column letters.
    let i = end - 2;
    let row = 0;
    for (let unit = 1, ch = text.charCodeAt(i); ch >= 48 && ch <= 57; ch = text.charCodeAt(--i)) {
      row += (ch - 48) * unit;
      unit *= 10;
    }
    let col = 0;
    for (let unit = 1, ch = text.charCodeAt(i); ch >= 65 && ch <= 90; ch = text.charCodeAt(--i)) {
      col += (ch - 64) * unit;
      unit *= 26;
    }
    const k = index.get(row * 16384 + col);
    if (k !== undefined) at[k] = i + 1 - open;
  }
  // A cell listed twice reads where its first listing does.
  for (let k = 0; k < cells.length; k++) {
    const first = index.get(cells[k].row * 16384 + cells[k].col);
    if (first !== undefined && first !== k) at[k] = at[first];
  }
  return true;
}
