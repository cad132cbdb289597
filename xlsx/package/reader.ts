import { a1, boxArea, parseRange, type RangeBox } from '../../core/spec/a1';
import type { CellValue } from '../../core/spec/types';
import type { OpcPackage } from './opc';
import { PackageError } from './errors';
import { SharedStrings } from './shared-strings';
import { findListed, listedCell, type ByteText, type ListedCell } from './cell-search';
import { decodeUtf8 } from '../../core/text/codec';
import { cellAt, isWorksheetBytes, NO_PREFIX, scanSheetBytes, sheetDataStart } from './sheet-bytes';
import type { ScanVisitor, ScannedCell } from './sheet-scan';
import { dateStyles } from './styles-read';
import { readWorkbook, type SheetEntry, type WorkbookInfo } from './workbook-xml';
import { relationships, relsPath, resolveTarget } from './xml';
import { wantedCells, type WantedCells } from './wanted-cells';

/**
 * Reads values straight from the package: workbook.xml and its relationships, the shared strings and the
 * date formats of styles.xml, then only the sheets asked for. Drawings, comments, pivots and every other
 * part are never parsed, so nothing in them can stop a read.
 */
export class PackageReader {
  private info: WorkbookInfo | null = null;
  private sheets: SheetEntry[] | null = null;
  private byName: Map<string, SheetEntry> | null = null;
  private strings: SharedStrings | null = null;
  private dates: Set<number> | null = null;
  /** Sheets kept for the next read, by part path (see readBox). */
  private readonly kept = new Map<string, KeptSheet>();
  /** The read block's values of the sheets read through it, by part path, in place of their bytes. */
  private readonly blockValues = new Map<string, CellValue[]>();
  /** Where findListed puts the offsets of the cells it finds (grown as needed). */
  private found = new Int32Array(256);
  /** Where walk() notes cells (grown as needed; each sheet keeps a copy of its own part). */
  private notes = new Int32Array(3 * 1024);
  /** The cell cellAt decodes into. */
  private readonly decoded: ScannedCell = {
    row: 0,
    col: 0,
    type: null,
    style: 0,
    raw: null,
    start: 0,
    end: 0,
  };

  /**
   * `options.byteText`: how this engine makes a one-byte text of a part, for the search of listed cells
   * (Node's latin1, on the command line). Without it, every sheet read is walked (the pane).
   */
  constructor(
    private readonly pkg: OpcPackage,
    options: ReaderOptions = {},
  ) {
    this.byteText = options.byteText;
    // Without a text to search, a block would mean walking every cell of every sheet: no block.
    this.block = options.readBlock && options.byteText ? new ReadBlock(options.readBlock) : null;
  }

  private readonly byteText: ByteText | undefined;
  private readonly block: ReadBlock | null;

  /** Forgets what was parsed from workbook-level parts (after the writer changed them). */
  invalidate(): void {
    this.info = null;
    this.sheets = null;
    this.byName = null;
    this.strings = null;
    this.dates = null;
    this.kept.clear();
    this.blockValues.clear();
  }

  workbook(): WorkbookInfo {
    this.info ??= readWorkbook(this.pkg);
    return this.info;
  }

  /** Worksheets only, in tab order: chart sheets, dialog and macro sheets are not worksheets. */
  worksheets(): SheetEntry[] {
    this.sheets ??= this.workbook().sheets.filter((s) => s.kind === 'worksheet' && s.path !== '');
    return this.sheets;
  }

  /** A worksheet by name: exact first, then ignoring case as Excel does. */
  findSheet(name: string): SheetEntry | undefined {
    this.byName ??= new Map(this.worksheets().map((s) => [s.name, s]));
    const exact = this.byName.get(name);
    if (exact) return exact;
    const lower = name.toLocaleLowerCase('fr');
    return this.worksheets().find((s) => s.name.toLocaleLowerCase('fr') === lower);
  }

  private sharedStrings(): SharedStrings {
    if (this.strings === null) {
      const wb = this.workbook();
      const rel = wb.rels.find((r) => r.type.toLowerCase().endsWith('/sharedstrings'));
      this.strings = new SharedStrings(
        (rel ? this.pkg.text(resolveTarget(wb.path, rel.target)) : null) ?? '',
      );
    }
    return this.strings;
  }

