import {
  findListed,
  listedCell,
  MAX_SEARCHED_CELLS,
  type ListedCell,
} from '../../../xlsx/package/cell-search';
import { nodeByteText } from '../../../xlsx/node-text';
import { sheetDataStart } from '../../../xlsx/package/sheet-bytes';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function sheet(data: string, prefix = ''): Uint8Array {
  const ns = prefix === '' ? `xmlns="${MAIN}"` : `xmlns:${prefix.slice(0, -1)}="${MAIN}"`;
  return new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}worksheet ${ns}><${prefix}dimension ref="A1:D3"/>` +
      `<${prefix}sheetData>${data}</${prefix}sheetData></${prefix}worksheet>`,
  );
}

/** Whether the search trusts the sheet (it would be walked otherwise). */
function searchable(bytes: Uint8Array, prefix = '', listed: readonly ListedCell[] = cells('A1')): boolean {
  const data = sheetDataStart(bytes);
  if (!data) throw new Error('pas de sheetData');
  return findListed(nodeByteText(bytes), prefix, data.at, listed, new Int32Array(listed.length));
}

function cells(...refs: string[]): ListedCell[] {
  return refs.map((ref) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return listedCell(ref, Number(m[2]), col);
  });
}

/** The tag each listed cell's offset points at (null when not found). */
function found(bytes: Uint8Array, listed: ListedCell[], prefix = ''): Record<string, string | null> {
  const data = sheetDataStart(bytes);
  if (!data) throw new Error('pas de sheetData');
  const text = nodeByteText(bytes);
  const at = new Int32Array(listed.length);
  if (!findListed(text, prefix, data.at, listed, at)) throw new Error('feuille non régulière');
  const out: Record<string, string | null> = {};
  listed.forEach((c, i) => (out[c.ref] = at[i] < 0 ? null : text.slice(at[i], text.indexOf('>', at[i]) + 1)));
  return out;
}

const ROWS =
  '<row r="1" spans="1:4"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c><c r="D1" s="2"><v>7</v></c></row>' +
  '<row r="2"><c r="B2" s="1" t="s"><v>0</v></c></row>' +
  '<row r="3"><c r="A3"><f>B2</f><v>0</v></c><c r="D3" s="1"/></row>';

describe('a sheet is searched only when its rows and cells are written the regular way', () => {
  it('accepts sheets as Excel, LibreOffice and the add-in write them, with or without a prefix', () => {
    expect(searchable(sheet(ROWS))).toBe(true);
    expect(searchable(sheet(ROWS.replace(/<(\/?)(row|c|is|t|v|f)\b/g, '<$1x:$2'), 'x:'), 'x:')).toBe(true);
    expect(searchable(sheet(''))).toBe(true);
    const empty = new TextEncoder().encode(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`);
    expect(found(empty, cells('A1'))).toEqual({ A1: null });
  });

  it.each([
    ['a cell without r', '<row r="4"><c t="s"><v>0</v></c></row>'],
    ['a cell whose r is not first', '<row r="4"><c s="1" r="A4"/></row>'],
    ['a cell whose r is in single quotes', '<row r="4"><c r=\'A4\'/></row>'],
    ['a cell with two spaces before r', '<row r="4"><c  r="A4"/></row>'],
    ['a cell whose r is in lower case', '<row r="4"><c r="a4"/></row>'],
    ['a cell whose r is absolute', '<row r="4"><c r="$A$4"/></row>'],
    ['a cell whose r has a leading zero', '<row r="4"><c r="A04"/></row>'],
    ['a cell with no attribute', '<row r="4"><c><v>1</v></c></row>'],
    ['a cell tag across lines', '<row r="4"><c\nr="A4"/></row>'],
    ['a row without r', '<row spans="1:2"><c r="A4"/></row>'],
    ['a row whose r is not first', '<row spans="1:2" r="4"><c r="A4"/></row>'],
    ['a comment', '<!-- <c r="A4"><v>1</v></c> --><row r="4"/>'],
    [
      'a CDATA section',
      '<row r="4"><c r="A4" t="inlineStr"><is><t><![CDATA[<c r="B4">]]></t></is></c></row>',
    ],
    ['a processing instruction', '<?note <c r="A4"?><row r="4"/>'],
  ])('refuses %s (walked instead)', (_what, extra) => {
    expect(searchable(sheet(ROWS + extra))).toBe(false);
    // Whatever the cells listed: the check and the search are one pass.
    expect(searchable(sheet(ROWS + extra), '', cells('A1', 'A4', 'B4', 'D3'))).toBe(false);
  });

  it('refuses a tag that comes after the listed cells, and searches the next sheet afresh', () => {
    const listed = cells('A1');
    expect(searchable(sheet(ROWS + '<row r="9"><c s="1"/></row>'), '', listed)).toBe(false);
    expect(found(sheet(ROWS), listed)).toEqual({ A1: '<c r="A1" t="inlineStr">' });
  });

  it('is not misled by names that start like row or c (cols, rowBreaks, cfRule)', () => {
    const bytes = new TextEncoder().encode(
      `<worksheet xmlns="${MAIN}"><cols><col min="1" max="2" width="9"/></cols><sheetData>${ROWS}</sheetData>` +
        '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting>' +
        '<rowBreaks count="1"><brk id="2"/></rowBreaks></worksheet>',
    );
    expect(searchable(bytes)).toBe(true);
  });
});

