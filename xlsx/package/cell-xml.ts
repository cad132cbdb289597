import { a1, parseA1 } from '../../core/spec/a1';
import type { CellSpec, CellValue } from '../../core/spec/types';
import { dateToSerial } from './reader';
import { scanSheet, type ScannedCell, type ScannedRow } from './sheet-scan';
import { encodeXml } from './xml';

/**
 * Cells written as SpreadsheetML, and cells patched into an existing sheet's XML. A string is always an
 * inline string (`t="inlineStr"`): text stays text, whatever it starts with, and the workbook's shared
 * strings part is left as it was.
 */

/** Text as OOXML stores it: a literal « _x0041_ » is escaped, characters XML 1.0 forbids become _xHHHH_. */
export function ooxmlText(text: string): string {
  const escaped = text.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_').replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  return encodeXml(escaped);
}

function valueXml(value: CellValue, date1904: boolean): { type: string; body: string } | null {
  if (value === null) return null;
  if (typeof value === 'string')
    return { type: 'inlineStr', body: `<is><t xml:space="preserve">${ooxmlText(value)}</t></is>` };
  if (typeof value === 'boolean') return { type: 'b', body: `<v>${value ? 1 : 0}</v>` };
  if (value instanceof Date) return { type: '', body: `<v>${dateToSerial(value, date1904)}</v>` };
  if (!Number.isFinite(value)) return null;
  return { type: '', body: `<v>${value}</v>` };
}

/** One <c> element. A link is written as its text (the hyperlink element is the sheet's business). */
export function cellXml(
  ref: string,
  cell: Omit<CellSpec, 'r' | 'c'>,
  style: number,
  date1904: boolean,
): string {
  const s = style > 0 ? ` s="${style}"` : '';
  const value = cell.link ? (cell.value ?? cell.link.sheet) : (cell.value ?? null);
  if (cell.formula !== undefined) {
    const f = `<f>${encodeXml(cell.formula.replace(/^=/, ''))}</f>`;
    const cached = valueXml(value, date1904);
    if (!cached) return `<c r="${ref}"${s}>${f}</c>`;
    const type = cached.type === 'inlineStr' ? 'str' : cached.type;
    const body = cached.type === 'inlineStr' ? `<v>${ooxmlText(String(value))}</v>` : cached.body;
    return `<c r="${ref}"${s}${type ? ` t="${type}"` : ''}>${f}${body}</c>`;
  }
  const v = valueXml(value, date1904);
  if (!v) return `<c r="${ref}"${s}/>`;
  return `<c r="${ref}"${s}${v.type ? ` t="${v.type}"` : ''}>${v.body}</c>`;
}

interface IndexedRow extends ScannedRow {
  cells: ScannedCell[];
}

/** Where the cells and rows of a sheet's XML are, to splice cells into it. */
export interface SheetIndex {
  xml: string;
  cells: Map<string, ScannedCell>;
  rows: IndexedRow[];
  /** Offset of </sheetData>, or of the self-closing <sheetData/> tag (then `emptyData` is true). */
  dataEnd: number;
  emptyData: boolean;
  emptyDataLength: number;
}

