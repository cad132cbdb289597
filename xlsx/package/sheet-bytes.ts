import { decodeUtf8, encodeUtf8 } from '../../core/text/codec';
import { PackageError } from './errors';
import { memoText } from './text-memo';
import { elementText, unescapeText, type ScanBox, type ScannedCell, type ScanVisitor } from './sheet-scan';

/**
 * The reader's scanner of a worksheet's <sheetData>, over the part's UTF-8 bytes as inflated: the same walk
 * as scanSheet (sheet-scan.ts, which the writer uses on text), but the part is never decoded as a whole;
 * only the values of the cells visited become strings. Decoding every sheet cost as much as scanning it,
 * and its large strings kept the garbage collector busy.
 */

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const EQ = 61;

/** Space, tab, CR, LF, '/' or '>': the end of a tag name. */
function isDelimiter(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Whether b[at…] starts with these bytes. */
function startsWith(b: Uint8Array, at: number, word: Uint8Array): boolean {
  if (at + word.length > b.length) return false;
  for (let i = 0; i < word.length; i++) if (b[at + i] !== word[i]) return false;
  return true;
}

/** Bytes found everywhere in sheet XML: a search keyed on one of them stops at nearly every tag. */
const COMMON_BYTES = ascii(' "=<>/:.0123456789abcdefghilmnoprstu');

/**
 * The byte of `word` a search looks for: its last one that is not common in sheet XML (the 'w' of '<row',
 * the 'D' of 'sheetData'), else its first. Keying on '<' made the native search stop at every tag, and a
 * walk to the end of a sheet (noRowUpTo) cost as much as reading the sheet.
 */
function pivotOf(word: Uint8Array): number {
  for (let i = word.length - 1; i > 0; i--) if (COMMON_BYTES.indexOf(word[i]) < 0) return i;
  return 0;
}

/** The first occurrence of `word` in b[from, to), or -1. */
function find(b: Uint8Array, word: Uint8Array, from: number, to = b.length): number {
  const pivot = pivotOf(word);
  const key = word[pivot];
  for (let at = b.indexOf(key, from + pivot); at >= 0; at = b.indexOf(key, at + 1)) {
    const start = at - pivot;
    if (start + word.length > to) return -1;
    if (startsWith(b, start, word)) return start;
  }
  return -1;
}

/** The codec's: native TextDecoder/TextEncoder when the engine has them (IE 11, the Excel 2016 pane, has not). */
const utf8 = { decode: decodeUtf8 };
const encoder = { encode: encodeUtf8 };
/** Code units of a short value being decoded (values longer than this go through TextDecoder). */
const units = new Uint16Array(256);

/**
 * The string of units[0, n) for n < 13 (the only lengths it is called with), made in one call: a string
 * built by concatenation would allocate each intermediate string, and short values are most of a sheet's.
 */
function fromUnits(n: number): string {
  const u = units;
  const f = String.fromCharCode;
  switch (n) {
    case 0:
      return '';
    case 1:
      return f(u[0]);
    case 2:
      return f(u[0], u[1]);
    case 3:
      return f(u[0], u[1], u[2]);
    case 4:
      return f(u[0], u[1], u[2], u[3]);
    case 5:
      return f(u[0], u[1], u[2], u[3], u[4]);
    case 6:
      return f(u[0], u[1], u[2], u[3], u[4], u[5]);
    case 7:
      return f(u[0], u[1], u[2], u[3], u[4], u[5], u[6]);
    case 8:
      return f(u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7]);
    case 9:
      return f(u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8]);
    case 10:
      return f(u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9]);
    case 11:
      return f(u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10]);
    case 12:
      return f(u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11]);
    default:
      return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  }
}

