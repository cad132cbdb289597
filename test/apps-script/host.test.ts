import { AppsScriptHost, TEMPLATE_PREFIX } from '../../apps-script/host';
import { emptyPlan } from '../../core/port';
import { featureSheet, plainSheet } from '../xlsx/sample-spec';
import { newFakeWorkbook, sheetsApiOf } from '../fakes/apps-script';

function setup() {
  const { spreadsheet, app } = newFakeWorkbook();
  const api = sheetsApiOf(spreadsheet);
  const host = new AppsScriptHost({ spreadsheet, sheetsApi: api });
  return { spreadsheet, app, host, api };
}

describe('AppsScriptHost.apply (replace)', () => {
  it('keeps strings that look like formulas or numbers as text, and writes formulas as formulas', async () => {
    const { spreadsheet, host } = setup();
    const plan = emptyPlan();
    plan.replace.push(
      { spec: plainSheet('Suivi E4'), position: 'first' },
      { spec: featureSheet('Grille'), position: 'last' },
    );
    await host.apply(plan);
    const sheet = spreadsheet.sheet('Grille');
    expect(sheet.at('A2')).toMatchObject({ value: '=1+1', numFmt: '@' });
    expect(sheet.at('A2')?.formula).toBeUndefined();
    expect(sheet.at('B2')).toMatchObject({ value: '+33612345678', numFmt: '@' });
    expect(sheet.at('D2')).toMatchObject({ value: '-2+3', numFmt: '@' });
    expect(sheet.at('C3')?.formula).toBe('=COUNTIF(A3:A5,"TI")&" fois"');
    expect(sheet.at('B3')).toMatchObject({ value: 12.5, numFmt: '0.00' });
    expect(sheet.at('E3')?.value).toEqual(new Date(Date.UTC(2026, 4, 18)));
  });

  it('writes an internal link as a HYPERLINK to the target tab gid', async () => {
    const { spreadsheet, host } = setup();
    const plan = emptyPlan();
    plan.replace.push(
      { spec: plainSheet('Suivi E4'), position: 'first' },
      { spec: featureSheet('Grille'), position: 'last' },
    );
    await host.apply(plan);
    const gid = spreadsheet.sheet('Suivi E4').id;
    expect(spreadsheet.sheet('Grille').at('A4')?.formula).toBe(`=HYPERLINK("#gid=${gid}&range=B2","Suivi")`);
  });

  it('trims each written tab to the size of its spec', async () => {
    const { spreadsheet, host } = setup();
    const plan = emptyPlan();
    plan.replace.push({ spec: featureSheet('Grille'), position: 'last' });
    await host.apply(plan);
    expect(spreadsheet.sheet('Grille')).toMatchObject({ maxRows: 40, maxCols: 10 });
  });

  it('renders merges, validations, conditional formats, frozen rows and warning-only protection', async () => {
    const { spreadsheet, host } = setup();
    const plan = emptyPlan();
    plan.replace.push({ spec: featureSheet('Grille'), position: 'last' });
    await host.apply(plan);
    const sheet = spreadsheet.sheet('Grille');
    expect(sheet.merges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 3 }]);
    expect(sheet.at('A4')?.validation).toMatchObject({
      kind: 'list',
      values: ['TI', 'I', 'S', 'TS'],
      allowInvalid: false,
    });
    expect(sheet.at('B3')?.validation).toMatchObject({ kind: 'number', min: 0, max: 20 });
    expect(sheet.conditionalRules).toEqual([
      { formula: '=$A$3="TI"', background: '#D9D9D9', fontColor: '#808080', italic: true, ranges: ['A6:C8'] },
    ]);
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.hiddenColumns.has(4)).toBe(true);
    expect(sheet.protections).toHaveLength(1);
    expect(sheet.protections[0]).toMatchObject({ warningOnly: true, unprotected: ['A3'] });
  });

  it('clears an existing own tab in place (same gid) before rewriting it', async () => {
    const { spreadsheet, host } = setup();
    const first = emptyPlan();
    first.replace.push({ spec: featureSheet('Grille'), position: 'last' });
    await host.apply(first);
    const gid = spreadsheet.sheet('Grille').id;
    const second = emptyPlan();
    second.replace.push({ spec: plainSheet('Grille', [{ r: 1, c: 1, value: 'nouveau' }]), position: 'last' });
    await new AppsScriptHost({
      spreadsheet,
      sheetsApi: sheetsApiOf(spreadsheet),
    }).apply(second);
    const sheet = spreadsheet.sheet('Grille');
    expect(sheet.id).toBe(gid);
    expect(sheet.at('A1')?.value).toBe('nouveau');
    expect(sheet.at('A2')?.value ?? '').toBe('');
    expect(sheet.merges).toEqual([]);
    expect(sheet.protections).toEqual([]);
  });
});

