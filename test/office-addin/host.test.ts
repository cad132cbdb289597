import { emptyPlan, type ApplyPlan } from '../../core/port';
import type { SheetSpec } from '../../core/spec/types';
import { makeOfficeHost } from './make-host';

function template(): SheetSpec {
  return {
    name: 'modèle',
    kind: 'grid',
    size: { rows: 10, cols: 4 },
    cells: [
      { r: 1, c: 1, value: 'Nom', style: 'label' },
      { r: 2, c: 1, value: 'Note', style: 'label' },
      { r: 2, c: 2, style: 'input' },
      { r: 3, c: 1, formula: 'IF(B2="","manque","ok")' },
    ],
    styles: { label: { bold: true, border: 'thin' }, input: { locked: false, numFmt: '0.00' } },
    columns: [{ width: 20 }, { width: 9.01 }],
    merges: ['C1:D1'],
    validations: [{ range: 'B2', kind: 'decimal', min: 0, max: 20, error: 'Note entre 0 et 20.' }],
    conditionalFormats: [{ range: 'B2', formula: 'B2=""', style: { fill: 'FFF2CC' } }],
    protect: true,
    print: {
      paper: 'A4',
      orientation: 'portrait',
      fitToWidth: true,
      printArea: 'A1:D10',
      rowBreaks: [5],
      footer: 'Page &P / 2',
    },
    frozenRows: 1,
  };
}

function planFor(names: string[]): ApplyPlan {
  return {
    ...emptyPlan(),
    templates: { grid: template() },
    add: names.map((name, i) => ({
      name,
      template: 'grid',
      cells: [{ r: 1, c: 2, value: i === 0 ? '=1+1' : name }],
    })),
  };
}

describe('OfficeHost on the strict fake', () => {
  it('lists sheets and reads ranges, a missing sheet as an empty array, in two syncs', async () => {
    const { excel, host } = makeOfficeHost();
    excel.addSheet('Liste', [
      ['Nom', 'Prénom'],
      ['DURAND', 'Léa'],
      ['', ''],
    ]);
    excel.addSheet('Vide');
    const result = await host.readRanges([
      { sheet: 'Liste' },
      { sheet: 'Absente' },
      { sheet: 'liste', range: 'B2' },
      { sheet: 'Vide' },
    ]);
    expect(result).toEqual([
      [
        ['Nom', 'Prénom'],
        ['DURAND', 'Léa'],
      ],
      [],
      [['Léa']],
      [['']],
    ]);
    expect(excel.syncs).toHaveLength(2);
  });

  it('creates tabs from one template copied per candidate, in two syncs, and keeps text as text', async () => {
    const { excel, host } = makeOfficeHost();
    excel.addSheet('Liste');
    const names = ['DURAND Léa', "O'CONNOR Sean", 'MARTIN Paul'];
    const result = await host.apply(planFor(names));
    expect(result.created).toEqual(names);
    expect(excel.sheetNames()).toEqual(['Liste', ...names]);
    expect(excel.syncs).toHaveLength(2);
    const first = excel.model.get('DURAND Léa');
    expect(first.cell(1, 2)).toMatchObject({ value: '=1+1', formula: undefined, numberFormat: '@' });
    expect(first.cell(3, 1)?.formula).toBe('=IF(B2="","manque","ok")');
    expect(first.cell(1, 1)?.format).toMatchObject({
      'font.bold': true,
      'borders.EdgeTop.style': 'Continuous',
    });
    expect(first.cell(2, 2)).toMatchObject({ numberFormat: '0.00', format: { 'protection.locked': false } });
    expect(first).toMatchObject({ protected: true, frozenRows: 1, merges: ['C1:D1'] });
    expect(first.pageLayout).toMatchObject({ printArea: 'A1:D10', rowBreaks: [5], paperSize: 'A4' });
    expect(first.validations[0].rule).toEqual({
      decimal: { formula1: 0, formula2: 20, operator: 'Between' },
    });
    expect(first.conditionalFormats[0]).toMatchObject({ address: 'B2:B2', formula: '=B2=""' });
  });

  it('skips the print setup with ExcelApi 1.8 and still creates the tabs', async () => {
    const { FakeExcel } = await import('../fakes/excel');
    const { excel, host } = makeOfficeHost(new FakeExcel({ excelApi: 1.8 }));
    excel.addSheet('Liste');
    await host.apply(planFor(['A']));
    expect(excel.model.get('A').pageLayout.printArea).toBeUndefined();
  });

  it('writes nothing when a new name is taken, and says so in French', async () => {
    const { excel, host } = makeOfficeHost();
    excel.addSheet('Liste');
    excel.addSheet('DURAND Léa');
    await expect(host.apply(planFor(['durand léa']))).rejects.toThrow(/existe déjà.*rien n'a été écrit/);
    expect(excel.sheetNames()).toEqual(['Liste', 'DURAND Léa']);
  });

  it('rewrites its own tabs in place and refreshes protected tabs without losing their protection', async () => {
    const { excel, host } = makeOfficeHost();
    excel.addSheet('Liste');
    await host.apply(planFor(['A']));
    const report: SheetSpec = {
      ...template(),
      name: 'Contrôle',
      kind: 'report',
      cells: [
        { r: 1, c: 1, value: 'v1' },
        { r: 5, c: 5, value: 'x' },
      ],
      protect: false,
      print: undefined,
    };
    await host.apply({ ...emptyPlan(), replace: [{ spec: report, position: 'first' }] });
    expect(excel.sheetNames()[0]).toBe('Contrôle');
    await host.apply({
      ...emptyPlan(),
      replace: [{ spec: { ...report, cells: [{ r: 1, c: 1, value: 'v2' }] }, position: 'first' }],
      updates: [{ sheet: 'A', cells: [{ r: 1, c: 2, value: 'Nouveau nom' }] }],
    });
    const control = excel.model.get('Contrôle');
    expect(control.cell(1, 1)?.value).toBe('v2');
    expect(control.cell(5, 5)).toBeUndefined();
    expect(excel.model.get('A')).toMatchObject({ protected: true });
    expect(excel.model.get('A').cell(1, 2)?.value).toBe('Nouveau nom');
  });

  it('undoes a failed chunk and names the tabs created before it', async () => {
    const { excel, host } = makeOfficeHost();
    excel.addSheet('Liste');
    const names = Array.from({ length: 160 }, (_, i) => `C${i}`);
    const plan = planFor(names);
    // A cell beyond Excel's last column makes the second batch fail after some of its copies exist.
    plan.add[154].cells = [
      { r: 1, c: 1, value: 'x' },
      { r: 1, c: 16385, value: 'hors grille' },
    ];
    const error = await host.apply(plan).then(
      () => null,
      (e: unknown) => e as Error,
    );
    // A count and the first three names, not 150 names.
    expect(error?.message).toContain(
      "150 onglets créés avant l'arrêt (« C0 », « C1 », « C2 » et 147 autres).",
    );
    expect(error?.message).not.toContain('C3');
    expect(excel.sheetNames()).toEqual(['Liste', ...names.slice(0, 150)]);
  });

  it('opens the statistics workbook through createWorkbook and returns its bytes', async () => {
    const { excel, host } = makeOfficeHost();
    const created = await host.createWorkbook({ title: 'Stats', sheets: [] });
    expect(created.bytes).toBeInstanceOf(Uint8Array);
    expect(excel.model.createdWorkbooks).toEqual([Buffer.from(created.bytes ?? []).toString('base64')]);
  });
});
