import { FakeExcel, wireEstimate } from './index';

describe('FakeExcel (strict Office.js fake)', () => {
  it('throws PropertyNotLoaded when a property is read before load and sync', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Liste', [['Nom']]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Liste').getRange('A1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['Nom']]);
    });
  });

  it('rejects invalid and duplicate sheet names at sync, keeping the operations before the failure', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Liste');
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.add('Bon');
        context.workbook.worksheets.add('a/b');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(excel.sheetNames()).toEqual(['Liste', 'Bon']);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.add('LISTE');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    for (const bad of ['History', "'x", 'x'.repeat(32), 'a[1]', 'a*', 'a?', 'a:b', 'a\\b']) {
      await expect(
        excel.run(async (context) => {
          context.workbook.worksheets.add(bad);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });

  it('rejects a 2-D array whose size differs from the range', async () => {
    const excel = new FakeExcel();
    excel.addSheet('F');
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('F').getRange('A1:B2').values = [['a', 'b']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('reads a string written to values as typed input unless the cell is formatted as text', async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet('F');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('F');
      ws.getRange('A1:E1').values = [['=1+1', '+33', '0123', '12/05/2026', '-A1']];
      const text = ws.getRange('A2:B2');
      text.numberFormat = [['@', '@']];
      text.values = [['=1+1', '0123']];
      ws.getRange('C2:D2').values = [[null, 'garde']];
      await context.sync();
    });
    expect(sheet.cell(1, 1)).toMatchObject({ formula: '=1+1' });
    expect(sheet.cell(1, 2)?.value).toBe(33);
    expect(sheet.cell(1, 3)?.value).toBe(123);
    expect(typeof sheet.cell(1, 4)?.value).toBe('number');
    expect(sheet.cell(1, 5)?.formula).toBe('=-A1');
    expect(sheet.cell(2, 1)).toMatchObject({ value: '=1+1', formula: undefined });
    expect(sheet.cell(2, 2)?.value).toBe('0123');
    expect(sheet.cell(2, 3)).toBeUndefined();
  });

  it('counts syncs with the JSON size of their queued operations and of their response', async () => {
    const excel = new FakeExcel();
    excel.addSheet('F', [['x', 'y']]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('F').getRange('A1:B1').load('values');
      await context.sync();
      await context.sync();
    });
    expect(excel.syncs).toHaveLength(2);
    expect(excel.syncs[0].ops).toBeGreaterThan(0);
    expect(excel.syncs[0].requestBytes).toBeGreaterThan(10);
    expect(excel.syncs[0].responseBytes).toBeGreaterThanOrEqual(JSON.stringify([['x', 'y']]).length);
    expect(excel.syncs[1]).toEqual({ ops: 0, loads: 0, requestBytes: 2, wireBytes: 0, responseBytes: 2 });
  });

  it('estimates the real request size above the JSON it counts (calibrated on Office.js)', async () => {
    const excel = new FakeExcel();
    excel.addSheet('F');
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('F').getRange('A1:B1').values = [['x', 'y']];
      context.workbook.worksheets.getItem('F').getRange('A1:B1').load('values');
      await context.sync();
    });
    const [sync] = excel.syncs;
    expect(sync.loads).toBe(1);
    expect(sync.wireBytes).toBe(wireEstimate(sync.requestBytes, 2, 1));
    expect(sync.wireBytes).toBeGreaterThan(sync.requestBytes * 1.5);
  });

  it('refuses a request over the limit with RequestPayloadSizeLimitExceeded and applies none of it', async () => {
    const excel = new FakeExcel({ requestLimit: 2000 });
    excel.addSheet('F');
    const big = [Array.from({ length: 100 }, (_, i) => `valeur ${i}`)];
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.add('Nouveau');
        context.workbook.worksheets.getItem('F').getRange('A1:CV1').values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(excel.sheetNames()).toEqual(['F']);
    expect(excel.syncs[0].wireBytes).toBeGreaterThan(2000);
  });

  it('refuses writes to locked cells of a protected sheet but not to unlocked ones', async () => {
    const excel = new FakeExcel();
    excel.addSheet('F');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('F');
      ws.getRange('B2').format.protection.locked = false;
      ws.protection.protect();
      ws.getRange('B2').values = [['ok']];
      await context.sync();
    });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('F').getRange('A1').values = [['non']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('names a copy « X (2) » and copies cells, formats and validations', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Modèle', [['a']]);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Modèle');
      ws.getRange('A1').format.font.bold = true;
      ws.getRange('B1').dataValidation.rule = { list: { inCellDropDown: true, source: 'TI,I' } };
      ws.copy('End');
      await context.sync();
    });
    expect(excel.sheetNames()).toEqual(['Modèle', 'Modèle (2)']);
    const copy = excel.model.get('Modèle (2)');
    expect(copy.cell(1, 1)).toMatchObject({ value: 'a', format: { 'font.bold': true } });
    expect(copy.validations).toHaveLength(1);
  });

  it('throws ApiNotFound for a member of a requirement set the Excel lacks', async () => {
    const excel = new FakeExcel({ excelApi: 1.8 });
    excel.addSheet('F');
    expect(excel.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(excel.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await excel.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem('F').pageLayout.setPrintArea('A1:B2')).toThrow(
        expect.objectContaining({ code: 'ApiNotFound' }),
      );
    });
  });
});
