import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { XlsxHost } from '../../../xlsx/host';
import { exceljsOf } from '../../helpers/xlsx-view';

/** A workbook with a tab that has a print area, print titles and a defined name of the teacher's. */
async function saved(): Promise<Uint8Array> {
  const wb = new Workbook();
  const recap = wb.addWorksheet('Suivi E4');
  recap.getCell('A1').value = 'x';
  recap.getCell('A2').value = { formula: "'DUPONT Marie 02600000002'!B2*2", result: 24 };
  recap.getCell('A3').value = { formula: '"DUPONT Marie 02600000002"', result: 'DUPONT Marie 02600000002' };
  const ws = wb.addWorksheet('DUPONT Marie 02600000002');
  ws.getCell('B2').value = 12;
  ws.pageSetup.printArea = 'A1:H40';
  ws.pageSetup.printTitlesRow = '1:2';
  wb.definedNames.add("'DUPONT Marie 02600000002'!$B$2", 'NoteMarie');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function workbookXml(host: XlsxHost): Promise<string> {
  const zip = await JSZip.loadAsync(await host.toBytes());
  return (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
}

describe('XlsxHost renames on the package', () => {
  it('renames a tab with its print area, print titles and defined names, before the updates', async () => {
    const host = await XlsxHost.fromBytes(await saved());
    await host.apply({
      templates: {},
      renames: [{ from: 'DUPONT Marie 02600000002', to: 'DUPONT Marie 02600000003' }],
      add: [],
      replace: [],
      updates: [{ sheet: 'DUPONT Marie 02600000003', cells: [{ r: 1, c: 1, value: 'identité' }] }],
    });
    expect(await host.listSheets()).toEqual(['Suivi E4', 'DUPONT Marie 02600000003']);
    expect(await host.readRanges([{ sheet: 'DUPONT Marie 02600000003', range: 'A1:B2' }])).toEqual([
      [
        ['identité', null],
        [null, 12],
      ],
    ]);
    // A formula that points into the tab follows it; a text that merely says its name does not.
    const recap = (await exceljsOf(host)).getWorksheet('Suivi E4')!;
    expect(recap.getCell('A2').formula).toBe("'DUPONT Marie 02600000003'!B2*2");
    expect(recap.getCell('A3').formula).toBe('"DUPONT Marie 02600000002"');
    const xml = await workbookXml(host);
    expect(xml).not.toContain('02600000002');
    // The apostrophes may be written raw or as &apos;: the same XML text.
    const q = "(?:'|&apos;)";
    expect(xml).toMatch(
      new RegExp(`Print_Area"[^>]*>${q}DUPONT Marie 02600000003${q}!\\$A\\$?1:\\$H\\$?40<`),
    );
    expect(xml).toMatch(new RegExp(`Print_Titles"[^>]*>${q}DUPONT Marie 02600000003${q}!\\$1:\\$2<`));
    expect(xml).toMatch(new RegExp(`name="NoteMarie"[^>]*>${q}DUPONT Marie 02600000003${q}!\\$B\\$2<`));
  });

  it('renames a tab to the same name in other letter cases', async () => {
    const host = await XlsxHost.fromBytes(await saved());
    await host.apply({
      templates: {},
      renames: [{ from: 'DUPONT Marie 02600000002', to: 'Dupont Marie 02600000002' }],
      add: [],
      replace: [],
      updates: [],
    });
    expect(await host.listSheets()).toEqual(['Suivi E4', 'Dupont Marie 02600000002']);
  });

  it('refuses a name another tab has, in French, and renames nothing', async () => {
    const host = await XlsxHost.fromBytes(await saved());
    await expect(
      host.apply({
        templates: {},
        renames: [
          { from: 'DUPONT Marie 02600000002', to: 'DUPONT Marie' },
          { from: 'DUPONT Marie 02600000002', to: 'suivi e4' },
        ],
        add: [],
        replace: [],
        updates: [],
      }),
    ).rejects.toThrow(
      "Un onglet « suivi e4 » existe déjà : l'onglet « DUPONT Marie 02600000002 » ne peut pas prendre ce nom.",
    );
    expect(await host.listSheets()).toEqual(['Suivi E4', 'DUPONT Marie 02600000002']);
  });
});
