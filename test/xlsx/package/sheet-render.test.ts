import { E4 } from '../../../core/referentiel';
import { gridTemplate } from '../../../core/grid/layout';
import type { SheetSpec, WorkbookSpec } from '../../../core/spec/types';
import { XlsxHost } from '../../../xlsx/host';
import { OpcPackage } from '../../../xlsx/package/opc';
import { mergeStyles } from '../../../xlsx/package/styles-merge';
import * as template from '../../../xlsx/package/template';
import { renderWorkbookPackage } from '../../../xlsx/package/workbook-render';
import { renderWorkbookSpec } from '../../../xlsx/render';
import { classFile } from '../../helpers/class-file';
import { runCli, tempDir } from '../../helpers/cli';
import { sheetModel, type SheetModel } from '../../helpers/sheet-model';
import { exceljsOf } from '../../helpers/xlsx-view';
import { sampleConsolidation } from '../charts/stats-sample';
import { featureSheet, featureWorkbook, plainSheet } from '../sample-spec';

/**
 * The package engine renders every kind of sheet spec the add-in writes as the exceljs renderer did:
 * the same values, formulas, resolved styles, merges, validations, conditional formats, protection,
 * view, links and page setup (compared as meaning, not as bytes), and each feature is really there.
 */

async function nativeBytes(spec: WorkbookSpec): Promise<Uint8Array> {
  return (await renderWorkbookPackage(spec)).toBytes();
}

/** The sheets the command line renders, caught on their way to the renderer. */
async function specsOfRealRuns(): Promise<Map<string, SheetSpec>> {
  const specs = new Map<string, SheetSpec>();
  const rendered = jest.spyOn(template, 'renderTemplate');
  const created = jest.spyOn(XlsxHost.prototype, 'createWorkbook');
  try {
    const dir = tempDir();
    const file = await classFile(dir, [
      {},
      { status: 'Absent (ABS)', note: null, allLevels: null, activity: null },
      null,
    ]);
    expect((await runCli(['controle', file], dir)).code).toBe(1);
    const stats = await runCli(['stats', file, '-o', 'stats.xlsx', '--uai', '0750000A', '--nominatif'], dir);
    expect(stats.code).toBe(1);
    for (const [spec] of rendered.mock.calls) specs.set(spec.name, spec);
    for (const [workbook] of created.mock.calls)
      for (const sheet of workbook.sheets) specs.set(`statistiques ${sheet.name}`, sheet);
  } finally {
    rendered.mockRestore();
    created.mockRestore();
  }
  for (const sheet of sampleConsolidation().workbook.sheets) specs.set(`consolidées ${sheet.name}`, sheet);
  // A grid template has no name of its own: the writer names it as it renders it.
  specs.set('grille CCF', { ...gridTemplate(E4, 'ccf', 2026), name: 'Modèle CCF' });
  specs.set('grille ponctuelle', { ...gridTemplate(E4, 'ponctuel', 2026), name: 'Modèle ponctuel' });
  specs.set('toutes les options', featureSheet());
  return specs;
}