  private dateStyles(): Set<number> {
    if (this.dates === null) {
      const wb = this.workbook();
      const rel = wb.rels.find((r) => r.type.toLowerCase().endsWith('/styles'));
      this.dates = dateStyles(rel ? this.pkg.text(resolveTarget(wb.path, rel.target)) : null);
    }
    return this.dates;
  }

  /** The port's value of a scanned cell: cached formula results are values; errors read as empty. */
  value(cell: ScannedCell): CellValue {
    const raw = cell.raw;
    if (raw === null) return null;
    switch (cell.type) {
      case 's': {
        const s = this.sharedStrings().get(Number(raw));
        return s === undefined ? null : s;
      }
      case 'str':
      case 'inlineStr':
        return raw;
      case 'b':
        return raw === '1' || raw === 'true';
      case 'e':
        return null;
      case 'd': {
        const d = new Date(raw);
        return Number.isNaN(d.getTime()) ? raw : d;
      }
      default: {
        if (raw === '') return null;
        const n = Number(raw);
        if (Number.isNaN(n)) return raw;
        return this.dateStyles().has(cell.style) ? serialToDate(n, this.workbook().date1904) : n;
      }
    }
  }

  /**
   * The values of `box` (the used range from A1 when null) in one sheet part: rows × columns, empty cells
   * as null. With `wanted`, only those cells of the box are decoded (the others read as null).
   *
   * A sheet of ordinary size is kept from one read to the next (a workflow reads each tab's marker, then
   * the tab). The few cells of a small box or of a `wanted` list are searched for in its text when the
   * reader can make one and the sheet is written the regular way (cell-search.ts); otherwise the sheet is
   * walked once and its cells noted. A read that names its cells, or covers the sheet, is taken as the last
   * of the sheet: its bytes are let go. A larger sheet is never kept: searched in the same way, or read up
   * to the box's last row, each time it is asked for.
   *
   * With a read block (ReaderOptions.readBlock), a read that the block's cells answer — a marker, then the
   * tab — searches the sheet for all of them the first time and keeps their values instead of its bytes.
   */
  readBox(path: string, box: RangeBox | null, wanted?: WantedCells): CellValue[][] {
    let sheet = this.kept.get(path);
    if (box && this.block && this.block.serves(box, wanted)) {
      let values: CellValue[] | null | undefined = this.blockValues.get(path);
      if (values === undefined) {
        sheet ??= this.load(path);
        values = this.blockOf(path, sheet, this.block);
      }
      if (values !== null) return this.fromBlock(path, values, box, wanted);
    }
    const listed = box && this.byteText ? (wanted ? wanted.listed : boxCells(box)) : null;
    if (!sheet) {
      sheet = this.load(path);
      // Never kept: searched for its few cells, or read up to the box's last row.
      if (sheet.bytes.length > WHOLE_SHEET_SIZE && box)
        return (listed && this.fromSearch(sheet, box, listed)) || this.readBoxIn(path, sheet.bytes, box);
    }
    const found = box && listed ? this.fromSearch(sheet, box, listed) : null;
    if (found) {
      if (wanted) this.kept.delete(path);
      else this.kept.set(path, sheet);
      return found;
    }
    sheet.walk ??= this.walk(path, sheet);
    if (coversAll(sheet.walk, box)) this.kept.delete(path);
    else this.kept.set(path, sheet);
    return this.fromWalked(sheet.walk, box, wanted);
  }

  /** A worksheet part's bytes, inflated, and where its cells start. */
  private load(path: string): KeptSheet {
    const bytes = this.pkg.xmlBytes(path);
    if (bytes === null) throw new PackageError(`la partie ${path} d'une feuille est absente`);
    if (!isWorksheetBytes(bytes)) throw new PackageError(`la partie ${path} n'est pas une feuille de calcul`);
    return { bytes, data: sheetDataStart(bytes) };
  }

  /**
   * The values of the block's cells in a sheet, searched for once and kept in place of its bytes; null when
   * the sheet cannot be searched (it is then kept, if of ordinary size, for the walk that follows).
   */
  private blockOf(path: string, sheet: KeptSheet, block: ReadBlock): CellValue[] | null {
    const values = this.searchValues(sheet, block.cells.listed);
    if (values === null) {
      if (sheet.bytes.length <= WHOLE_SHEET_SIZE) this.kept.set(path, sheet);
      return null;
    }
    this.kept.delete(path);
    this.blockValues.set(path, values);
    return values;
  }

