import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { renderWorkbookSpec } from '../../xlsx/render';
import { featureWorkbook, plainSheet } from './sample-spec';

async function load(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}

async function part(bytes: Uint8Array, path: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(path);
  if (!file) throw new Error(`absent: ${path}`);
  return file.async('string');
}

function cellXml(sheetXml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`).exec(sheetXml);
  return m ? m[0] : '';
}

describe('renderWorkbookSpec', () => {
  let bytes: Uint8Array;
  let wb: Workbook;
  beforeAll(async () => {
    bytes = await renderWorkbookSpec(featureWorkbook());
    wb = await load(bytes);
  });

  it('writes the sheets in spec order and exceljs can read its own output back', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Suivi E4', "O'CONNOR Sean"]);
  });

  it('keeps strings that look like formulas as text, never as formulas', async () => {
    const xml = await part(bytes, 'xl/worksheets/sheet2.xml');
    for (const ref of ['A2', 'B2', 'C2', 'D2']) {
      expect(cellXml(xml, ref)).toMatch(/t="(s|inlineStr)"/);
      expect(cellXml(xml, ref)).not.toContain('<f>');
    }
    const ws = wb.getWorksheet("O'CONNOR Sean")!;
    expect(['A2', 'B2', 'C2', 'D2'].map((r) => ws.getCell(r).value)).toEqual([
      '=1+1',
      '+33612345678',
      '@SUM(A1:A2)',
      '-2+3',
    ]);
  });

  it('writes formulas without the leading = and values with their types', () => {
    const ws = wb.getWorksheet("O'CONNOR Sean")!;
    expect(ws.getCell('C3').formula).toBe('COUNTIF(A3:A5,"TI")&" fois"');
    expect(ws.getCell('B3').value).toBe(12.5);
    expect(ws.getCell('D3').value).toBe(true);
    expect(ws.getCell('E3').value).toEqual(new Date(Date.UTC(2026, 4, 18)));
  });

  it('applies named styles: font, fill, alignment, borders, number format, unlocked inputs', () => {
    const ws = wb.getWorksheet("O'CONNOR Sean")!;
    const title = ws.getCell('A1');
    expect(title.font).toMatchObject({ bold: true, size: 14, color: { argb: 'FF1F4E79' } });
    expect(title.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(title.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    const input = ws.getCell('A3');
    expect(input.border).toMatchObject({
      top: { style: 'thin' },
      left: { style: 'thin' },
      bottom: { style: 'medium' },
    });
    expect(input.protection).toMatchObject({ locked: false });
    expect(input.font).toMatchObject({ italic: true });
    expect(ws.getCell('B3').numFmt).toBe('0.00');
    expect(ws.getCell('B3').protection?.locked).not.toBe(false);
  });

  it('gives the cells of a merge the style of its top-left cell and merges them', () => {
    const ws = wb.getWorksheet("O'CONNOR Sean")!;
    expect(ws.getCell('C1').fill).toMatchObject({ fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getCell('C1').master.address).toBe('A1');
  });

  it('keeps a column width of 9 (written as 9.01), hidden columns and row heights', () => {
    const ws = wb.getWorksheet("O'CONNOR Sean")!;
    expect(ws.getColumn(1).width).toBeCloseTo(9.01);
    expect(ws.getColumn(2).width).toBe(20);
    expect(ws.getColumn(4).hidden).toBe(true);
    expect(ws.getRow(1).height).toBe(30);
  });

  it('writes list, decimal and date validations with the French error messages', () => {
    const ws = wb.getWorksheet("O'CONNOR Sean")!;
    expect(ws.getCell('A5').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"TI,I,S,TS"'],
      showErrorMessage: true,
      error: 'Choisissez TI, I, S ou TS.',
      prompt: 'Niveau',
    });
    expect(ws.getCell('B3').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 20],
    });
    expect(ws.getCell('E3').dataValidation).toMatchObject({
      type: 'date',
      error: 'Saisissez une date (jj/mm/aaaa).',
    });
  });

  it('writes the conditional format as an expression rule with its fill and font', async () => {
    const xml = await part(bytes, 'xl/worksheets/sheet2.xml');
    expect(xml).toMatch(
      /<conditionalFormatting sqref="A6:C8"><cfRule type="expression" dxfId="\d+"[^>]*><formula>\$A\$3=&quot;TI&quot;<\/formula>/,
    );
    const styles = await part(bytes, 'xl/styles.xml');
    expect(styles).toMatch(/<dxf>.*<i\/>.*FF808080.*FFD9D9D9.*<\/dxf>/s);
  });

  it('protects the sheet without password, letting users select cells and format columns', async () => {
    const xml = await part(bytes, 'xl/worksheets/sheet2.xml');
    const tag = /<sheetProtection[^>]*\/>/.exec(xml)?.[0] ?? '';
    expect(tag).toContain('sheet="1"');
    expect(tag).toContain('formatColumns="0"');
    expect(tag).not.toMatch(/password|hashValue|selectUnlockedCells="1"/);
    expect(await part(bytes, 'xl/worksheets/sheet1.xml')).not.toContain('<sheetProtection');
  });

  it('sets up A4 portrait printing, fit to width only, margins, header, footer and the row break', () => {
    const ws = wb.getWorksheet("O'CONNOR Sean")!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      firstPageNumber: 1,
      printArea: 'A1:H40',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    });
    expect(ws.headerFooter).toMatchObject({ oddFooter: '&LGrille E4&RPage &P / 2', oddHeader: '&CBTS NDRC' });
  });

  it('writes the manual page break after the requested row', async () => {
    const xml = await part(bytes, 'xl/worksheets/sheet2.xml');
    expect(xml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="20"[^>]*man="1"\/><\/rowBreaks>/);
  });

  it('escapes the apostrophe of the sheet name in the print area', async () => {
    const xml = await part(bytes, 'xl/workbook.xml');
    expect(xml).toContain(
      '<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;O&apos;&apos;CONNOR Sean&apos;!$A$1:$H$40</definedName>',
    );
  });

  it('writes internal links as a location with no external relationship', async () => {
    const xml = await part(bytes, 'xl/worksheets/sheet2.xml');
    expect(xml).toContain('<hyperlink ref="A4" location="&apos;Suivi E4&apos;!B2"/>');
    expect(await part(bytes, 'xl/worksheets/_rels/sheet2.xml.rels')).not.toMatch(/hyperlink|External/);
    expect(wb.getWorksheet("O'CONNOR Sean")!.getCell('A4').text).toBe('Suivi');
  });

  it('sets the tab colour and freezes the header rows', () => {
    const ws = wb.getWorksheet("O'CONNOR Sean")!;
    expect(ws.properties.tabColor).toMatchObject({ argb: 'FF70AD47' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('rejects a cell that names a style the sheet does not define, in French', async () => {
    const sheet = plainSheet('X', [{ r: 1, c: 1, value: 'a', style: 'absent' }]);
    await expect(renderWorkbookSpec({ title: 't', sheets: [sheet] })).rejects.toThrow(
      'Style inconnu « absent »',
    );
  });
});