describe('listed cells are found where the sheet has them', () => {
  it('finds each cell of a list by its tag, a cell the sheet lacks reading as not found', () => {
    expect(found(sheet(ROWS), cells('A1', 'D1', 'C1', 'B2', 'A3', 'D3', 'B3', 'A9'))).toEqual({
      A1: '<c r="A1" t="inlineStr">',
      D1: '<c r="D1" s="2">',
      C1: null,
      B2: '<c r="B2" s="1" t="s">',
      A3: '<c r="A3">',
      D3: '<c r="D3" s="1"/>',
      B3: null,
      A9: null,
    });
  });

  it('finds a cell of a row written before the rows listed ahead of it (rows out of order)', () => {
    const rows = '<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>';
    expect(found(sheet(rows), cells('A1', 'A3'))).toEqual({ A1: '<c r="A1">', A3: '<c r="A3">' });
    expect(found(sheet(rows), cells('A3', 'A1', 'B1'))).toEqual({
      A1: '<c r="A1">',
      A3: '<c r="A3">',
      B1: null,
    });
  });

  it('does not take a cell of one row for another (A1 is not A10, row 1 is not row 10)', () => {
    const rows =
      '<row r="10"><c r="A10"><v>10</v></c></row><row r="11"><c r="A11"><v>11</v></c><c r="B1"><v>0</v></c></row>';
    expect(found(sheet(rows), cells('A1', 'A10', 'A11'))).toEqual({
      A1: null,
      A10: '<c r="A10">',
      A11: '<c r="A11">',
    });
  });

  it('keeps the last of a cell written twice, as a walk does', () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="A1" s="3"><v>2</v></c></row>';
    expect(found(sheet(rows), cells('A1'))).toEqual({ A1: '<c r="A1" s="3">' });
  });

  it('takes a cell by its own r, wherever its row is, as a walk does', () => {
    const rows = '<row r="13"><c r="D12"><v>1</v></c></row>';
    expect(found(sheet(rows), cells('D12', 'D13'))).toEqual({ D12: '<c r="D12">', D13: null });
  });

  it('reads a cell listed twice at its one tag', () => {
    const listed = [...cells('A1', 'D1'), ...cells('A1')];
    const data = sheetDataStart(sheet(ROWS));
    const text = nodeByteText(sheet(ROWS));
    const at = new Int32Array(listed.length);
    expect(findListed(text, '', data?.at ?? 0, listed, at)).toBe(true);
    expect(at[2]).toBe(at[0]);
    expect(at[0]).toBeGreaterThan(0);
  });

  it('leaves a list longer than a search takes to a walk', () => {
    const many = Array.from({ length: MAX_SEARCHED_CELLS + 1 }, (_, i) => listedCell(`A${i + 1}`, i + 1, 1));
    expect(searchable(sheet(ROWS), '', many)).toBe(false);
  });

  it('finds cells of a prefixed sheet', () => {
    const rows = ROWS.replace(/<(\/?)(row|c|is|t|v|f)\b/g, '<$1x:$2');
    expect(found(sheet(rows, 'x:'), cells('A1', 'B2', 'D3'), 'x:')).toEqual({
      A1: '<x:c r="A1" t="inlineStr">',
      B2: '<x:c r="B2" s="1" t="s">',
      D3: '<x:c r="D3" s="1"/>',
    });
  });

  it('does not look past the sheet data (a tag-like text after it is not a cell)', () => {
    const bytes = new TextEncoder().encode(
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
        '<extLst><ext uri="x"><row r="2"><c r="A2"><v>2</v></c></row></ext></extLst></worksheet>',
    );
    expect(found(bytes, cells('A1', 'A2'))).toEqual({ A1: '<c r="A1">', A2: null });
  });
});