/** The character of an entity b[from, to) (between '&' and ';'), or -1 when it is not one XML defines. */
function entity(b: Uint8Array, from: number, to: number): number {
  const len = to - from;
  const c0 = b[from];
  if (c0 === 35) {
    let code = 0;
    const hex = b[from + 1] === 120;
    for (let i = from + (hex ? 2 : 1); i < to; i++) {
      const d = b[i];
      const v = d >= 48 && d <= 57 ? d - 48 : hex && (d | 32) >= 97 && (d | 32) <= 102 ? (d | 32) - 87 : -1;
      if (v < 0) return -1;
      code = code * (hex ? 16 : 10) + v;
    }
    return len > (hex ? 2 : 1) && code <= 0x10ffff ? code : -1;
  }
  if (len === 2 && b[from + 1] === 116) return c0 === 108 ? 60 : c0 === 103 ? 62 : -1;
  if (len === 3 && c0 === 97 && b[from + 1] === 109 && b[from + 2] === 112) return 38;
  if (len === 4 && c0 === 113 && b[from + 1] === 117 && b[from + 2] === 111 && b[from + 3] === 116) return 34;
  if (len === 4 && c0 === 97 && b[from + 1] === 112 && b[from + 2] === 111 && b[from + 3] === 115) return 39;
  return -1;
}

/**
 * The text of b[from, to) (UTF-8), with its entities and _xHHHH_ escapes decoded. Short values, nearly all
 * of them, are decoded by hand: a TextDecoder call per cell costs more than the bytes it reads.
 */
export function decodeText(b: Uint8Array, from: number, to: number): string {
  if (to - from > units.length - 2) return unescapeText(utf8.decode(b.subarray(from, to)));
  let n = 0;
  let underscore = false;
  let i = from;
  while (i < to) {
    const c = b[i];
    if (c < 0x80) {
      if (c === 38) {
        let semi = i + 1;
        while (semi < to && semi < i + 12 && b[semi] !== 59) semi++;
        const code = semi < to && b[semi] === 59 ? entity(b, i + 1, semi) : -1;
        if (code >= 0) {
          if (code > 0xffff) {
            units[n++] = 0xd800 + ((code - 0x10000) >> 10);
            units[n++] = 0xdc00 + ((code - 0x10000) & 0x3ff);
          } else units[n++] = code;
          if (code === 95) underscore = true;
          i = semi + 1;
          continue;
        }
      } else if (c === 95) underscore = true;
      units[n++] = c;
      i++;
    } else if (c >= 0xc2 && c < 0xe0 && i + 1 < to && (b[i + 1] & 0xc0) === 0x80) {
      units[n++] = ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
      i += 2;
    } else if (
      c >= 0xe0 &&
      c < 0xf0 &&
      i + 2 < to &&
      (b[i + 1] & 0xc0) === 0x80 &&
      (b[i + 2] & 0xc0) === 0x80 &&
      (c !== 0xe0 || b[i + 1] >= 0xa0) &&
      (c !== 0xed || b[i + 1] < 0xa0)
    ) {
      units[n++] = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      i += 3;
    } else {
      // Four-byte sequences (outside the BMP) and anything unusual (bytes that are not UTF-8: the
      // standard decoder replaces them as it would have in the whole part): the standard decoder.
      return unescapeText(utf8.decode(b.subarray(from, to)));
    }
  }
  // Built flat: short texts by concatenation (V8 copies strings under 13 characters), longer ones in one
  // call (a concatenation would leave a tree of pieces to flatten, and garbage, when the text is kept).
  const text =
    n < 13
      ? fromUnits(n)
      : n === to - from
        ? utf8.decode(b.subarray(from, to))
        : String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  // _xHHHH_ escapes are decoded after the entities, as unescapeText does.
  return underscore ? unescapeText(text) : text;
}

function cellType(b: Uint8Array, from: number, to: number): string {
  const len = to - from;
  if (len === 1) {
    switch (b[from]) {
      case 115:
        return 's';
      case 98:
        return 'b';
      case 101:
        return 'e';
      case 110:
        return 'n';
      case 100:
        return 'd';
    }
  } else if (len === 3 && startsWith(b, from, STR)) return 'str';
  else if (len === 9 && startsWith(b, from, INLINE_STR)) return 'inlineStr';
  return utf8.decode(b.subarray(from, to));
}

/** A non-negative integer b[from, to); NaN when it is not one. */
function integerAt(b: Uint8Array, from: number, to: number): number {
  if (from >= to) return NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = b[i];
    if (code < 48 || code > 57) return Number(utf8.decode(b.subarray(from, to)));
    n = n * 10 + code - 48;
  }
  return n;
}

const STR = ascii('str');
const INLINE_STR = ascii('inlineStr');
const ROW = ascii('row');
const SHEET_DATA = ascii('sheetData');
const EXT_LST = ascii('extLst');

