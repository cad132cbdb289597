import { readFileSync } from 'fs';
import { emptyPlan, type ApplyPlan } from '../../core/port';
import type { SheetSpec } from '../../core/spec/types';
import { XlsxHost } from '../../xlsx/host';
import { checkPackage } from '../../xlsx/package/check';
import { OpcPackage } from '../../xlsx/package/opc';
import { readZip } from '../../xlsx/package/zip';
import { rosterFixturePath } from '../helpers/fixtures';
import { featureSheet, plainSheet } from './sample-spec';

/** The package writer: what a plan changes in the package, and what it leaves exactly as it was. */

function template(): SheetSpec {
  const t = featureSheet('');
  t.print = {
    ...(t.print ?? { paper: 'A4', orientation: 'portrait', fitToWidth: true, rowBreaks: [] }),
    printArea: 'A1:H40',
  };
  return t;
}

function addPlan(names: string[]): ApplyPlan {
  return {
    ...emptyPlan(),
    templates: { grid: template() },
    add: names.map((name) => ({
      name,
      template: 'grid',
      cells: [
        { r: 5, c: 1, value: name },
        { r: 6, c: 2, value: '=HYPERLINK("http://x")', style: 'input' },
      ],
    })),
  };
}

async function partsOf(host: XlsxHost): Promise<OpcPackage> {
  return OpcPackage.fromBytes(await host.toBytes());
}

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(rosterFixturePath(name)));