export function indexSheet(xml: string): SheetIndex {
  const cells = new Map<string, ScannedCell>();
  const rows: IndexedRow[] = [];
  const pending: ScannedCell[] = [];
  scanSheet(xml, {
    cell: (scanned) => {
      const c = { ...scanned };
      cells.set(`${c.row},${c.col}`, c);
      pending.push(c);
    },
    row: (r) => {
      rows.push({ ...r, cells: pending.filter((c) => c.start >= r.start && c.end <= r.end) });
      pending.length = 0;
    },
  });
  const close = xml.indexOf('</sheetData>');
  if (close >= 0) return { xml, cells, rows, dataEnd: close, emptyData: false, emptyDataLength: 0 };
  const empty = /<sheetData\s*\/>/.exec(xml);
  if (!empty) throw new Error('sheetData absent');
  return { xml, cells, rows, dataEnd: empty.index, emptyData: true, emptyDataLength: empty[0].length };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface CellEdit {
  r: number;
  c: number;
  /** The new <c> element for this address. */
  xml: (existing: ScannedCell | undefined) => string;
}

export interface RowHeight {
  r: number;
  height: number;
}

/**
 * The sheet's XML with these cells replaced or inserted in column order (rows created where missing) and
 * these row heights set. Returns whether a replaced cell held a formula (the calculation chain may name it).
 */
export function patchSheet(
  index: SheetIndex,
  cellEdits: CellEdit[],
  heights: RowHeight[] = [],
): { xml: string; replacedFormula: boolean } {
  const { xml } = index;
  const edits: Edit[] = [];
  let replacedFormula = false;
  const newRows = new Map<number, CellEdit[]>();
  const rowsByNumber = new Map(index.rows.map((r) => [r.row, r]));
  const inserts = new Map<IndexedRow, CellEdit[]>();
  for (const e of cellEdits) {
    const existing = index.cells.get(`${e.r},${e.c}`);
    if (existing) {
      if (/<(\w+:)?f[\s>/]/.test(xml.slice(existing.start, existing.end))) replacedFormula = true;
      edits.push({ start: existing.start, end: existing.end, text: e.xml(existing) });
      continue;
    }
    const row = rowsByNumber.get(e.r);
    if (row) inserts.set(row, [...(inserts.get(row) ?? []), e]);
    else newRows.set(e.r, [...(newRows.get(e.r) ?? []), e]);
  }
  for (const [row, list] of inserts) {
    list.sort((a, b) => a.c - b.c);
    if (row.end === row.tagEnd) {
      // <row …/>: becomes <row …>cells</row>.
      const open = xml.slice(row.start, row.tagEnd).replace(/\s*\/>$/, '>');
      edits.push({
        start: row.start,
        end: row.end,
        text: `${open}${list.map((e) => e.xml(undefined)).join('')}</row>`,
      });
      continue;
    }
    for (const e of list) {
      const after = row.cells.find((c) => c.col > e.c);
      const at = after ? after.start : row.end - '</row>'.length;
      edits.push({ start: at, end: at, text: e.xml(undefined) });
    }
  }
  const sortedNew = [...newRows.entries()].sort((a, b) => a[0] - b[0]);
  for (const [r, list] of sortedNew) {
    list.sort((a, b) => a.c - b.c);
    const text = `<row r="${r}">${list.map((e) => e.xml(undefined)).join('')}</row>`;
    const after = index.rows.find((x) => x.row > r);
    const at = after ? after.start : index.dataEnd;
    if (!after && index.emptyData)
      edits.push({
        start: index.dataEnd,
        end: index.dataEnd + index.emptyDataLength,
        text: `<sheetData>${text}</sheetData>`,
      });
    else edits.push({ start: at, end: at, text });
  }
  for (const h of heights) {
    const row = rowsByNumber.get(h.r);
    if (!row) continue;
    const tag = xml.slice(row.start, row.tagEnd);
    const fixed = `${tag.replace(/\s(ht|customHeight)="[^"]*"/g, '').replace(/\s*(\/?)>$/, '')} ht="${h.height}" customHeight="1"${tag.endsWith('/>') ? '/>' : '>'}`;
    edits.push({ start: row.start, end: row.tagEnd, text: fixed });
  }
  return { xml: splice(xml, edits), replacedFormula };
}

/** Applies non-overlapping edits (inserts at the same offset keep their order). */
export function splice(xml: string, edits: Edit[]): string {
  if (edits.length === 0) return xml;
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += xml.slice(pos, e.start) + e.text;
    pos = Math.max(pos, e.end);
  }
  return out + xml.slice(pos);
}

export function refOf(r: number, c: number): string {
  return a1(r, c);
}

export { parseA1 };