/** The attributes of the last start tag read, kept in fields (see TagReader in sheet-scan.ts). */
class TagReader {
  refRow = -1;
  refCol = 0;
  type: string | null = null;
  style = 0;
  selfClosing = false;

  constructor(public b: Uint8Array) {}

  /** Reads the attributes from `from`; returns the offset of the tag's '>' (-1 when there is none). */
  read(from: number, cell: boolean): number {
    const b = this.b;
    const n = b.length;
    this.refRow = -1;
    this.refCol = 0;
    this.type = null;
    this.style = 0;
    this.selfClosing = false;
    let i = from;
    while (i < n) {
      let code = b[i];
      if (code === GT) return i;
      if (code <= 32 || code === SLASH) {
        if (code === SLASH && b[i + 1] === GT) {
          this.selfClosing = true;
          return i + 1;
        }
        i++;
        continue;
      }
      const nameStart = i;
      while (i < n) {
        code = b[i];
        if (code === EQ || code <= 32 || code === GT) break;
        i++;
      }
      const nameLen = i - nameStart;
      while (i < n && code !== QUOTE && code !== APOS && code !== GT) code = b[++i];
      if (code === GT || i >= n) continue;
      const quote = code;
      let close = i + 1;
      while (close < n && b[close] !== quote) close++;
      if (close >= n) return -1;
      if (nameLen === 1) {
        const name = b[nameStart];
        if (name === 114) {
          if (cell) this.cellRef(i + 1, close);
          else this.refRow = integerAt(b, i + 1, close);
        } else if (cell && name === 116) this.type = cellType(b, i + 1, close);
        else if (cell && name === 115) this.style = integerAt(b, i + 1, close);
      }
      i = close + 1;
    }
    return -1;
  }

  /**
   * The attributes of a cell start tag written the way Excel, LibreOffice and the add-in write them:
   * ` r="B12"`, then ` s="3"` and ` t="…"` when present, in that order, then '>' or '/>'. Returns the offset
   * of the tag's '>', or -1 when the tag is written any other way (read() then reads it whatever its order,
   * quoting and spacing). Nearly every cell of a sheet takes this path: the general walk over attribute
   * names and quotes cost more than the rest of the scan.
   */
  readCell(from: number): number {
    const b = this.b;
    let i = from;
    if (b[i] !== 32 || b[i + 1] !== 114 || b[i + 2] !== EQ || b[i + 3] !== QUOTE) return -1;
    i += 4;
    let col = 0;
    let code = b[i];
    while (code >= 65 && code <= 90) {
      col = col * 26 + code - 64;
      code = b[++i];
    }
    const digits = i;
    let row = 0;
    while (code >= 48 && code <= 57) {
      row = row * 10 + code - 48;
      code = b[++i];
    }
    if (code !== QUOTE || col === 0 || i === digits) return -1;
    i++;
    let style = 0;
    if (b[i] === 32 && b[i + 1] === 115 && b[i + 2] === EQ && b[i + 3] === QUOTE) {
      i += 4;
      const start = i;
      code = b[i];
      while (code >= 48 && code <= 57) {
        style = style * 10 + code - 48;
        code = b[++i];
      }
      if (code !== QUOTE || i === start) return -1;
      i++;
    }
    let type: string | null = null;
    if (b[i] === 32 && b[i + 1] === 116 && b[i + 2] === EQ && b[i + 3] === QUOTE) {
      const start = i + 4;
      let end = start;
      while (end < b.length && b[end] !== QUOTE && b[end] !== GT) end++;
      if (b[end] !== QUOTE) return -1;
      type = cellType(b, start, end);
      i = end + 1;
    }
    const selfClosing = b[i] === SLASH && b[i + 1] === GT;
    if (selfClosing) i++;
    else if (b[i] !== GT) return -1;
    this.refRow = row;
    this.refCol = col;
    this.style = style;
    this.type = type;
    this.selfClosing = selfClosing;
    return i;
  }

  private cellRef(from: number, to: number): void {
    const b = this.b;
    let col = 0;
    let i = from;
    for (; i < to; i++) {
      const code = b[i];
      if (code >= 65 && code <= 90) col = col * 26 + code - 64;
      else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
      else if (code !== 36) break;
    }
    let row = 0;
    let digits = false;
    for (; i < to; i++) {
      const code = b[i];
      if (code >= 48 && code <= 57) {
        row = row * 10 + code - 48;
        digits = true;
      } else if (code !== 36 || digits) break;
    }
    this.refCol = col;
    this.refRow = digits ? row : 0;
  }
}

