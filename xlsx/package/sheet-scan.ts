import { PackageError } from './errors';
import { decodeXml } from './xml';

/**
 * A hand-written scanner of a worksheet's <sheetData>: it walks the rows and cells with indexOf and reads
 * only the attributes and values a reader needs. Measured on 600 grid tabs (18 MB of XML) it is some 30×
 * faster than saxes and 60× faster than sax (which build an event per tag, attribute and text node).
 * Elements it does not expect inside sheetData are skipped; a namespace prefix on the tags is accepted.
 */

export interface ScannedCell {
  row: number;
  col: number;
  /** The `t` attribute (s, str, inlineStr, b, e, n, d) or null. */
  type: string | null;
  /** The `s` attribute (style index), 0 when absent. */
  style: number;
  /** The decoded <v> text, or the text of <is> for an inline string; null for an empty cell. */
  raw: string | null;
  /** Offsets of the whole <c …>…</c> element in the XML. */
  start: number;
  end: number;
}

export interface ScannedRow {
  row: number;
  /** Offsets of the <row …> start tag, and of the end of the element (after </row>, or the start tag when empty). */
  start: number;
  tagEnd: number;
  end: number;
}

export interface ScanVisitor {
  /** The cell object is reused for the next cell: copy it to keep it. */
  cell?(cell: ScannedCell): void;
  row?(row: ScannedRow): void;
}

function attr(tag: string, name: string): string | null {
  const at = tag.indexOf(` ${name}=`);
  let i = at;
  if (i < 0) {
    const m = new RegExp(`\\s${name}\\s*=\\s*["']`).exec(tag);
    if (!m) return null;
    i = m.index + m[0].length - 1;
  } else i += name.length + 2;
  const quote = tag[i];
  const close = tag.indexOf(quote, i + 1);
  return close < 0 ? null : tag.slice(i + 1, close);
}

/**
 * The r, t and s attributes of a <c> start tag, read in one pass over xml[from, to) without slicing the tag
 * (the scanner's hot path: one call per cell).
 */
function cellAttributes(
  xml: string,
  from: number,
  to: number,
): { ref: string | null; type: string | null; s: string | null } {
  let ref: string | null = null;
  let type: string | null = null;
  let s: string | null = null;
  let i = from;
  while (i < to) {
    const code = xml.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13) {
      i++;
      continue;
    }
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= to) break;
    const name = xml.slice(i, eq).trim();
    let q = eq + 1;
    while (q < to && xml[q] !== '"' && xml[q] !== "'") q++;
    const close = xml.indexOf(xml[q], q + 1);
    if (close < 0 || close > to) break;
    if (name === 'r') ref = xml.slice(q + 1, close);
    else if (name === 't') type = xml.slice(q + 1, close);
    else if (name === 's') s = xml.slice(q + 1, close);
    i = close + 1;
  }
  return { ref, type, s };
}

/** "AB12" → [12, 28]; [0, 0] when unreadable. */
export function parseRef(ref: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else if (code !== 36) break;
  }
  const row = parseInt(ref.slice(i).replace('$', ''), 10);
  return [Number.isNaN(row) ? 0 : row, col];
}

/** Text of an <si> or <is>: its <t> runs joined; phonetic runs (<rPh>) left out; _xHHHH_ escapes decoded. */
export function richText(xml: string): string {
  const body = xml.indexOf('rPh') >= 0 ? xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') : xml;
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) out += m[1];
  return unescapeText(out);
}

export function unescapeText(text: string): string {
  const decoded = text.indexOf('&') >= 0 ? decodeXml(text) : text;
  return decoded.indexOf('_x') >= 0
    ? decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : decoded;
}

function sheetDataStart(xml: string): { at: number; prefix: string } | null {
  const m = /<([\w.-]+:)?sheetData\b/.exec(xml);
  return m ? { at: m.index, prefix: m[1] ?? '' } : null;
}

/**
 * Walks every row and cell of the sheet, in file order, stopping after `lastRow` (rows are in order in a
 * valid file). Rows without `r` follow the previous row; cells without `r` follow the previous cell.
 */