describe('AppsScriptHost.apply (new tabs from a template)', () => {
  function addPlan(names: string[]) {
    const plan = emptyPlan();
    plan.templates.grille = featureSheet('modèle');
    plan.add = names.map((name, i) => ({
      name,
      template: 'grille',
      cells: [
        { r: 5, c: 1, value: name },
        { r: 5, c: 2, value: `=${i}` },
        { r: 6, c: 1, value: i },
      ],
    }));
    return plan;
  }

  it('creates each tab as a copy of one template, trimmed, with its own cells as text, and keeps the template hidden', async () => {
    const { spreadsheet, host } = setup();
    const result = await host.apply(addPlan(['DUPONT Marie', 'MARTIN Léo']));
    expect(result.created).toEqual(['DUPONT Marie', 'MARTIN Léo']);
    const template = spreadsheet.sheets.filter((s) => s.name.startsWith(TEMPLATE_PREFIX));
    expect(template).toHaveLength(1);
    expect(template[0].hidden).toBe(true);
    expect(await host.listSheets()).toEqual(['Feuille 1', 'DUPONT Marie', 'MARTIN Léo']);
    const tab = spreadsheet.sheet('MARTIN Léo');
    expect(tab.hidden).toBe(false);
    expect(tab).toMatchObject({ maxRows: 40, maxCols: 10 });
    expect(tab.at('A5')?.value).toBe('MARTIN Léo');
    expect(tab.at('B5')).toMatchObject({ value: '=1', numFmt: '@' });
    expect(tab.at('A6')?.value).toBe(1);
    expect(tab.at('A1')?.value).toBe('Grille E4');
    expect(tab.at('C3')?.formula).toBe('=COUNTIF(A3:A5,"TI")&" fois"');
    expect(tab.protections[0]).toMatchObject({ warningOnly: true });
    expect(spreadsheet.sheet('DUPONT Marie').at('A5')?.value).toBe('DUPONT Marie');
  });

  it('reuses the hidden template in a later call instead of building it again', async () => {
    const { spreadsheet, host } = setup();
    await host.apply(addPlan(['A']));
    const api = sheetsApiOf(spreadsheet);
    const again = new AppsScriptHost({
      spreadsheet,
      sheetsApi: api,
    });
    const plan = addPlan(['B']);
    plan.add[0].cells[1] = { r: 5, c: 2, value: '007' };
    await again.apply(plan);
    const kinds = new Set(api.batches.flat().flatMap((r) => Object.keys(r)));
    expect(kinds.has('duplicateSheet')).toBe(true);
    expect(kinds.has('addSheet') || kinds.has('mergeCells') || kinds.has('updateDimensionProperties')).toBe(
      false,
    );
    expect(spreadsheet.sheet('B').at('B5')).toMatchObject({ value: '007', numFmt: '@' });
    expect(spreadsheet.sheet('B').at('A5')?.value).toBe('B');
    expect(spreadsheet.sheets.filter((s) => s.name.startsWith(TEMPLATE_PREFIX))).toHaveLength(1);
  });

  it('costs at most 5 calls per new tab beyond a constant', async () => {
    const costOf = async (n: number): Promise<number> => {
      const { spreadsheet, host } = setup();
      await host.apply(addPlan(Array.from({ length: n }, (_, i) => `Candidat ${i + 1}`)));
      return spreadsheet.calls.total;
    };
    const ten = await costOf(10);
    const forty = await costOf(40);
    expect((forty - ten) / 30).toBeLessThanOrEqual(5);
    expect(ten - 10 * 5).toBeLessThanOrEqual(60);
  });

  it('reports progress per created tab', async () => {
    const { host } = setup();
    const seen: Array<[number, number, string]> = [];
    await host.apply(addPlan(['A', 'B', 'C']), (done, total, label) => seen.push([done, total, label]));
    expect(seen).toEqual([
      [1, 3, 'A'],
      [2, 3, 'B'],
      [3, 3, 'C'],
    ]);
  });

  it('removes a half-built template or one of an older layout before building the current one', async () => {
    const { spreadsheet, host } = setup();
    spreadsheet.addSheetWithValues(`${TEMPLATE_PREFIX}grille ancien`, [['vieux']]);
    spreadsheet.addSheetWithValues(`${TEMPLATE_PREFIX}grille 1abc …`, [['à moitié']]);
    await host.apply(addPlan(['A']));
    const names = spreadsheet.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith(TEMPLATE_PREFIX))).toHaveLength(1);
    expect(names.some((n) => n.endsWith('…') || n.endsWith('ancien'))).toBe(false);
    expect(await host.listSheets()).toEqual(['Feuille 1', 'A']);
  });
});