/** The prefix of nearly every sheet: none (shared, never written to). */
export const NO_PREFIX = new Uint8Array(0);

/** The namespace prefix of a sheet's tags ('' or 'x:', as bytes). */
export function sheetPrefix(b: Uint8Array): Uint8Array {
  return sheetDataStart(b)?.prefix ?? NO_PREFIX;
}

/** Reads the cell tags of cellAt (its bytes are set before each use). */
const cellTags = new TagReader(new Uint8Array(0));

/**
 * The type, style and value of the cell element starting at b[start] (its '<'), as scanSheetBytes gives
 * them, into `into` (row and column are left as they are: a cell without `r` takes them from its place).
 */
export function cellAt(b: Uint8Array, start: number, prefix: Uint8Array, into: ScannedCell): ScannedCell {
  const tags = cellTags;
  tags.b = b;
  const k = start + 1 + prefix.length;
  let gt = prefix.length === 0 ? tags.readCell(k + 1) : -1;
  if (gt < 0) gt = tags.read(k + 1, true);
  into.type = tags.type;
  into.style = tags.style;
  into.raw = null;
  into.start = start;
  into.end = gt + 1;
  if (gt >= 0 && !tags.selfClosing) {
    const nm = namesOf(prefix);
    const close = cellContent(b, gt + 1, tags.type, nm, true);
    into.raw = content.raw;
    into.end = close < 0 ? b.length : close + nm.cellClose.length;
  }
  return into;
}

/** The <sheetData> start tag and the namespace prefix of its name ('' or 'x:'), or null. */
export function sheetDataStart(b: Uint8Array): { at: number; prefix: Uint8Array } | null {
  for (let at = find(b, SHEET_DATA, 0); at > 0; at = find(b, SHEET_DATA, at + 1)) {
    if (!isDelimiter(b[at + SHEET_DATA.length] ?? 62)) continue;
    if (b[at - 1] === LT) return { at: at - 1, prefix: NO_PREFIX };
    if (b[at - 1] !== 58) continue;
    let lt = at - 2;
    while (lt >= 0 && b[lt] !== LT && !isDelimiter(b[lt])) lt--;
    if (lt >= 0 && b[lt] === LT) return { at: lt, prefix: b.slice(lt + 1, at) };
  }
  return null;
}

const enum Tag {
  Cell,
  Row,
  DataEnd,
  ExtLst,
  Skip,
  Other,
}

function tagAt(b: Uint8Array, k: number, closing: boolean): Tag {
  const c0 = b[k];
  if (c0 === 99 && !closing && isDelimiter(b[k + 1])) return Tag.Cell;
  if (c0 === 114 && startsWith(b, k, ROW) && isDelimiter(b[k + 3])) return Tag.Row;
  if (closing && startsWith(b, k, SHEET_DATA) && isDelimiter(b[k + 9])) return Tag.DataEnd;
  if (startsWith(b, k, EXT_LST) && isDelimiter(b[k + 6])) return Tag.ExtLst;
  if (!closing && (c0 === 63 || c0 === 33)) return Tag.Skip;
  return Tag.Other;
}

/** The element names the scanner looks for, with the sheet's prefix. */
interface Names {
  prefix: Uint8Array;
  cellClose: Uint8Array;
  extLstClose: Uint8Array;
  dataClose: Uint8Array;
  rowOpen: Uint8Array;
  is: Uint8Array;
  isClose: Uint8Array;
  v: Uint8Array;
  t: Uint8Array;
  tClose: Uint8Array;
  endOpen: Uint8Array;
  text: string;
}

function names(prefix: Uint8Array): Names {
  const p = utf8.decode(prefix);
  const bytes = (text: string): Uint8Array => encoder.encode(text);
  return {
    prefix,
    cellClose: bytes(`</${p}c>`),
    extLstClose: bytes(`</${p}extLst>`),
    dataClose: bytes(`</${p}sheetData>`),
    rowOpen: bytes(`<${p}row`),
    is: bytes(`${p}is`),
    isClose: bytes(`</${p}is>`),
    v: bytes(`${p}v`),
    t: bytes(`${p}t`),
    tClose: bytes(`</${p}t>`),
    endOpen: bytes(`</${p}`),
    text: p,
  };
}