  /** The box from a sheet's block values; a read that names its cells is the sheet's last. */
  private fromBlock(
    path: string,
    values: CellValue[],
    box: RangeBox,
    wanted: WantedCells | undefined,
  ): CellValue[][] {
    const out = sparseBox(box, values, (this.block as ReadBlock).placements(box, wanted));
    if (wanted) this.blockValues.delete(path);
    return out;
  }

  /**
   * The listed cells of the box, found by searching the sheet's text; null when the sheet is not written
   * the regular way (checked once per sheet), and the caller walks it.
   */
  private fromSearch(sheet: KeptSheet, box: RangeBox, listed: readonly ListedCell[]): CellValue[][] | null {
    const values = this.searchValues(sheet, listed);
    if (values === null) return null;
    const out = emptyBox(box);
    for (let i = 0; i < listed.length; i++) {
      const { row, col } = listed[i];
      if (row < box.r1 || row > box.r2 || col < box.c1 || col > box.c2) continue;
      out[row - box.r1][col - box.c1] = values[i];
    }
    return out;
  }

  /**
   * The value of each listed cell (null when the sheet has none), searched for in the sheet's text; null
   * when the reader makes no text or the sheet is not written the regular way (checked once per sheet).
   */
  private searchValues(sheet: KeptSheet, listed: readonly ListedCell[]): CellValue[] | null {
    if (sheet.searchable === false || !sheet.data || !this.byteText) return null;
    if (this.found.length < listed.length) this.found = new Int32Array(listed.length * 2);
    const at = this.found;
    const text = this.byteText(sheet.bytes);
    sheet.searchable = findListed(text, decodeUtf8(sheet.data.prefix), sheet.data.at, listed, at);
    if (!sheet.searchable) return null;
    const values: CellValue[] = new Array<CellValue>(listed.length);
    const prefix = sheet.data.prefix;
    for (let i = 0; i < listed.length; i++)
      values[i] = at[i] < 0 ? null : this.value(cellAt(sheet.bytes, at[i], prefix, this.decoded));
    return values;
  }

  /**
   * Walks a sheet's bytes once without decoding any value: where each cell with content starts, and the
   * used range. Decoding every cell of 600 tabs (their labels mostly) and keeping the values between the
   * marker read and the tab read cost more than the walk; a tab read decodes only the cells it asks for.
   */
  private walk(path: string, sheet: KeptSheet): WalkedSheet {
    const bytes = sheet.bytes;
    let notes = this.notes;
    let count = 0;
    let maxRow = 0;
    let maxCol = 0;
    let ordered = true;
    const scan: SheetScan = (visit) => scanSheetBytes(bytes, visit, undefined, false);
    this.scan(path, scan, {
      cell: (c) => {
        const r = c.row;
        const col = c.col;
        if (r < 1 || col < 1) return;
        if (r < maxRow) ordered = false;
        if (r > maxRow) maxRow = r;
        if (col > maxCol) maxCol = col;
        // <c …/> has no value (it counts in the used range all the same).
        if (bytes[c.end - 2] === SLASH && bytes[c.end - 1] === GT) return;
        if (count + 3 > notes.length) {
          const grown = new Int32Array(notes.length * 2);
          grown.set(notes);
          notes = this.notes = grown;
        }
        notes[count++] = r;
        notes[count++] = col;
        notes[count++] = c.start;
      },
    });
    // The prefix found when the sheet was kept (sheetPrefix would look for <sheetData> again).
    const prefix = sheet.data?.prefix ?? NO_PREFIX;
    return { bytes, prefix, cells: notes.slice(0, count), maxRow, maxCol, ordered };
  }

  /** The box of a walked sheet, its wanted cells decoded. */
  private fromWalked(
    sheet: WalkedSheet,
    box: RangeBox | null,
    wanted: WantedCells | undefined,
  ): CellValue[][] {
    if (!box && (sheet.maxRow === 0 || sheet.maxCol === 0)) return [];
    const b = box ?? { r1: 1, c1: 1, r2: sheet.maxRow, c2: sheet.maxCol };
    const out = emptyBox(b);
    const { cells, bytes, prefix } = sheet;
    for (let i = 0; i < cells.length; i += 3) {
      const r = cells[i];
      // Rows in order (as every tool writes them): nothing past the box's last row is in it.
      if (r > b.r2 && sheet.ordered) break;
      const c = cells[i + 1];
      if (r < b.r1 || r > b.r2 || c < b.c1 || c > b.c2 || (wanted && !wanted.has(r, c))) continue;
      // A cell written twice keeps its last value, as Excel reads it.
      out[r - b.r1][c - b.c1] = this.value(cellAt(bytes, cells[i + 2], prefix, this.decoded));
    }
    return out;
  }

