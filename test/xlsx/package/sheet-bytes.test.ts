import { cellAt, scanSheetBytes, sheetPrefix } from '../../../xlsx/package/sheet-bytes';
import { scanSheet, type ScannedCell } from '../../../xlsx/package/sheet-scan';

/**
 * The reader scans a sheet's UTF-8 bytes (sheet-bytes.ts); the writer scans its text (sheet-scan.ts).
 * Both must see the same cells, values and attributes in every sheet another tool may write.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

type Seen = Pick<ScannedCell, 'row' | 'col' | 'type' | 'style' | 'raw'>;

function onText(xml: string, box?: { r1: number; c1: number; r2: number; c2: number }): Seen[] {
  const out: Seen[] = [];
  scanSheet(
    xml,
    { cell: ({ row, col, type, style, raw }) => out.push({ row, col, type, style, raw }) },
    undefined,
    box,
  );
  return out;
}

function onBytes(xml: string, box?: { r1: number; c1: number; r2: number; c2: number }): Seen[] {
  const out: Seen[] = [];
  scanSheetBytes(
    new TextEncoder().encode(xml),
    {
      cell: ({ row, col, type, style, raw }) => out.push({ row, col, type, style, raw }),
    },
    box,
  );
  return out;
}

function sheet(data: string, prefix = ''): string {
  const p = prefix === '' ? '' : `${prefix}:`;
  const ns = prefix === '' ? `xmlns="${MAIN}"` : `xmlns:${prefix}="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}><${p}dimension ref="A1"/><${p}sheetData>${data}</${p}sheetData><${p}pageMargins left="0.7"/></${p}worksheet>`;
}

const LONG = `${'Appréciation détaillée – '.repeat(20)}fin`;

const SHEETS: Record<string, string> = {
  'inline strings, plain and rich, empty and spaced': sheet(
    '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> Léa  </t></is></c>' +
      '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Mar</t></r><r><t>tin</t></r></is></c>' +
      '<c r="C1" t="inlineStr"><is><t/></is></c><c r="D1" t="inlineStr"><is/></c>' +
      '<c r="E1" t="inlineStr"><is><t>ab</t><rPh sb="0" eb="1"><t>ア</t></rPh></is></c></row>',
  ),
  'entities, numeric references and _xHHHH_ escapes': sheet(
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Grille d&apos;aide &amp; &lt;note&gt; &quot;x&quot;</t></is></c>' +
      '<c r="B2" t="inlineStr"><is><t>&#233;t&#xE9; &#x1F600; &foo; &amp;lt;</t></is></c>' +
      '<c r="C2" t="inlineStr"><is><t>A_x000D_B _x005F_x0041_ &#95;x0041_ _xZZ_</t></is></c>' +
      '<c r="D2" t="str"><f>A1</f><v>😀 émoji</v></c></row>',
  ),
  'numbers, dates, booleans, errors, formulas without a cached value, empty <v/>': sheet(
    '<row r="3" spans="1:8"><c r="A3" s="4"><v>45292</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c>' +
      '<c r="D3"><f>SUM(A1:A2)</f></c><c r="E3"><v/></c><c r="F3" t="s"><v>12</v></c><c r="G3" s="7"/>' +
      '<c r="H3" t="n" s=\'2\'><f t="shared" ref="H3:H4" si="0"/><v>3.5E-2</v></c></row>',
  ),
  'rows and cells without r, rows out of order, odd spacing': sheet(
    '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row r="5" ><c r = "C5" t="n"><v>5</v></c></row>' +
      '<row r="3"><c r="$B$3"><v>3</v></c></row><row/><row r="9"/>',
  ),
  'long formulas before their cached values, and a formula of one character': sheet(
    `<row r="1"><c r="A1" t="str"><f>${'IF(TRIM(C8)=&quot;Présent&quot;,1,'.repeat(40)}0${')'.repeat(40)}</f><v>0</v></c>` +
      `<c r="B1"><f>${'A1+'.repeat(200)}1</f><v>201</v></c><c r="C1"><f>1</f><v>1</v></c>` +
      '<c r="D1" t="str"><f>B1&amp;&quot;x&quot;</f><v>201x</v></c></row>',
  ),
  'inline strings that are not one plain run: two runs, a space or phonetics after the run, an empty run':
    sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t><t>b</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><t>c</t> </is></c>' +
        '<c r="C1" t="inlineStr"><is><t>d</t><rPh sb="0" eb="1"><t>e</t></rPh></is></c>' +
        '<c r="D1" t="inlineStr"><is><t/></is></c><c r="E1" t="inlineStr"><is><t xml:space="preserve"></t></is></c>' +
        '<c r="F1" t="inlineStr"><is><t>f</t></is><v>9</v></c></row>',
    ),
  'cell attributes in every order and spacing, with names other than r, s and t': sheet(
    '<row r="1"><c r="A1" cm="1" t="n"><v>1</v></c><c r="B1" s="3" vm="2"><v>2</v></c>' +
      '<c t="b" r="C1" s="1"><v>0</v></c><c\tr="D1"\ts="2"><v>4</v></c><c r="E1"\n t="e"><v>#N/A</v></c>' +
      '<c r=\'F1\' s="5"><v>6</v></c><c ph="1" r="G1"/><c r="H1" s="12" t="inlineStr"><is><t>x</t></is></c>' +
      '<c r="I1" s="x"><v>7</v></c><c r="J1" t="s" t="str"><v>y</v></c><c r="K1"  s="4"/><c r="L1" s="2" /></row>',
  ),
  'cells written the usual way (r, s, t in that order), with long references, and near misses of that way':
    sheet(
      '<row r="123"><c r="AB123" s="45" t="inlineStr"><is><t>x</t></is></c><c r="XFD123" s="7"/>' +
        '<c r="AC123" t="s"><v>0</v></c><c r="AD123" s="0" t="str"><f>A1</f><v>y</v></c><c r="AE123"><v>1</v></c>' +
        '<c r="AF123" s=""><v>2</v></c><c r="AG" s="1"><v>3</v></c><c r="123" s="1"><v>4</v></c>' +
        '<c r="ah123" s="1"><v>5</v></c><c r="AI123" s="2" t="n" cm="1"><v>6</v></c><c r="AJ123" t="b" s="2"><v>1</v></c></row>',
    ),
  'a long value': sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${LONG}</t></is></c></row>`),
  'comments, processing instructions and extLst inside sheetData': sheet(
    '<!-- note --><row r="1"><c r="A1"><v>1</v></c></row><?pi x?><extLst><ext uri="x"><row r="9"/></ext></extLst>',
  ),
  'an empty sheetData': sheet('').replace('<sheetData></sheetData>', '<sheetData/>'),
};

describe('sheet scanners: bytes and text agree', () => {
  for (const [what, xml] of Object.entries(SHEETS)) {
    it(what, () => {
      expect(onBytes(xml)).toEqual(onText(xml));
    });
  }

  it('a walk that decodes nothing finds the same cells, and cellAt decodes each one as the scan does', () => {
    const prefixed = sheet(
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row>',
      'x',
    );
    for (const xml of [...Object.values(SHEETS), prefixed]) {
      const b = new TextEncoder().encode(xml);
      const walked: Seen[] = [];
      scanSheetBytes(
        b,
        {
          cell: (c) => {
            expect(c.raw).toBeNull();
            const at = cellAt(b, c.start, sheetPrefix(b), { ...c });
            walked.push({ row: c.row, col: c.col, type: at.type, style: at.style, raw: at.raw });
          },
        },
        undefined,
        false,
      );
      expect(walked).toEqual(onBytes(xml));
    }
  });

  it('the same with a namespace prefix on every tag', () => {
    const xml = sheet(
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Jo&amp;ël</x:t></x:is></x:c><x:c r="B1"><x:f>1</x:f><x:v>7</x:v></x:c></x:row>',
      'x',
    );
    expect(onBytes(xml)).toEqual([
      { row: 1, col: 1, type: 'inlineStr', style: 0, raw: 'Jo&ël' },
      { row: 1, col: 2, type: null, style: 0, raw: '7' },
    ]);
    expect(onBytes(xml)).toEqual(onText(xml));
  });

  it('decodes the values a tool may write: accents, entities, escapes, characters outside the BMP', () => {
    const values = onBytes(SHEETS['entities, numeric references and _xHHHH_ escapes']).map((c) => c.raw);
    expect(values).toEqual([
      `Grille d'aide & <note> "x"`,
      'été 😀 &foo; &lt;',
      'A\rB _x0041_ A _xZZ_',
      '😀 émoji',
    ]);
    expect(onBytes(SHEETS['a long value'])[0].raw).toBe(LONG);
  });

  it('decodes bytes that are not UTF-8 as the standard decoder does (replacement characters)', () => {
    const xml = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a_b</t></is></c></row>');
    const bytes = new TextEncoder().encode(xml);
    const at = bytes.indexOf(0x5f);
    for (const bad of [[0xc3, 0x28], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0x80], [0xff]]) {
      const odd = new Uint8Array([...bytes.subarray(0, at), ...bad, ...bytes.subarray(at + 1)]);
      const seen: Array<string | null> = [];
      scanSheetBytes(odd, { cell: (c) => seen.push(c.raw) });
      expect(seen).toEqual([new TextDecoder().decode(new Uint8Array([0x61, ...bad, 0x62]))]);
    }
  });

  it('decodes values of every short length whole (accents, entities, a character outside the BMP)', () => {
    const texts: string[] = [];
    for (let n = 0; n <= 16; n++) {
      texts.push('é'.repeat(n), 'a'.repeat(n), `${'x'.repeat(n)}&amp;`, `${'ç'.repeat(n)}😀`);
    }
    const cells = texts.map((t, i) => `<c r="A${i + 1}" t="str"><v>${t}</v></c>`).join('');
    const seen: Array<string | null> = [];
    scanSheetBytes(new TextEncoder().encode(sheet(`<row r="1">${cells}</row>`)), {
      cell: (c) => seen.push(c.raw),
    });
    expect(seen).toEqual(texts.map((t) => t.replace('&amp;', '&')));
  });

  it('visits only the cells of a box, and the cells of a row that comes back before its last row', () => {
    const xml = SHEETS['rows and cells without r, rows out of order, odd spacing'];
    const box = { r1: 1, c1: 1, r2: 4, c2: 3 };
    expect(onBytes(xml, box)).toEqual(onText(xml, box));
    expect(onBytes(xml, box).map((c) => c.raw)).toEqual(['a', '2', '3']);
  });

  it('names an element it does not expect', () => {
    const xml = sheet('<row r="1"><bizarre/></row>');
    expect(() => onBytes(xml)).toThrow('élément inattendu <bizarre> dans les données de la feuille');
  });
});