describe('AppsScriptHost.apply (updates)', () => {
  it('writes only the given cells of an existing tab, leaving the teacher’s cells around them', async () => {
    const { spreadsheet, host } = setup();
    spreadsheet.addSheetWithValues('DUPONT Marie', [
      ['ancien', 'x', 'note du prof'],
      ['garde', 'garde', 'garde'],
    ]);
    const plan = emptyPlan();
    plan.updates.push({
      sheet: 'DUPONT Marie',
      cells: [
        { r: 1, c: 1, value: '=NOM' },
        { r: 1, c: 2, value: 'Marie' },
      ],
    });
    await host.apply(plan);
    const sheet = spreadsheet.sheet('DUPONT Marie');
    expect(sheet.at('A1')).toMatchObject({ value: '=NOM', numFmt: '@' });
    expect(sheet.at('B1')?.value).toBe('Marie');
    expect(sheet.at('C1')?.value).toBe('note du prof');
    expect(sheet.at('A2')?.value).toBe('garde');
  });
});

describe('AppsScriptHost.readRanges', () => {
  it('gives text as text (a « 12,5 » note stays a string), dates as Date, a missing tab as []', async () => {
    const { spreadsheet, host } = setup();
    const date = new Date(2026, 4, 18);
    spreadsheet.addSheetWithValues('Notes', [['Note', '12,5', 14, date]]);
    const [block, whole, missing] = await host.readRanges([
      { sheet: 'Notes', range: 'A1:D1' },
      { sheet: 'Notes' },
      { sheet: 'Absent' },
    ]);
    expect(block).toEqual([['Note', '12,5', 14, date]]);
    expect(whole).toEqual([['Note', '12,5', 14, date]]);
    expect(missing).toEqual([]);
  });

  it('reads a block in one call per tab once the tabs are listed', async () => {
    const { spreadsheet, host } = setup();
    for (let i = 0; i < 20; i++) spreadsheet.addSheetWithValues(`T${i}`, [[i]]);
    await host.listSheets();
    const before = spreadsheet.calls.total;
    const blocks = await host.readRanges(
      Array.from({ length: 20 }, (_, i) => ({ sheet: `T${i}`, range: 'A1:H70' })),
    );
    expect(spreadsheet.calls.total - before).toBe(20);
    expect(blocks[3][0][0]).toBe(3);
    expect(blocks[3]).toHaveLength(70);
  });

  it('clips and pads a block that goes past a trimmed tab', async () => {
    const { spreadsheet, host } = setup();
    const small = spreadsheet.addSheetWithValues('Petit', [['a', 'b']]);
    small.maxRows = 2;
    small.maxCols = 2;
    const [block] = await host.readRanges([{ sheet: 'Petit', range: 'A1:C3' }]);
    expect(block).toEqual([
      ['a', 'b', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('throws a French error when no statistics workbook factory is given', async () => {
    const { host } = setup();
    await expect(host.createWorkbook({ title: 't', sheets: [] })).rejects.toThrow(/statistiques/);
  });
});

describe('AppsScriptHost and rows that follow their wrapped text', () => {
  it('fits the rows of the spec with one autoResizeDimensions request', async () => {
    const { spreadsheet, host, api } = setup();
    const spec = { ...plainSheet('Contrôle'), autoFitRows: { from: 2, to: 3 } };
    const plan = emptyPlan();
    plan.replace.push({ spec, position: 'last' });
    spreadsheet.calls.reset();
    await host.apply(plan);
    expect(api.batches.flat().filter((r) => r.autoResizeDimensions !== undefined)).toHaveLength(1);
    expect([...spreadsheet.sheet('Contrôle').autoFittedRows]).toEqual([2, 3]);
  });
});
