import { Workbook } from 'exceljs';
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import { MARKER_RANGE, markerCells, readMarker } from '../../core/grid/marker';
import { emptyPlan, type ApplyPlan } from '../../core/port';
import type { SheetSpec } from '../../core/spec/types';
import { XlsxHost } from '../../xlsx/host';
import { renderWorkbookSpec } from '../../xlsx/render';
import { featureSheet, plainSheet } from './sample-spec';
import { rosterFixturePath } from '../helpers/fixtures';
import { exceljsOf } from '../helpers/xlsx-view';

async function rosterHost(): Promise<XlsxHost> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Liste');
  ws.addRow(['N° candidat', 'NOM', 'Prénom', 'Naissance']);
  ws.addRow(['0123', "O'CONNOR", '=Sean', new Date(Date.UTC(2005, 1, 3))]);
  ws.getCell('E1').value = { richText: [{ text: 'Div' }, { text: 'ision', font: { bold: true } }] };
  ws.getCell('E2').value = { formula: 'A2&"x"', result: '0123x' };
  ws.getCell('F2').value = { formula: 'A2+1', date1904: false };
  ws.getCell('G2').value = { error: '#N/A' } as unknown as string;
  ws.getCell('H2').value = { text: 'site', hyperlink: 'https://example.org' };
  ws.mergeCells('A4:B4');
  ws.getCell('A4').value = 'fusion';
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return XlsxHost.fromBytes(bytes);
}

function gridTemplate(): SheetSpec {
  const t = featureSheet('');
  t.styles.marker = { size: 8 };
  return t;
}

function marker(tabId: string) {
  return markerCells({ kind: 'grid', tabId, layoutVersion: 1, epreuve: 'E4', rowBreaks: [20] });
}

function addPlan(names: string[]): ApplyPlan {
  return {
    ...emptyPlan(),
    templates: { grid: gridTemplate() },
    add: names.map((name, i) => ({
      name,
      template: 'grid',
      cells: [{ r: 5, c: 1, value: name }, ...marker(`t${i}`)],
    })),
  };
}

describe('XlsxHost.readRanges', () => {
  it('reads the used range as plain values: text, rich text, cached results, links, dates, errors as null', async () => {
    const host = await rosterHost();
    const [values] = await host.readRanges([{ sheet: 'Liste' }]);
    expect(values).toHaveLength(4);
    expect(values[0]).toEqual(['N° candidat', 'NOM', 'Prénom', 'Naissance', 'Division', null, null, null]);
    expect(values[1]).toEqual([
      '0123',
      "O'CONNOR",
      '=Sean',
      new Date(Date.UTC(2005, 1, 3)),
      '0123x',
      null,
      null,
      'site',
    ]);
    expect(values[3]).toEqual(['fusion', null, null, null, null, null, null, null]);
  });

  it('reads several rectangles in one call and gives [] for a missing sheet', async () => {
    const host = await rosterHost();
    const out = await host.readRanges([
      { sheet: 'Liste', range: 'B2:C3' },
      { sheet: 'Absent' },
      { sheet: 'liste', range: 'A1' },
    ]);
    expect(out).toEqual([
      [
        ["O'CONNOR", '=Sean'],
        [null, null],
      ],
      [],
      [['N° candidat']],
    ]);
  });
});

describe('XlsxHost.apply', () => {
  it('appends new tabs from a template with their own cells, in order', async () => {
    const host = await rosterHost();
    const result = await host.apply(addPlan(['DUPONT Léa', "O'CONNOR Sean"]));
    expect(result.created).toEqual(['DUPONT Léa', "O'CONNOR Sean"]);
    expect(await host.listSheets()).toEqual(['Liste', 'DUPONT Léa', "O'CONNOR Sean"]);
    const [tab] = await host.readRanges([{ sheet: "O'CONNOR Sean", range: 'A1:A5' }]);
    expect(tab.map((r) => r[0])).toEqual(['Grille E4', '=1+1', 'TI', 'Suivi', "O'CONNOR Sean"]);
    const ws = (await exceljsOf(host)).getWorksheet("O'CONNOR Sean")!;
    expect(ws.getCell('A3').dataValidation).toMatchObject({ type: 'list', formulae: ['"TI,I,S,TS"'] });
  });

  it('refuses to add a tab whose name exists, ignoring case, and names an unknown template', async () => {
    const host = await rosterHost();
    await expect(host.apply(addPlan(['liste']))).rejects.toThrow('Un onglet « liste » existe déjà');
    const plan = { ...addPlan(['X']), templates: {} };
    await expect(host.apply(plan)).rejects.toThrow("Modèle d'onglet inconnu : « grid »");
  });

  it('creates replaced tabs first or last, then rewrites them whole at their position', async () => {
    const host = await rosterHost();
    await host.apply(addPlan(['A']));
    await host.apply({
      ...emptyPlan(),
      replace: [
        {
          spec: plainSheet('Suivi E4', [
            { r: 1, c: 1, value: 'v1' },
            { r: 9, c: 9, value: 'old' },
          ]),
          position: 'first',
        },
        { spec: plainSheet('Contrôle', [{ r: 1, c: 1, value: 'c1' }]), position: 'last' },
      ],
    });
    expect(await host.listSheets()).toEqual(['Suivi E4', 'Liste', 'A', 'Contrôle']);
    const result = await host.apply({
      ...emptyPlan(),
      replace: [{ spec: plainSheet('Suivi E4', [{ r: 1, c: 1, value: 'v2' }]), position: 'last' }],
    });
    expect(result.created).toEqual([]);
    expect(await host.listSheets()).toEqual(['Suivi E4', 'Liste', 'A', 'Contrôle']);
    const [suivi] = await host.readRanges([{ sheet: 'Suivi E4' }]);
    expect(suivi).toEqual([['v2']]);
  });

  it('writes updates as values only, keeping styles, and leaves other sheets alone', async () => {
    const host = await rosterHost();
    await host.apply(addPlan(['A']));
    const before = await host.readRanges([{ sheet: 'Liste' }]);
    const progress: string[] = [];
    await host.apply(
      {
        ...emptyPlan(),
        updates: [
          {
            sheet: 'A',
            cells: [
              { r: 3, c: 1, value: '+33 6' },
              { r: 1, c: 1, value: 'Titre' },
            ],
          },
        ],
      },
      (done, total, label) => progress.push(`${done}/${total} ${label}`),
    );
    const ws = (await exceljsOf(host)).getWorksheet('A')!;
    expect(ws.getCell('A3').value).toBe('+33 6');
    expect(ws.getCell('A3').protection).toMatchObject({ locked: false });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(await host.readRanges([{ sheet: 'Liste' }])).toEqual(before);
    expect(progress).toEqual(['1/1 Mise à jour de « A »']);
    await expect(host.apply({ ...emptyPlan(), updates: [{ sheet: 'Z', cells: [] }] })).rejects.toThrow(
      "L'onglet « Z » est introuvable",
    );
  });
});