export function scanSheet(
  xml: string,
  visit: ScanVisitor,
  lastRow = Number.POSITIVE_INFINITY,
): 'past-last-row' | 'end' {
  const data = sheetDataStart(xml);
  if (!data) return 'end';
  const p = data.prefix;
  const cellClose = `</${p}c>`;
  const rowClose = `</${p}row>`;
  let pos = xml.indexOf('>', data.at) + 1;
  if (xml[pos - 2] === '/') return 'end';
  let row = 0;
  let col = 0;
  let rowInfo: ScannedRow | null = null;
  // One object for every cell (a visitor that keeps a cell copies it): no allocation per cell.
  const cell: ScannedCell = { row: 0, col: 0, type: null, style: 0, raw: null, start: 0, end: 0 };
  while (pos > 0 && pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break;
    let name: string;
    let nameEnd: number;
    const c1 = xml.charCodeAt(lt + 1);
    // The hot tags without a prefix are told by their first characters, without slicing the name.
    if (p === '' && c1 === 99 && isDelimiter(xml.charCodeAt(lt + 2))) {
      name = 'c';
      nameEnd = lt + 2;
    } else if (p === '' && c1 === 47 && xml.startsWith('row>', lt + 2)) {
      name = '/row';
      nameEnd = lt + 5;
    } else {
      nameEnd = c1 === 47 ? lt + 2 : lt + 1;
      while (nameEnd < gt && !isDelimiter(xml.charCodeAt(nameEnd))) nameEnd++;
      name = xml.slice(lt + 1, nameEnd);
      if (p !== '' && name.startsWith(p)) name = name.slice(p.length);
      else if (p !== '' && name.startsWith(`/${p}`)) name = `/${name.slice(p.length + 1)}`;
    }
    const selfClosing = xml[gt - 1] === '/';
    if (name === 'c') {
      const { ref, type, s } = cellAttributes(xml, nameEnd, gt);
      if (ref !== null) {
        const [r, c] = parseRef(ref);
        if (r > 0) row = r;
        col = c;
      } else col++;
      let end = gt + 1;
      let raw: string | null = null;
      if (!selfClosing) {
        const close = xml.indexOf(cellClose, gt);
        end = close < 0 ? xml.length : close + cellClose.length;
        raw = cellRaw(xml, gt + 1, close < 0 ? xml.length : close, type, p);
      }
      if (visit.cell) {
        cell.row = row;
        cell.col = col;
        cell.type = type;
        cell.style = s === null ? 0 : Number(s);
        cell.raw = raw;
        cell.start = lt;
        cell.end = end;
        visit.cell(cell);
      }
      pos = end;
    } else if (name === 'row') {
      if (rowInfo) visit.row?.({ ...rowInfo, end: lt });
      const tag = xml.slice(lt, gt + 1);
      const r = attr(tag, 'r');
      row = r === null ? row + 1 : Number(r);
      col = 0;
      if (row > lastRow) return 'past-last-row';
      rowInfo = selfClosing ? null : { row, start: lt, tagEnd: gt + 1, end: 0 };
      if (selfClosing) visit.row?.({ row, start: lt, tagEnd: gt + 1, end: gt + 1 });
      pos = gt + 1;
    } else if (name === '/row') {
      if (rowInfo) visit.row?.({ ...rowInfo, end: lt + rowClose.length });
      rowInfo = null;
      pos = gt + 1;
    } else if (name === '/sheetData') {
      return 'end';
    } else if (name === 'extLst') {
      const close = xml.indexOf(`</${p}extLst>`, gt);
      pos = selfClosing || close < 0 ? gt + 1 : close;
    } else if (name === '/extLst' || name.startsWith('?') || name.startsWith('!')) {
      pos = gt + 1;
    } else {
      throw new PackageError(`élément inattendu <${name}> dans les données de la feuille`);
    }
  }
  return 'end';
}

/** Space, tab, CR, LF, '/' or '>': the end of a tag name. */
function isDelimiter(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/** The first child element `<{p}name` of a cell's content xml[from, to), or -1 (a bounded walk over '<'). */
function childAt(xml: string, from: number, to: number, tag: string): number {
  for (let lt = xml.indexOf('<', from); lt >= 0 && lt < to; lt = xml.indexOf('<', lt + 1))
    if (xml.startsWith(tag, lt + 1) && isDelimiter(xml.charCodeAt(lt + 1 + tag.length))) return lt;
  return -1;
}

/** The raw value of a cell whose content is xml[from, to), read in place. */
function cellRaw(xml: string, from: number, to: number, type: string | null, p: string): string | null {
  if (type === 'inlineStr') {
    const is = childAt(xml, from, to, `${p}is`);
    return is < 0 ? null : richText(xml.slice(is, to));
  }
  const v = childAt(xml, from, to, `${p}v`);
  if (v < 0) return null;
  const open = xml.indexOf('>', v);
  if (xml.charCodeAt(open - 1) === 47) return '';
  const close = xml.indexOf('<', open);
  return unescapeText(xml.slice(open + 1, close < 0 || close > to ? to : close));
}
