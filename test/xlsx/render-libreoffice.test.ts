import JSZip from 'jszip';
import { readFileSync } from 'fs';
import type { SheetSpec } from '../../core/spec/types';
import { renderWorkbookSpec } from '../../xlsx/render';
import {
  convertToCsv,
  convertToPdf,
  describeWithLibreOffice,
  pdfPages,
  pdfText,
  roundTripXlsx,
  tempXlsx,
} from '../helpers/libreoffice';
import { featureSheet, plainSheet } from './sample-spec';

function formulaSheet(): SheetSpec {
  return plainSheet("O'CONNOR Sean", [
    { r: 1, c: 1, value: 'TI' },
    { r: 2, c: 1, value: 'S' },
    { r: 3, c: 1, value: 'TI' },
    { r: 4, c: 1, value: '=1+1' },
    // Cached results that are wrong on purpose: LibreOffice must recalculate, not trust them.
    { r: 1, c: 2, formula: 'COUNTIF(A1:A3,"TI")', value: 99 },
    {
      r: 2,
      c: 2,
      formula: 'IF(B1>=2,"Saisie complète","Saisie incomplète : "&(2-B1)&" élément(s) manquant(s)")',
      value: 'périmé',
    },
    { r: 3, c: 2, formula: '\'Suivi E4\'!A1&" / "&A4' },
    { r: 5, c: 1, value: 'Aller au suivi', link: { sheet: 'Suivi E4', cell: 'A1' } },
  ]);
}

describeWithLibreOffice('rendered workbooks in LibreOffice', () => {
  it('recalculates COUNTIF / IF / & formulas and keeps text as text', async () => {
    const path = tempXlsx(
      await renderWorkbookSpec({
        title: 't',
        sheets: [plainSheet('Suivi E4', [{ r: 1, c: 1, value: 'Suivi' }]), formulaSheet()],
      }),
    );
    const rows = await convertToCsv(path, 2);
    expect(rows[0]).toEqual(['TI', '2']);
    expect(rows[1]).toEqual(['S', 'Saisie complète']);
    expect(rows[2]).toEqual(['TI', 'Suivi / =1+1']);
    expect(rows[3][0]).toBe('=1+1');
  });

  it('keeps the internal link as a link inside the workbook after LibreOffice saves it', async () => {
    const path = tempXlsx(
      await renderWorkbookSpec({ title: 't', sheets: [plainSheet('Suivi E4'), formulaSheet()] }),
    );
    const saved = await roundTripXlsx(path);
    const zip = await JSZip.loadAsync(readFileSync(saved));
    const sheet = (await zip.file('xl/worksheets/sheet2.xml')?.async('string')) ?? '';
    const link = /<hyperlink\b[^>]*>/.exec(sheet)?.[0] ?? '';
    // LibreOffice writes back what it understood: an external link would come back as r:id + a file target.
    expect(link).toContain('ref="A5"');
    expect(link).toMatch(/location="(&apos;|')Suivi E4(&apos;|')!A1"/);
    expect(link).not.toContain('r:id');
  });

  it('prints a sheet with one row break on exactly two A4 pages, footer numbered per page', async () => {
    const sheet = featureSheet();
    const path = tempXlsx(await renderWorkbookSpec({ title: 't', sheets: [sheet] }));
    const pdf = await convertToPdf(path);
    expect(pdfPages(pdf)).toBe(2);
    expect(pdfText(pdf, 1)).toContain('Grille E4');
    expect(pdfText(pdf, 2)).toContain('Page 2');
    expect(pdfText(pdf, 2)).toMatch(/Page 2 \/ 2/);
  });
});