/** The names without a prefix, nearly every sheet's: built once, not for each of 600 tabs. */
let unprefixed: Names | null = null;

function namesOf(prefix: Uint8Array): Names {
  if (prefix.length > 0) return names(prefix);
  unprefixed ??= names(prefix);
  return unprefixed;
}

/**
 * Walks the rows and cells of the sheet's bytes as scanSheet does its text (same rules: rows without `r`
 * follow the previous row, cells without `r` the previous cell; with a box, only its cells are visited and
 * the walk stops past its last row when no later row comes back before it). Cell offsets are byte offsets.
 * With `decode` false, no value is decoded (raw stays null): the reader notes where cells are and decodes
 * the few it is asked for later (cellAt).
 */
export function scanSheetBytes(
  b: Uint8Array,
  visit: ScanVisitor,
  box?: ScanBox,
  decode = true,
): 'past-last-row' | 'end' {
  const data = sheetDataStart(b);
  if (!data) return 'end';
  const nm = namesOf(data.prefix);
  const p = data.prefix;
  const stopRow = box ? box.r2 : Number.POSITIVE_INFINITY;
  let pos = b.indexOf(GT, data.at) + 1;
  if (pos <= 0 || b[pos - 2] === SLASH) return 'end';
  let row = 0;
  let col = 0;
  let ordered = true;
  let rowInfo: { row: number; start: number; tagEnd: number } | null = null;
  const tags = new TagReader(b);
  const cell: ScannedCell = { row: 0, col: 0, type: null, style: 0, raw: null, start: 0, end: 0 };
  const n = b.length;
  while (pos > 0 && pos < n) {
    const lt = b[pos] === LT ? pos : b.indexOf(LT, pos);
    if (lt < 0) break;
    let k = lt + 1;
    const closing = b[k] === SLASH;
    if (closing) k++;
    if (p.length > 0 && startsWith(b, k, p)) k += p.length;
    const tag = tagAt(b, k, closing);
    if (tag === Tag.Cell) {
      let gt = p.length === 0 ? tags.readCell(k + 1) : -1;
      if (gt < 0) gt = tags.read(k + 1, true);
      if (gt < 0) break;
      const selfClosing = tags.selfClosing;
      if (tags.refRow >= 0) {
        if (tags.refRow > 0) row = tags.refRow;
        col = tags.refCol;
      } else col++;
      const wanted = !box || (row >= box.r1 && row <= box.r2 && col >= box.c1 && col <= box.c2);
      const want = wanted && visit.cell !== undefined;
      let end = gt + 1;
      let raw: string | null = null;
      if (!selfClosing) {
        const close = cellContent(b, gt + 1, tags.type, nm, want && decode);
        end = close < 0 ? n : close + nm.cellClose.length;
        raw = content.raw;
      }
      if (want && visit.cell) {
        cell.row = row;
        cell.col = col;
        cell.type = tags.type;
        cell.style = tags.style;
        cell.raw = raw;
        cell.start = lt;
        cell.end = end;
        visit.cell(cell);
      }
      pos = end;
      continue;
    }
    if (tag === Tag.Row && !closing) {
      const gt = tags.read(k + 3, false);
      if (gt < 0) break;
      if (rowInfo) visit.row?.({ ...rowInfo, end: lt });
      const r = tags.refRow;
      row = r < 0 ? row + 1 : r;
      col = 0;
      if (row > stopRow && ordered) {
        if (noRowUpTo(b, gt + 1, stopRow, row, nm)) return 'past-last-row';
        ordered = false;
      }
      // Only a visitor of rows needs them (an object per row otherwise made for nothing).
      rowInfo = tags.selfClosing || !visit.row ? null : { row, start: lt, tagEnd: gt + 1 };
      if (tags.selfClosing) visit.row?.({ row, start: lt, tagEnd: gt + 1, end: gt + 1 });
      pos = gt + 1;
      continue;
    }
    const gt = b.indexOf(GT, lt);
    if (gt < 0) break;
    const selfClosing = b[gt - 1] === SLASH;
    if (tag === Tag.Row) {
      if (rowInfo) visit.row?.({ ...rowInfo, end: gt + 1 });
      rowInfo = null;
      pos = gt + 1;
    } else if (tag === Tag.DataEnd) {
      return 'end';
    } else if (tag === Tag.ExtLst && !closing) {
      const close = find(b, nm.extLstClose, gt);
      pos = selfClosing || close < 0 ? gt + 1 : close;
    } else if (tag === Tag.ExtLst || tag === Tag.Skip) {
      pos = gt + 1;
    } else {
      let nameStop = k;
      while (nameStop < gt && !isDelimiter(b[nameStop])) nameStop++;
      const name = `${closing ? '/' : ''}${utf8.decode(b.subarray(k, nameStop))}`;
      throw new PackageError(`élément inattendu <${name}> dans les données de la feuille`);
    }
  }
  return 'end';
}