describe('package writer', () => {
  it('copies every part the plan does not touch with its original compressed bytes', async () => {
    const original = fixture('excel-made/classe-ExcelPivotTableSample.xlsx');
    const host = await XlsxHost.fromBytes(original);
    await host.apply({
      ...addPlan(['DUPONT Léa']),
      replace: [{ spec: plainSheet('Suivi E4', [{ r: 1, c: 1, value: 'v' }]), position: 'first' }],
      updates: [{ sheet: 'Classe', cells: [{ r: 2, c: 2, value: 'DUPONT' }] }],
    });
    const before = new Map(readZip(original).map((e) => [e.name, e]));
    const after = new Map(readZip(await host.toBytes()).map((e) => [e.name, e]));
    const changed = [...before.keys()].filter((name) => {
      const a = before.get(name);
      const b = after.get(name);
      return (
        !b || b.crc !== a?.crc || Buffer.compare(Buffer.from(b.compressed), Buffer.from(a.compressed)) !== 0
      );
    });
    const classe = (await host.listSheets()).indexOf('Classe');
    expect(classe).toBeGreaterThan(0);
    // The sheet list, its relationships, content types and styles, and the roster sheet whose cell was
    // patched; docProps/app.xml stays, as it did not list the roster sheet added after Excel saved the file.
    expect(changed.sort()).toEqual(
      [
        '[Content_Types].xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet4.xml',
      ].sort(),
    );
  });

  it('merges the template styles once: a second run adds no style', async () => {
    const host = XlsxHost.fromRows([{ name: 'Liste', rows: [['a']] }]);
    await host.apply(addPlan(['A']));
    const styles = (await partsOf(host)).text('xl/styles.xml');
    await host.apply(addPlan(['B']));
    expect((await partsOf(host)).text('xl/styles.xml')).toBe(styles);
  });

  it('writes text as inline strings, never as a formula, and keeps the style of a patched cell', async () => {
    const host = XlsxHost.fromRows([{ name: 'Liste', rows: [['a']] }]);
    await host.apply(addPlan(['A']));
    await host.apply({
      ...emptyPlan(),
      updates: [{ sheet: 'A', cells: [{ r: 3, c: 1, value: '@SUM(1)' }] }],
    });
    const xml = (await partsOf(host)).text('xl/worksheets/sheet2.xml') ?? '';
    expect(xml).toMatch(
      /<c r="B6" s="\d+" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK\(&quot;http:\/\/x&quot;\)<\/t><\/is><\/c>/,
    );
    expect(xml).toMatch(
      /<c r="A3" s="[1-9]\d*" t="inlineStr"><is><t xml:space="preserve">@SUM\(1\)<\/t><\/is><\/c>/,
    );
    expect(xml).not.toContain('<f>HYPERLINK');
  });

  it('writes internal links as locations, without an external relationship', async () => {
    const host = XlsxHost.fromRows([{ name: 'Liste', rows: [['a']] }]);
    await host.apply(addPlan(["O'CONNOR Sean"]));
    const pkg = await partsOf(host);
    expect(pkg.text('xl/worksheets/sheet2.xml')).toContain(
      '<hyperlink ref="A4" location="&apos;Suivi E4&apos;!B2"/>',
    );
    expect(pkg.text('xl/worksheets/_rels/sheet2.xml.rels') ?? '').not.toContain('External');
  });

  it("writes the link of a tab's own cell as a location too", async () => {
    const host = XlsxHost.fromRows([{ name: 'Liste', rows: [['a']] }]);
    const plan = addPlan(['A']);
    plan.add[0].cells.push({ r: 7, c: 1, value: 'Retour', link: { sheet: "O'CONNOR Sean", cell: 'A1' } });
    await host.apply(plan);
    const xml = (await partsOf(host)).text('xl/worksheets/sheet2.xml') ?? '';
    expect(xml).toMatch(
      /<hyperlinks><hyperlink ref="A4" location="&apos;Suivi E4&apos;!B2"\/><hyperlink ref="A7" location="&apos;O&apos;&apos;CONNOR Sean&apos;!A1"\/><\/hyperlinks>/,
    );
    expect((await host.readRanges([{ sheet: 'A', range: 'A7' }]))[0]).toEqual([['Retour']]);
  });

  it('adds a tab first: every sheet-local name and the active tab move one place, the new print area is escaped', async () => {
    const host = XlsxHost.fromRows([{ name: 'Liste', rows: [['a']] }]);
    await host.apply(addPlan(["O'CONNOR Sean"]));
    const recap = {
      ...plainSheet('Suivi E4', [{ r: 1, c: 1, value: 'v' }]),
      print: { ...template().print!, printArea: 'A1:B2' },
    };
    await host.apply({ ...emptyPlan(), replace: [{ spec: recap, position: 'first' }] });
    const book = (await partsOf(host)).text('xl/workbook.xml') ?? '';
    expect(await host.listSheets()).toEqual(['Suivi E4', 'Liste', "O'CONNOR Sean"]);
    expect(book).toContain(
      '<definedName name="_xlnm.Print_Area" localSheetId="2">&apos;O&apos;&apos;CONNOR Sean&apos;!$A$1:$H$40</definedName>',
    );
    expect(book).toContain(
      '<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Suivi E4&apos;!$A$1:$B$2</definedName>',
    );
    expect(book).toMatch(/<workbookView activeTab="1"/);
  });

  it('drops the calculation chain when it names a cell of a rewritten tab, and keeps it otherwise', async () => {
    const host = await XlsxHost.fromBytes(fixture('excel-made/classe-table-sample.xlsx'));
    await host.apply({
      ...emptyPlan(),
      replace: [{ spec: plainSheet('Suivi E4', [{ r: 1, c: 1, value: 'v' }]), position: 'last' }],
    });
    expect((await partsOf(host)).has('xl/calcChain.xml')).toBe(true);
    const sheets = await host.listSheets();
    // The teacher's own sheet rewritten as if it were ours: its formulas are gone, so is the chain that lists them.
    await host.apply({ ...emptyPlan(), replace: [{ spec: plainSheet(sheets[0], []), position: 'last' }] });
    const pkg = await partsOf(host);
    expect(pkg.has('xl/calcChain.xml')).toBe(false);
    expect(pkg.text('[Content_Types].xml')).not.toContain('calcChain');
    expect(pkg.text('xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
  });

  it('lists the new worksheets in docProps/app.xml when it listed the old ones', async () => {
    const host = await XlsxHost.fromBytes(
      await (await XlsxHost.fromRows([{ name: 'Liste', rows: [['a']] }])).toBytes(),
    );
    const pkg = await partsOf(host);
    pkg.setText(
      'docProps/app.xml',
      '<Properties xmlns:vt="v"><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Feuilles de calcul</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>Liste</vt:lpstr></vt:vector></TitlesOfParts></Properties>',
    );
    pkg.setText(
      '[Content_Types].xml',
      (pkg.text('[Content_Types].xml') ?? '').replace(
        '</Types>',
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
      ),
    );
    const withApp = await XlsxHost.fromBytes(pkg.toBytes());
    await withApp.apply(addPlan(['A & B']));
    const app = (await partsOf(withApp)).text('docProps/app.xml') ?? '';
    expect(app).toContain('<vt:i4>2</vt:i4>');
    expect(app).toContain(
      '<vt:vector size="2" baseType="lpstr"><vt:lpstr>Liste</vt:lpstr><vt:lpstr>A &amp; B</vt:lpstr></vt:vector>',
    );
  });

  it('checks what it wrote: a content type for each written part, balanced XML', async () => {
    const bytes = await XlsxHost.fromRows([{ name: 'Liste', rows: [['a']] }]).toBytes();
    expect(() =>
      checkPackage(bytes, new Map([['xl/worksheets/sheet1.xml', '<worksheet><sheetData></worksheet>']])),
    ).toThrow("la partie xl/worksheets/sheet1.xml écrite n'est pas un XML bien formé");
    expect(() => checkPackage(bytes, new Map([['xl/media/image1.png', '']]))).toThrow(
      "la partie xl/media/image1.png n'a pas de type de contenu",
    );
    expect(() =>
      checkPackage(bytes, new Map([['xl/worksheets/sheet1.xml', '<worksheet><sheetData/></worksheet>']])),
    ).not.toThrow();
  });

  it('refuses to hand out a workbook without any sheet', async () => {
    await expect(XlsxHost.empty().toBytes()).rejects.toThrow('le classeur ne contient aucune feuille');
  });
});