describe('native sheet renderer: the same sheets as the exceljs renderer', () => {
  let specs: Map<string, SheetSpec>;
  const models = new Map<string, { native: SheetModel; exceljs: SheetModel }>();
  beforeAll(async () => {
    specs = await specsOfRealRuns();
    for (const [label, spec] of specs) {
      const workbook = { title: 'essai', sheets: [spec] };
      models.set(label, {
        native: sheetModel(await nativeBytes(workbook), spec.name),
        exceljs: sheetModel(await renderWorkbookSpec(workbook), spec.name),
      });
    }
  }, 120000);

  it('catches every kind of sheet the add-in writes', () => {
    expect([...specs.keys()]).toEqual(
      expect.arrayContaining([
        'Modèle',
        'Suivi E4',
        'Contrôle',
        'Paramètres E4',
        'statistiques Synthèse',
        'statistiques Répartition',
        'statistiques Compétences',
        'statistiques Notes',
        'consolidées Classeurs',
        'grille CCF',
        'grille ponctuelle',
        'toutes les options',
      ]),
    );
  });

  it.each([
    'Modèle',
    'Suivi E4',
    'Contrôle',
    'Paramètres E4',
    'statistiques Synthèse',
    'statistiques Répartition',
    'statistiques Compétences',
    'statistiques Notes',
    'consolidées Synthèse',
    'consolidées Classeurs',
    'consolidées Répartition',
    'consolidées Compétences',
    'consolidées Commissions',
    'grille CCF',
    'grille ponctuelle',
    'toutes les options',
  ])('%s: cell for cell and setting for setting as exceljs wrote it', (label) => {
    const m = models.get(label);
    if (!m) throw new Error(`no spec caught for ${label}`);
    expect(m.native).toEqual(m.exceljs);
  });

  it.each(['Modèle', 'Suivi E4', 'Contrôle', 'Paramètres E4', 'statistiques Synthèse', 'grille ponctuelle'])(
    '%s: restyles a workbook the exceljs renderer styled without adding a font, fill, border or cell format',
    async (label) => {
      const spec = specs.get(label) as SheetSpec;
      // As the exceljs route styled a workbook: the sheet, and a palette cell for every named style.
      const palette = plainSheet(
        'palette',
        Object.keys(spec.styles).map((style, i) => ({ r: i + 1, c: 1, style })),
      );
      const before = OpcPackage.fromBytes(
        await renderWorkbookSpec({ title: 'essai', sheets: [spec, { ...palette, styles: spec.styles }] }),
      ).required('xl/styles.xml');
      const rendered = await template.renderTemplate(spec);
      const { xml, map } = mergeStyles(before, rendered.stylesXml);
      const count = (styles: string, tag: string): number =>
        (styles.match(new RegExp(`<${tag}\\b`, 'g')) ?? []).length;
      for (const tag of ['font', 'fill', 'border', 'numFmt', 'dxf'])
        expect([tag, count(xml, tag)]).toEqual([tag, count(before, tag)]);
      const used = [...rendered.xml.matchAll(/\ss="(\d+)"/g)].map((m) => map.xf[Number(m[1])]);
      expect(used.length).toBeGreaterThan(0);
      expect(Math.max(...used)).toBeLessThan(count(before, 'xf') - 1);
    },
  );

  it('writes the grid with its styles, merges, validations, conditional formats and page setup', () => {
    const grid = models.get('grille CCF')?.native as SheetModel;
    const styles = Object.values(grid.cells).map((c) => c.style);
    expect(styles.some((s) => s.includes('<b/>'))).toBe(true);
    expect(styles.some((s) => s.includes('fgColor rgb="FFFFF9DB"'))).toBe(true);
    expect(styles.some((s) => s.includes('<left style="thin"/>'))).toBe(true);
    expect(styles.some((s) => s.includes('numFmt=dd/mm/yyyy'))).toBe(true);
    expect(styles.some((s) => s.includes('<protection locked="0"/>'))).toBe(true);
    expect(styles.some((s) => s.includes('wrapText="1"'))).toBe(true);
    expect(Object.values(grid.cells).some((c) => c.formula !== null)).toBe(true);
    expect(grid.merges).toContain('A1:H1');
    expect(JSON.parse(grid.validations.D17)).toMatchObject({ type: 'list', f1: '"TI,I,S,TS"' });
    expect(JSON.parse(grid.validations.D32)).toMatchObject({ type: 'decimal', f1: '0', f2: '20' });
    expect(grid.conditionalFormats).toHaveLength(3);
    expect(grid.conditionalFormats[1].style).toContain('bgColor rgb="FFBFBFBF"');
    expect(grid.protection).toEqual({ sheet: '1', formatColumns: '0', formatRows: '0' });
    expect(grid.pageSetup).toMatchObject({
      paperSize: '9',
      orientation: 'portrait',
      fitToWidth: '1',
      fitToHeight: '0',
    });
    expect(grid.fitToPage).toBe(true);
    expect(grid.margins).toMatchObject({ left: '0.5', top: '0.6' });
    expect(grid.rowBreaks.length).toBeGreaterThan(0);
    expect(grid.headerFooter).toContain('Page &P');
    expect(grid.printArea).toMatch(/^'essai'|^'Modèle'|!\$A\$1:\$H\$\d+$/);
    expect(grid.columns[10]).toMatchObject({ hidden: true });
  });

  it('writes the recap with its frozen rows, tab colour and links into the tabs, without relationships', () => {
    const recap = models.get('Suivi E4')?.native as SheetModel;
    expect(recap.pane).toMatchObject({ ySplit: '3', topLeftCell: 'A4', state: 'frozen' });
    expect(recap.tabColor).toBe('FF1F4E79');
    expect(Object.values(recap.links)[0]).toMatch(/^'NOM\d Prénom'!A1$/);
    expect(recap.relationships).toEqual([]);
  });

  it('keeps text as text: strings that look like formulas are never formulas', () => {
    const sheet = models.get('toutes les options')?.native as SheetModel;
    expect(['A2', 'B2', 'C2', 'D2'].map((r) => sheet.cells[r])).toEqual(
      ['=1+1', '+33612345678', '@SUM(A1:A2)', '-2+3'].map((value) =>
        expect.objectContaining({ value, formula: null }),
      ),
    );
    expect(sheet.cells.C3.formula).toBe('COUNTIF(A3:A5,"TI")&" fois"');
  });
});