const WORKSHEET = ascii('worksheet');

/** Whether the part's root element is a worksheet (looked for in its first 4 KB). */
export function isWorksheetBytes(b: Uint8Array): boolean {
  const at = find(b, WORKSHEET, 0, Math.min(b.length, 4096));
  if (at > 0 && (b[at - 1] === LT || b[at - 1] === 58) && isDelimiter(b[at + WORKSHEET.length])) return true;
  return /<([\w.-]+:)?worksheet\b/.test(utf8.decode(b.subarray(0, 4096)));
}

/** Whether no row of the rest of the sheet data is numbered `upTo` or less (see scanSheet). */
function noRowUpTo(b: Uint8Array, from: number, upTo: number, current: number, nm: Names): boolean {
  const end = find(b, nm.dataClose, from);
  const tags = new TagReader(b);
  let row = current;
  const open = nm.rowOpen;
  for (let at = find(b, open, from); at >= 0 && (end < 0 || at < end); at = find(b, open, at + 1)) {
    const after = at + open.length;
    if (!isDelimiter(b[after])) continue;
    if (tags.read(after, false) < 0) break;
    row = tags.refRow < 0 ? row + 1 : tags.refRow;
    if (row <= upTo) return false;
  }
  return true;
}

/** Whether b[at…] is the start of an element named `tag` (the bytes after '<'). */
function isTag(b: Uint8Array, at: number, tag: Uint8Array): boolean {
  return startsWith(b, at, tag) && isDelimiter(b[at + tag.length]);
}

/** The value cellContent found (a field rather than an object per cell). */
const content: { raw: string | null } = { raw: null };

/**
 * One walk over a cell's content from `from`: its value (the text of <v>, or of <is> for an inline string)
 * into content.raw when `want`, and the offset of the cell's end tag (-1 when missing).
 */
function cellContent(b: Uint8Array, from: number, type: string | null, nm: Names, want: boolean): number {
  content.raw = null;
  const n = b.length;
  const inline = type === 'inlineStr';
  if (nm.prefix.length === 0) {
    const end = usualContent(b, from, inline, nm, want);
    if (end >= 0) return end;
    content.raw = null;
  }
  let look = want;
  let i = from;
  while (i < n) {
    if (b[i] !== LT) {
      // A formula's text, often long, holds no '<' (it is escaped): past a few bytes, the native search
      // finds the next tag faster (a call costs more than the short gaps between tags).
      i++;
      if (i < n && b[i] !== LT) i++;
      if (i < n && b[i] !== LT) i = b.indexOf(LT, i);
      if (i < 0) return -1;
      continue;
    }
    if (b[i + 1] === SLASH) {
      if (startsWith(b, i, nm.cellClose)) return i;
      i += 2;
      continue;
    }
    if (look && inline && isTag(b, i + 1, nm.is)) {
      look = false;
      const open = b.indexOf(GT, i);
      if (open < 0) return -1;
      if (b[open - 1] === SLASH) {
        content.raw = '';
        i = open + 1;
        continue;
      }
      // The usual <is><t>text</t></is> ends where its run does: no search for </is>.
      const plain = plainRun(b, i, n, nm);
      if (plain !== null && startsWith(b, plainEnd, nm.isClose)) {
        content.raw = plain;
        i = plainEnd;
        continue;
      }
      const close = find(b, nm.isClose, open);
      const to = close < 0 ? n : close;
      content.raw = plainRun(b, i, to, nm) ?? elementText(utf8.decode(b.subarray(i, to)), 0, to - i, nm.text);
      i = to;
      continue;
    }
    if (look && !inline && isTag(b, i + 1, nm.v)) {
      look = false;
      const open = b.indexOf(GT, i);
      if (open < 0) return -1;
      if (b[open - 1] === SLASH) {
        content.raw = '';
        i = open + 1;
        continue;
      }
      let close = open + 1;
      while (close < n && b[close] !== LT) close++;
      content.raw = memoText(b, open + 1, close, decodeText);
      i = close;
      continue;
    }
    i++;
  }
  return -1;
}