describe('XlsxHost saving and reloading', () => {
  it("keeps the roster's values, our markers, page breaks, links and the escaped print area through save + reload", async () => {
    const host = await rosterHost();
    const before = await host.readRanges([{ sheet: 'Liste' }]);
    await host.apply(addPlan(["O'CONNOR Sean"]));
    const again = await XlsxHost.fromBytes(await host.toBytes());
    const third = await XlsxHost.fromBytes(await again.toBytes());
    expect(await third.readRanges([{ sheet: 'Liste' }])).toEqual(before);
    const [markerValues] = await third.readRanges([{ sheet: "O'CONNOR Sean", range: MARKER_RANGE }]);
    expect(readMarker(markerValues)).toMatchObject({ tabId: 't0', rowBreaks: [20] });
    const zip = await JSZip.loadAsync(await third.toBytes());
    const sheetXml = (await zip.file('xl/worksheets/sheet2.xml')?.async('string')) ?? '';
    expect(sheetXml).toMatch(/<rowBreaks count="1"[^>]*><brk id="20"/);
    expect(sheetXml).toContain('<hyperlink ref="A4" location="&apos;Suivi E4&apos;!B2"/>');
    const book = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    expect(book).toContain('&apos;O&apos;&apos;CONNOR Sean&apos;!$A$1:$H$40');
  });

  it('reads a file whose print area was written with an unescaped apostrophe', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("O'CONNOR Sean");
    ws.getCell('A1').value = 'x';
    ws.pageSetup.printArea = 'A1:B2';
    const raw = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(new Workbook().xlsx.load(raw.buffer as ArrayBuffer)).rejects.toThrow();
    const host = await XlsxHost.fromBytes(raw);
    expect(await host.readRanges([{ sheet: "O'CONNOR Sean", range: 'A1' }])).toEqual([[['x']]]);
    const saved = await XlsxHost.fromBytes(await host.toBytes());
    expect(await saved.readRanges([{ sheet: "O'CONNOR Sean", range: 'A1' }])).toEqual([[['x']]]);
  });

  it('builds a separate workbook from a spec for createWorkbook', async () => {
    const created = await XlsxHost.empty().createWorkbook({
      title: 'Stats',
      sheets: [plainSheet('Stats', [{ r: 1, c: 1, value: '=A1' }])],
    });
    const host = await XlsxHost.fromBytes(created.bytes!);
    expect(await host.readRanges([{ sheet: 'Stats' }])).toEqual([[['=A1']]]);
  });
});

it('a rendered workbook reads back through the host with the same values', async () => {
  const host = await XlsxHost.fromBytes(
    await renderWorkbookSpec({ title: 't', sheets: [featureSheet('G')] }),
  );
  const [values] = await host.readRanges([{ sheet: 'G', range: 'A1:E3' }]);
  expect(values).toEqual([
    ['Grille E4', null, null, null, null],
    ['=1+1', '+33612345678', '@SUM(A1:A2)', '-2+3', null],
    ['TI', 12.5, null, true, new Date(Date.UTC(2026, 4, 18))],
  ]);
});

it('keeps every value of the shared class roster fixture through apply + save + reload', async () => {
  const bytes = new Uint8Array(readFileSync(rosterFixturePath('classe-ndrc2-ccf.xlsx')));
  const host = await XlsxHost.fromBytes(bytes);
  const sheets = await host.listSheets();
  const before = await host.readRanges(sheets.map((sheet) => ({ sheet })));
  await host.apply(addPlan(['Nouveau']));
  const reloaded = await XlsxHost.fromBytes(await host.toBytes());
  expect(await reloaded.readRanges(sheets.map((sheet) => ({ sheet })))).toEqual(before);
  expect(before.flat(2).filter((v) => v !== null).length).toBeGreaterThan(10);
});