describe('native workbook: what another reader sees', () => {
  it('gives exceljs, as an independent reader, the feature sheet the spec describes', async () => {
    const wb = await exceljsOf(await nativeBytes(featureWorkbook()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Suivi E4', "O'CONNOR Sean"]);
    const ws = wb.getWorksheet("O'CONNOR Sean")!;
    expect(ws.getCell('A2').value).toBe('=1+1');
    expect(ws.getCell('C3').formula).toBe('COUNTIF(A3:A5,"TI")&" fois"');
    expect(ws.getCell('E3').value).toEqual(new Date(Date.UTC(2026, 4, 18)));
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14, color: { argb: 'FF1F4E79' } });
    expect(ws.getCell('C1').fill).toMatchObject({ fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('C1').master.address).toBe('A1');
    expect(ws.getCell('A3').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'medium' } });
    expect(ws.getCell('A3').protection).toMatchObject({ locked: false });
    expect(ws.getCell('B3').numFmt).toBe('0.00');
    expect(ws.getCell('A5').dataValidation).toMatchObject({ type: 'list', formulae: ['"TI,I,S,TS"'] });
    expect(ws.getColumn(4).hidden).toBe(true);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0, printArea: 'A1:H40' });
    expect(ws.headerFooter).toMatchObject({ oddFooter: '&LGrille E4&RPage &P / 2', oddHeader: '&CBTS NDRC' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('marks the workbook as written by Grilles E4, titles it and quotes sheet names in print areas', async () => {
    const pkg = await renderWorkbookPackage(featureWorkbook());
    const workbook = pkg.required('xl/workbook.xml');
    expect(workbook).toContain(
      '<definedName name="_GrillesE4_Statistiques">&apos;Suivi E4&apos;!$A$1</definedName>',
    );
    expect(workbook).toContain(
      '<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;O&apos;&apos;CONNOR Sean&apos;!$A$1:$H$40</definedName>',
    );
    expect(pkg.required('docProps/core.xml')).toContain('<dc:title>Essai</dc:title>');
  });

  it('rejects a cell that names a style the sheet does not define, in French', async () => {
    const sheet = plainSheet('X', [{ r: 1, c: 1, value: 'a', style: 'absent' }]);
    await expect(renderWorkbookPackage({ title: 't', sheets: [sheet] })).rejects.toThrow(
      "Style inconnu « absent » dans l'onglet « X »",
    );
  });
});