/** Whether b[at…] is the end tag `</x>` of a one-letter element (unprefixed). */
function endsOne(b: Uint8Array, at: number, letter: number): boolean {
  return b[at] === LT && b[at + 1] === SLASH && b[at + 2] === letter && b[at + 3] === GT;
}

/**
 * cellContent for the contents Excel, LibreOffice and the add-in write (unprefixed): an optional formula
 * (`<f>…</f>` or `<f …/>`), then `<v>…</v>`, or an inline string of one plain run; then `</c>`. Returns
 * the offset of `</c>`, or -1 for any other content, which cellContent then walks tag by tag. Jumping from
 * one expected tag to the next, rather than stopping at each tag to ask what it is, took a third off the
 * walk of 600 tabs (profiled with the reader's walk, which decodes nothing).
 */
function usualContent(b: Uint8Array, from: number, inline: boolean, nm: Names, want: boolean): number {
  let i = from;
  if (b[i] !== LT) return -1;
  if (b[i + 1] === 102 && isDelimiter(b[i + 2])) {
    const gt = b.indexOf(GT, i + 2);
    if (gt < 0) return -1;
    if (b[gt - 1] === SLASH) i = gt + 1;
    else {
      const lt = b.indexOf(LT, gt + 1);
      if (lt < 0 || !endsOne(b, lt, 102)) return -1;
      i = lt + 4;
    }
  }
  if (b[i] === LT && b[i + 1] === 118 && b[i + 2] === GT && !inline) {
    const lt = b.indexOf(LT, i + 3);
    if (lt < 0 || !endsOne(b, lt, 118)) return -1;
    if (want) content.raw = memoText(b, i + 3, lt, decodeText);
    i = lt + 4;
  } else if (inline && b[i] === LT && isTag(b, i + 1, nm.is)) {
    if (b[b.indexOf(GT, i) - 1] === SLASH) return -1;
    const plain = plainRun(b, i, b.length, nm, want);
    if (plain === null || !startsWith(b, plainEnd, nm.isClose)) return -1;
    if (want) content.raw = plain;
    i = plainEnd + nm.isClose.length;
  }
  return endsOne(b, i, 99) ? i : -1;
}

/** Where the run plainRun read ends (past its </t>, or its <t/>). */ /** Where the run plainRun read ends (past its </t>, or its <t/>). */
let plainEnd = 0;

/**
 * The text of an <is> element at b[is…] (content ending before `to`) made of one plain <t> run, the way
 * the add-in and most tools write it; null when it is anything else.
 */
function plainRun(b: Uint8Array, is: number, to: number, nm: Names, decode = true): string | null {
  const open = b.indexOf(GT, is);
  if (open < 0 || open >= to) return null;
  if (b[open - 1] === SLASH) return '';
  const t = open + 1;
  if (b[t] !== LT || !startsWith(b, t + 1, nm.t) || !isDelimiter(b[t + 1 + nm.t.length])) return null;
  const tagEnd = b.indexOf(GT, t + 1);
  if (tagEnd < 0 || tagEnd >= to) return null;
  if (b[tagEnd - 1] === SLASH) {
    plainEnd = tagEnd + 1;
    return startsWith(b, tagEnd + 1, nm.endOpen) ? '' : null;
  }
  // A label runs for dozens of bytes: the native search finds its end faster than a loop.
  const lt = b.indexOf(LT, tagEnd + 1);
  const textEnd = lt < 0 || lt > to ? to : lt;
  if (!startsWith(b, textEnd, nm.tClose) || !startsWith(b, textEnd + nm.tClose.length, nm.endOpen))
    return null;
  plainEnd = textEnd + nm.tClose.length;
  return decode ? memoText(b, tagEnd + 1, textEnd, decodeText) : '';
}
