import { Workbook } from 'exceljs';
import { deflateSync } from 'fflate';
import { a1 } from '../../core/spec/a1';
import { XlsxHost } from '../../xlsx/host';
import { OpcPackage } from '../../xlsx/package/opc';
import { WHOLE_SHEET_SIZE, type ReaderOptions } from '../../xlsx/package/reader';
import { nodeByteText } from '../../xlsx/node-text';
import { writeZip, newEntry } from '../../xlsx/package/zip';

/**
 * The package reader on the odd parts other tools write: each workbook is built part by part, as Excel,
 * LibreOffice or a script would leave it.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

interface Sheet {
  name: string;
  xml?: string;
  chart?: boolean;
  rels?: string;
}

function worksheet(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** A package of these sheets (chart sheets included) plus extra parts; returns its bytes. */
function workbook(
  sheets: Sheet[],
  extra: Record<string, string> = {},
  opts: { sst?: string; styles?: string; date1904?: boolean } = {},
): Uint8Array {
  const pkg = OpcPackage.empty();
  const overrides: string[] = [];
  const rels: string[] = [];
  const entries: string[] = [];
  sheets.forEach((s, i) => {
    const kind = s.chart ? 'chartsheet' : 'worksheet';
    const path = `xl/${kind}s/sheet${i + 1}.xml`;
    pkg.setText(
      path,
      s.xml ??
        `<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`,
    );
    if (s.rels) pkg.setText(`xl/${kind}s/_rels/sheet${i + 1}.xml.rels`, s.rels);
    overrides.push(`<Override PartName="/${path}" ContentType="${CT}.spreadsheetml.${kind}+xml"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${kind}" Target="${kind}s/sheet${i + 1}.xml"/>`);
    entries.push(`<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  });
  if (opts.sst !== undefined) {
    pkg.setText('xl/sharedStrings.xml', `<sst xmlns="${MAIN}">${opts.sst}</sst>`);
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (opts.styles !== undefined) {
    pkg.setText('xl/styles.xml', `<styleSheet xmlns="${MAIN}">${opts.styles}</styleSheet>`);
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  const pr = opts.date1904 ? '<workbookPr date1904="1"/>' : '';
  pkg.setText(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${pr}<sheets>${entries.join('')}</sheets></workbook>`,
  );
  pkg.setText(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`,
  );
  pkg.setText(
    '_rels/.rels',
    `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  for (const [path, text] of Object.entries(extra)) pkg.setText(path, text);
  pkg.setText(
    '[Content_Types].xml',
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  return pkg.toBytes();
}

/** Rows 1…n of one number each (A1 = 1, A2 = 2…), as XML; a sheet past WHOLE_SHEET_SIZE is read up to a box's last row. */
function numberedRows(from: number, to: number): string {
  let xml = '';
  for (let r = from; r <= to; r++) xml += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
  return xml;
}
const BIG_ROWS = 10_000;

/**
 * Every test runs on both ways of reading a sheet: walked (the pane) and, where a read names few cells,
 * searched for in the sheet's text (the command line, with Node's one-byte text).
 */
const READERS: Array<[string, ReaderOptions]> = [
  ['walked', {}],
  ['searched', { byteText: nodeByteText }],
  // Every cell of A1:Z40 in the block: each read inside it goes through the block's values.
  ['searched through a read block', { byteText: nodeByteText, readBlock: everyCell(40, 26) }],
];

function everyCell(rows: number, cols: number): { range: string; cells: string[] } {
  const cells: string[] = [];
  for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) cells.push(a1(r, c));
  return { range: `A1:${a1(rows, cols)}`, cells };
}

describe.each(READERS)('package reader (%s)', (_label, options) => {
  const open = (bytes: Uint8Array): Promise<XlsxHost> => XlsxHost.fromBytes(bytes, undefined, options);

  async function read(bytes: Uint8Array, sheet = 'S', range?: string): Promise<unknown[][]> {
    const host = await open(bytes);
    return (await host.readRanges([{ sheet, range }]))[0];
  }

  describe('package reader: odd parts', () => {
    it('reads inline strings, rich inline strings included, as text', async () => {
      const xml = worksheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Dupont</t></is></c>' +
          '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Lé</t></r><r><t xml:space="preserve">a </t></r></is></c>' +
          '<c r="C1" t="inlineStr"><is><t>=1+1</t></is></c></row>',
      );
      expect(await read(workbook([{ name: 'S', xml }]))).toEqual([['Dupont', 'Léa ', '=1+1']]);
    });

    it('reads shared strings with rich text runs, leaving phonetic runs and decoding _xHHHH_ escapes', async () => {
      const sst =
        '<si><r><t>Mar</t></r><r><rPr><i/></rPr><t>tin</t></r><rPh sb="0" eb="1"><t>マ</t></rPh></si>' +
        '<si><t>A_x000D_B &amp; C</t></si><si/>';
      const xml = worksheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>',
      );
      expect(await read(workbook([{ name: 'S', xml }], {}, { sst }))).toEqual([['Martin', 'A\rB & C', '']]);
    });

    it('reads dates under built-in and custom formats (locale and text parts included), numbers otherwise', async () => {
      const styles =
        '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>' +
        '<numFmt numFmtId="165" formatCode="[$-40C]d\\ mmmm\\ yyyy;@"/><numFmt numFmtId="166" formatCode="0.00&quot; m&quot;"/></numFmts>' +
        '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>';
      const xml = worksheet(
        '<row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" s="2"><v>45292.5</v></c>' +
          '<c r="C1" s="3"><v>38386</v></c><c r="D1" s="4"><v>12.5</v></c><c r="E1"><v>45292</v></c></row>',
      );
      expect(await read(workbook([{ name: 'S', xml }], {}, { styles }))).toEqual([
        [
          new Date(Date.UTC(2024, 0, 1)),
          new Date(Date.UTC(2024, 0, 1, 12)),
          new Date(Date.UTC(2005, 1, 3)),
          12.5,
          45292,
        ],
      ]);
      const in1904 = workbook([{ name: 'S', xml }], {}, { styles, date1904: true });
      expect((await read(in1904, 'S', 'A1'))[0][0]).toEqual(new Date(Date.UTC(2028, 0, 2)));
    });

    it('reads empty <c/> cells, cached formula results, booleans and errors', async () => {
      const xml = worksheet(
        '<row r="1"><c r="A1"/><c r="B1" s="0"/><c r="C1"><f>1+1</f><v>2</v></c>' +
          '<c r="D1" t="str"><f>A1&amp;"x"</f><v>x</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c><c r="G1"><f>A1</f></c></row>',
      );
      expect(await read(workbook([{ name: 'S', xml }]))).toEqual([[null, null, 2, 'x', true, null, null]]);
    });

    it('reads rows without r (they follow the previous row) and cells without r (they follow the previous cell)', async () => {
      const xml = worksheet(
        '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>' +
          '<row r="3"><c r="B3"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>',
      );
      expect(await read(workbook([{ name: 'S', xml }]))).toEqual([
        ['a', 'b', null],
        [null, null, null],
        [null, 3, 4],
        [5, null, null],
      ]);
    });

    it('reads a sheet whose drawing holds an absolute-anchor shape and a chart, and a comment, which exceljs cannot load', async () => {
      const xml = worksheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Classe</t></is></c></row>',
        '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>',
      );
      const rels = `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId3" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`;
      // Written as another tool may: the drawing namespace as default namespace, not the 'xdr:' prefix.
      const drawing =
        '<wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
        '<absoluteAnchor><pos x="0" y="0"/><ext cx="100" cy="100"/><graphicFrame macro=""><nvGraphicFramePr><cNvPr id="2" name="Graphique 1"/><cNvGraphicFramePr/></nvGraphicFramePr><xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1" xmlns:r="' +
        REL +
        '"/></a:graphicData></a:graphic></graphicFrame><clientData/></absoluteAnchor></wsDr>';
      const bytes = workbook([{ name: 'S', xml, rels }], {
        'xl/drawings/drawing1.xml': drawing,
        'xl/drawings/_rels/drawing1.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
        'xl/charts/chart1.xml':
          '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
        'xl/drawings/vmlDrawing1.vml': '<xml xmlns:v="urn:schemas-microsoft-com:vml"/>',
        'xl/comments1.xml': `<comments xmlns="${MAIN}"><authors><author>A</author></authors><commentList><comment ref="A1" authorId="0"><text><t>note</t></text></comment></commentList></comments>`,
      });
      await expect(new Workbook().xlsx.load(Buffer.from(bytes) as never)).rejects.toThrow(/anchors/);
      expect(await read(bytes)).toEqual([['Classe']]);
    });

    it('lists worksheets only: a chart sheet between two worksheets is not a worksheet', async () => {
      const one = worksheet('<row r="1"><c r="A1"><v>1</v></c></row>');
      const two = worksheet('<row r="1"><c r="A1"><v>2</v></c></row>');
      const host = await open(
        workbook([
          { name: 'Un', xml: one },
          { name: 'Graphique', chart: true },
          { name: 'Deux', xml: two },
        ]),
      );
      expect(await host.listSheets()).toEqual(['Un', 'Deux']);
      expect(await host.readRanges([{ sheet: 'Deux' }, { sheet: 'Graphique' }])).toEqual([[[2]], []]);
    });

    it('reads only the rows asked for and stops there', async () => {
      const xml = worksheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>');
      expect(await read(workbook([{ name: 'S', xml }]), 'S', 'A1:B1')).toEqual([[1, null]]);
    });
  });

  describe('package reader: ranges, row order, prefixes', () => {
    it('reads a range ending mid-sheet without the cells after it, on a small and on a big sheet', async () => {
      for (const rows of [50, BIG_ROWS]) {
        const xml = worksheet(numberedRows(1, rows));
        expect(xml.length > WHOLE_SHEET_SIZE).toBe(rows === BIG_ROWS);
        const host = await open(workbook([{ name: 'S', xml }]));
        expect(
          await host.readRanges([
            { sheet: 'S', range: 'A2:B4' },
            { sheet: 'S', range: 'A48:A49' },
          ]),
        ).toEqual([
          [
            [2, null],
            [3, null],
            [4, null],
          ],
          [[48], [49]],
        ]);
      }
    });

    it('reads rows written out of order (other tools than Excel may), on a small and on a big sheet', async () => {
      for (const rows of [50, BIG_ROWS]) {
        // Row 2 comes last, after every other row.
        const xml = worksheet(`${numberedRows(1, 1)}${numberedRows(3, rows)}${numberedRows(2, 2)}`);
        const host = await open(workbook([{ name: 'S', xml }]));
        expect(await host.readRanges([{ sheet: 'S', range: 'A1:A3' }])).toEqual([[[1], [2], [3]]]);
      }
      const small = worksheet(
        '<row r="3"><c r="B3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>',
      );
      expect(await read(workbook([{ name: 'S', xml: small }]))).toEqual([
        [1, null],
        [null, null],
        [null, 3],
      ]);
    });

    it('reads the marker column, then the whole tab, from one reading of the sheet: each read its own values', async () => {
      const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
      const xml = worksheet(
        '<row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" t="inlineStr"><is><t>Une appréciation assez longue</t></is></c><c r="C1" s="1"/></row>',
      );
      const host = await open(workbook([{ name: 'S', xml }], {}, { styles }));
      const [first] = await host.readRanges([{ sheet: 'S', range: 'B1' }]);
      expect(first).toEqual([['Une appréciation assez longue']]);
      const [whole] = await host.readRanges([{ sheet: 'S' }]);
      (whole[0][0] as Date).setUTCFullYear(1999);
      whole[0][1] = 'changé';
      const [again] = await host.readRanges([{ sheet: 'S' }]);
      // The used range counts the empty styled cell C1.
      expect(again).toEqual([[new Date(Date.UTC(2024, 0, 1)), 'Une appréciation assez longue', null]]);
    });

    it('reads the marker rows of a big sheet without reading it whole, then the whole sheet, then the rows again', async () => {
      // Row 3 comes last: the early stop must still find it.
      const xml = worksheet(`${numberedRows(1, 2)}${numberedRows(4, BIG_ROWS)}${numberedRows(3, 3)}`);
      const host = await open(workbook([{ name: 'S', xml }]));
      expect(await host.readRanges([{ sheet: 'S', range: 'A1:B3' }])).toEqual([
        [
          [1, null],
          [2, null],
          [3, null],
        ],
      ]);
      const [whole] = await host.readRanges([{ sheet: 'S' }]);
      expect(whole).toHaveLength(BIG_ROWS);
      expect(whole[BIG_ROWS - 1]).toEqual([BIG_ROWS]);
      whole[0][0] = 'changé';
      expect(await host.readRanges([{ sheet: 'S', range: 'A1' }])).toEqual([[[1]]]);
    });

    it('decodes only the cells a read lists, after a read of other cells, with or without a prefix', async () => {
      const row = (p: string): string =>
        `<${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is><${p}t>Libellé</${p}t></${p}is></${p}c>` +
        `<${p}c r="B1"><${p}v>12</${p}v></${p}c><${p}c r="C1" s="1"/><${p}c r="D1" t="inlineStr"><${p}is><${p}t>Saisie</${p}t></${p}is></${p}c></${p}row>` +
        `<${p}row r="2"><${p}c r="A2" t="b"><${p}v>1</${p}v></${p}c><${p}c r="B2" t="inlineStr"><${p}is><${p}t>Autre</${p}t></${p}is></${p}c></${p}row>`;
      const plain = worksheet(row(''));
      const prefixed = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${row('x:')}</x:sheetData></x:worksheet>`;
      for (const xml of [plain, prefixed]) {
        const host = await open(workbook([{ name: 'S', xml }]));
        expect(await host.readRanges([{ sheet: 'S', range: 'D1:D2' }])).toEqual([[['Saisie'], [null]]]);
        // A list spanning a small rectangle, and one reaching far (kept another way by the host).
        for (const far of ['Z9', 'AZ9999']) {
          const cells = ['B1', 'D1', 'A2', far];
          expect(await host.readRanges([{ sheet: 'S', range: 'A1:D2', cells }])).toEqual([
            [
              [null, 12, null, 'Saisie'],
              [true, null, null, null],
            ],
          ]);
        }
        // Without a list, every cell (a later read walks the sheet again).
        expect(await host.readRanges([{ sheet: 'S', range: 'A1:D2' }])).toEqual([
          [
            ['Libellé', 12, null, 'Saisie'],
            [true, 'Autre', null, null],
          ],
        ]);
      }
    });

    it('reads a sheet and shared strings whose tags carry a namespace prefix (x:)', async () => {
      const xml =
        `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1">` +
        '<x:c r="A1" t="inlineStr"><x:is><x:t>Durand</x:t></x:is></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>' +
        '<x:c r="C1"><x:v>7</x:v></x:c><x:c r="D1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>';
      const sst = `<x:sst xmlns:x="${MAIN}"><x:si><x:r><x:t>Jo</x:t></x:r><x:r><x:t>ël</x:t></x:r></x:si><x:si><x:t>C01</x:t></x:si></x:sst>`;
      const bytes = workbook([{ name: 'S', xml }], { 'xl/sharedStrings.xml': sst }, { sst: '' });
      expect(await read(bytes)).toEqual([['Durand', 'C01', 7, 'Joël']]);
    });

    it('reads shared strings: empty, spaced, escaped, and an index past the table as empty', async () => {
      const sst =
        '<si><t/></si><si><t xml:space="preserve"> a  b </t></si><si><t>&lt;b&gt; &amp; _x0041_</t></si>' +
        '<si><t>x</t><t>y</t></si>';
      const xml = worksheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
          '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>9</v></c><c r="F1"><v>1</v></c></row>',
      );
      expect(await read(workbook([{ name: 'S', xml }], {}, { sst }))).toEqual([
        ['', ' a  b ', '<b> & A', 'xy', null, 1],
      ]);
    });

    it('reads a sheet part saved in UTF-8 with a BOM, or in UTF-16 (its BOM tells)', async () => {
      const xml = worksheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Noël</t></is></c><c r="B1"><v>2</v></c></row>',
      );
      const utf8 = new TextEncoder().encode(xml);
      const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
      const utf16 = new Uint8Array(2 + 2 * xml.length);
      utf16.set([0xff, 0xfe]);
      for (let i = 0; i < xml.length; i++) {
        utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
        utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
      }
      for (const bytes of [withBom, utf16]) {
        const pkg = OpcPackage.fromBytes(workbook([{ name: 'S', xml: worksheet('') }]));
        pkg.setBytes('xl/worksheets/sheet1.xml', bytes);
        expect(await read(pkg.toBytes())).toEqual([['Noël', 2]]);
      }
    });

    it("reads a cell's attributes in any order, quoted either way, with spaces around '='", async () => {
      const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
      const xml = worksheet(
        `<row r="2"><c s='1' r = "C2"><v>45292</v></c><c t='inlineStr' r='D2'><is><t>ok</t></is></c></row>`,
      );
      expect(await read(workbook([{ name: 'S', xml }], {}, { styles }), 'S', 'C2:D2')).toEqual([
        [new Date(Date.UTC(2024, 0, 1)), 'ok'],
      ]);
    });
  });

  describe('package reader: bad input is refused with a French cause', () => {
    const ok = (): Uint8Array => workbook([{ name: 'S', xml: worksheet('') }]);

    it('a damaged (truncated) zip', async () => {
      await expect(open(ok().subarray(0, 200))).rejects.toThrow(/archive zip|endommagée/);
    });

    it('a package without its workbook part', async () => {
      const pkg = OpcPackage.fromBytes(ok());
      pkg.remove('xl/workbook.xml');
      await expect(open(pkg.toBytes())).rejects.toThrow('la partie xl/workbook.xml est absente');
    });

    it('a sheet part that is missing or holds an unexpected element', async () => {
      const pkg = OpcPackage.fromBytes(ok());
      pkg.remove('xl/worksheets/sheet1.xml');
      await expect(read(pkg.toBytes())).rejects.toThrow(
        "la partie xl/worksheets/sheet1.xml d'une feuille est absente",
      );
      const odd = workbook([{ name: 'S', xml: worksheet('<row r="1"><bizarre/></row>') }]);
      await expect(read(odd)).rejects.toThrow(
        'élément inattendu <bizarre> dans les données de la feuille (feuille « S »)',
      );
    });

    it('a zip bomb: a part announcing more than 500 MB, or a big part inflating over 100:1', async () => {
      const bomb = newEntry('xl/worksheets/sheet1.xml', new Uint8Array(16));
      const huge = { ...bomb, size: 600 * 1024 * 1024 };
      const pkg = OpcPackage.fromBytes(ok());
      const others = pkg.names().filter((n) => n !== 'xl/worksheets/sheet1.xml');
      const entries = others.map((n) => newEntry(n, pkg.bytes(n) as Uint8Array));
      await expect(read(writeZip([...entries, huge]))).rejects.toThrow(/se décompresserait en 600 Mo/);
      const zeros = new Uint8Array(20 * 1024 * 1024);
      const dense = {
        ...newEntry('xl/worksheets/sheet1.xml', new Uint8Array(0)),
        compressed: deflateSync(zeros),
        size: zeros.length,
      };
      await expect(read(writeZip([...entries, dense]))).rejects.toThrow(/archive piégée/);
    });
  });
});