  /** The box of a sheet read up to the box's last row, its values decoded as they come. */
  private readBoxIn(path: string, bytes: Uint8Array, box: RangeBox): CellValue[][] {
    const out = emptyBox(box);
    const scan: SheetScan = (visit, only) => scanSheetBytes(bytes, visit, only);
    this.scan(path, scan, { cell: (c) => (out[c.row - box.r1][c.col - box.c1] = this.value(c)) }, box);
    return out;
  }

  /** Scans a sheet; a sheet the scanner cannot follow is named in the error. */
  private scan(path: string, scan: SheetScan, visit: ScanVisitor, box?: RangeBox): 'past-last-row' | 'end' {
    try {
      return scan(visit, box);
    } catch (e) {
      if (!(e instanceof PackageError)) throw e;
      const sheet = this.workbook().sheets.find((s) => s.path === path);
      throw new PackageError(`${e.message} (feuille « ${sheet?.name ?? path} »)`);
    }
  }

  /** Relationships of a part. */
  relsOf(part: string): ReturnType<typeof relationships> {
    return relationships(this.pkg.text(relsPath(part)) ?? '');
  }
}

/**
 * A sheet part up to this size (bytes) is kept from one read to the next (a grid tab: ~40 KB). A bigger
 * one (« Suivi E4 » of a big class, a roster, a teacher's own data) is never kept: its marker rows alone
 * are asked for, searched for or read up to the box's last row, and reading it whole cost more than all
 * the others.
 */
export const WHOLE_SHEET_SIZE = 256 * 1024;

const SLASH = 47;
const GT = 62;

export interface ReaderOptions {
  byteText?: ByteText;
  /**
   * Cells that a read of a sheet's marker takes along (with byteText only): every cell a class read may
   * ask of a tab afterwards, whatever its form (core/grid/read-cells.ts, tabReadBlock). A class of 600
   * tabs is then searched once per tab instead of twice, and only these values are kept between the two
   * reads, not the tabs' bytes.
   */
  readBlock?: { range: string; cells: readonly string[] };
}

/** A read block, parsed once; which reads it answers is worked out once per box and list. */
class ReadBlock {
  readonly box: RangeBox;
  readonly cells: WantedCells;
  private readonly byBox = new Map<string, boolean>();
  private readonly byList = new WeakMap<WantedCells, boolean>();
  private readonly placed = new Map<string, Int32Array>();
  private readonly placedByList = new WeakMap<WantedCells, { key: string; at: Int32Array }>();

  constructor(block: { range: string; cells: readonly string[] }) {
    this.box = parseRange(block.range);
    this.cells = wantedCells(block.cells);
  }

  /** Whether every cell the read may return is one of the block's: `wanted` ones, or all of the box. */
  serves(box: RangeBox, wanted: WantedCells | undefined): boolean {
    const b = this.box;
    if (box.r1 < b.r1 || box.c1 < b.c1 || box.r2 > b.r2 || box.c2 > b.c2) return false;
    if (wanted) {
      let known = this.byList.get(wanted);
      if (known === undefined) {
        known = wanted.listed.every((c) => this.cells.has(c.row, c.col));
        this.byList.set(wanted, known);
      }
      return known;
    }
    const key = `${box.r1}:${box.c1}:${box.r2}:${box.c2}`;
    let known = this.byBox.get(key);
    if (known === undefined) {
      known = true;
      for (let r = box.r1; r <= box.r2 && known; r++)
        for (let c = box.c1; c <= box.c2 && known; c++) known = this.cells.has(r, c);
      if (this.byBox.size < 256) this.byBox.set(key, known);
    }
    return known;
  }

  /**
   * Where the block's values go in a box it serves: (index in the block, row, column in the box) for each
   * of its cells in the box and in `wanted`. The same few boxes and lists come for every tab: each is
   * worked out once, and a tab's box is then filled without testing the block's cells one by one.
   */
  placements(box: RangeBox, wanted: WantedCells | undefined): Int32Array {
    const key = `${box.r1}:${box.c1}:${box.r2}:${box.c2}`;
    const known = wanted ? this.placedByList.get(wanted) : undefined;
    if (known && known.key === key) return known.at;
    let at = wanted ? undefined : this.placed.get(key);
    if (at === undefined) {
      const found: number[] = [];
      this.cells.listed.forEach(({ row, col }, i) => {
        if (row < box.r1 || row > box.r2 || col < box.c1 || col > box.c2) return;
        if (!wanted || wanted.has(row, col)) found.push(i, row - box.r1, col - box.c1);
      });
      at = Int32Array.from(found);
      if (wanted) this.placedByList.set(wanted, { key, at });
      else if (this.placed.size < 256) this.placed.set(key, at);
    }
    return at;
  }
}

