import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { withStatisticsCharts } from '../../../xlsx/charts';
import { renderWorkbookSpec } from '../../../xlsx/render';
import {
  convertToPdf,
  describeWithLibreOffice,
  pdfPages,
  pdfText,
  tempXlsx,
} from '../../helpers/libreoffice';
import { sampleConsolidation } from './stats-sample';

/** Pixels of one colour (± a little, for anti-aliasing) on a page rendered by pdftoppm as PPM. */
function pixelsOfColour(pdf: string, page: number, rgb: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'grilles-ppm-'));
  const r = spawnSync('pdftoppm', ['-r', '60', '-f', String(page), '-l', String(page), pdf, join(dir, 'p')]);
  if (r.status !== 0) throw new Error(`pdftoppm : ${r.stderr}`);
  const data = readFileSync(join(dir, readdirSync(dir)[0]));
  // P6 header: magic, width, height, max value, then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('PPM illisible');
  const start = header[0].length;
  const [tr, tg, tb] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16));
  let count = 0;
  for (let i = start; i + 2 < data.length; i += 3)
    if (Math.abs(data[i] - tr) < 12 && Math.abs(data[i + 1] - tg) < 12 && Math.abs(data[i + 2] - tb) < 12)
      count++;
  return count;
}

function pageOf(pdf: string, text: string): number {
  for (let page = 1; page <= pdfPages(pdf); page++) if (pdfText(pdf, page).includes(text)) return page;
  return 0;
}

describeWithLibreOffice('statistics charts printed by LibreOffice', () => {
  it('draws the four charts in the PDF, each on the page of its sheet', async () => {
    const run = sampleConsolidation();
    const bytes = await withStatisticsCharts(await renderWorkbookSpec(run.workbook), run.workbook);
    const pdf = await convertToPdf(tempXlsx(bytes, 'statistiques-E4.xlsx'));
    const titles = [
      'Répartition des notes par tranche',
      'Moyenne par classeur',
      'Nombre de notes par point',
      'Part de chaque niveau par critère',
    ];
    const pages = titles.map((t) => pageOf(pdf, t));
    expect(pages).toEqual([1, 2, 3, 4]);
    expect(pdfText(pdf, 1)).toContain('Nombre de candidats');
    // The bars themselves: the chart blue on « Synthèse » (whose table has no such fill), and the
    // green of the TS level on « Compétences », a colour nothing else on the page uses.
    const plain = await convertToPdf(tempXlsx(await renderWorkbookSpec(run.workbook), 'sans-graphique.xlsx'));
    expect(pixelsOfColour(pdf, 1, '2F5597')).toBeGreaterThan(500);
    expect(pixelsOfColour(plain, 1, '2F5597')).toBeLessThan(50);
    expect(pixelsOfColour(pdf, 4, '548235')).toBeGreaterThan(500);
    expect(pixelsOfColour(plain, pageOf(plain, 'Niveaux atteints par critère'), '548235')).toBe(0);
  }, 180_000);
});