/**
 * A box of `values` placed by `placements` (see ReadBlock.placements). A row that receives no value is one
 * shared row of nulls, frozen: a tab's box is 60 rows, many of them labels a class read does not ask for,
 * and every box of a read is alive until it returns (the port's results are to be read, not changed).
 */
function sparseBox(box: RangeBox, values: readonly CellValue[], placements: Int32Array): CellValue[][] {
  const width = box.c2 - box.c1 + 1;
  const blank = blankRow(width);
  const out = new Array<CellValue[]>(box.r2 - box.r1 + 1).fill(blank);
  for (let k = 0; k < placements.length; k += 3) {
    const value = values[placements[k]];
    if (value === null) continue;
    const r = placements[k + 1];
    let row = out[r];
    if (row === blank) row = out[r] = nulls(width);
    row[placements[k + 2]] = value;
  }
  return out;
}

const blankRows = new Map<number, CellValue[]>();

/** The shared, frozen row of `width` nulls (see sparseBox). */
function blankRow(width: number): CellValue[] {
  let row = blankRows.get(width);
  if (row === undefined) {
    row = Object.freeze(nulls(width)) as CellValue[];
    if (blankRows.size < 64) blankRows.set(width, row);
  }
  return row;
}

/** A sheet part kept between reads: its bytes, and what was learnt of them. */
interface KeptSheet {
  bytes: Uint8Array;
  /** Its <sheetData> tag and prefix (null when it has none). */
  data: { at: number; prefix: Uint8Array } | null;
  /** Whether a search can be trusted on it, once searched (false: not regular, it is walked). */
  searchable?: boolean;
  walk?: WalkedSheet;
}

/** Up to this many cells, a box read without a list is searched for its cells (a tab's marker: 14). */
const MAX_SEARCHED_BOX = 64;

const boxLists = new Map<string, readonly ListedCell[] | null>();

/** Every cell of a small box, in sheet order; null for a bigger one (walked). */
function boxCells(box: RangeBox): readonly ListedCell[] | null {
  const key = `${box.r1}:${box.c1}:${box.r2}:${box.c2}`;
  let cells = boxLists.get(key);
  if (cells === undefined) {
    cells = null;
    if (boxArea(box) <= MAX_SEARCHED_BOX) {
      const list: ListedCell[] = [];
      for (let r = box.r1; r <= box.r2; r++)
        for (let c = box.c1; c <= box.c2; c++) list.push(listedCell(a1(r, c), r, c));
      cells = list;
    }
    if (boxLists.size < 256) boxLists.set(key, cells);
  }
  return cells;
}

function emptyBox(box: RangeBox): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = box.r1; r <= box.r2; r++) out.push(nulls(box.c2 - box.c1 + 1));
  return out;
}

/** A sheet walked from its bytes (see walk). */
interface WalkedSheet {
  bytes: Uint8Array;
  prefix: Uint8Array;
  /** Row, column and byte offset of each cell with content, in the order of the part. */
  cells: Int32Array;
  maxRow: number;
  maxCol: number;
  /** Whether no cell comes in a row before the previous cell's. */
  ordered: boolean;
}

/** A scan of one sheet part's bytes. */
type SheetScan = (visit: ScanVisitor, box?: RangeBox) => 'past-last-row' | 'end';

/** Whether `box` (the used range when null) starts at A1 and holds every value of the sheet. */
function coversAll(sheet: { maxRow: number; maxCol: number }, box: RangeBox | null): boolean {
  return !box || (box.r1 === 1 && box.c1 === 1 && box.r2 >= sheet.maxRow && box.c2 >= sheet.maxCol);
}

function nulls(width: number): CellValue[] {
  return new Array<CellValue>(width).fill(null);
}

/** Excel serial day → Date at UTC midnight (plus the time of day), as exceljs gives dates. */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86400000));
}

export function dateToSerial(date: Date, date1904 = false): number {
  const days = date.getTime() / 86400000 + 25569;
  return date1904 ? days - 1462 : days;
}
