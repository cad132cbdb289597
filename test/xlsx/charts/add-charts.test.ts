import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { E4 } from '../../../core/referentiel';
import { statisticsCharts } from '../../../core/stats/charts';
import { renderWithStatisticsCharts, withStatisticsCharts } from '../../../xlsx/charts';
import { XlsxHost } from '../../../xlsx/host';
import {
  attributes,
  loadZip,
  readText,
  relationships,
  relsPath,
  resolveTarget,
  sheetParts,
  tags,
} from '../../../xlsx/package/xml';
import { renderWorkbookSpec } from '../../../xlsx/render';
import { sampleConsolidation } from './stats-sample';

async function charted(): Promise<{ before: Uint8Array; after: Uint8Array }> {
  const run = sampleConsolidation();
  const before = await renderWorkbookSpec(run.workbook);
  return { before, after: await withStatisticsCharts(before, run.workbook) };
}

/** Well-formed XML, checked by libxml2's xmllint (installed with the project's tools). */
function wellFormed(xml: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'grilles-chart-')), 'part.xml');
  writeFileSync(path, xml);
  const r = spawnSync('xmllint', ['--noout', path], { encoding: 'utf8' });
  return r.status === 0 ? 'ok' : r.stderr;
}

describe('statistics charts in the .xlsx package', () => {
  it('defines the four charts on the cells that hold their figures', () => {
    const run = sampleConsolidation();
    const charts = statisticsCharts(E4, run.workbook);
    expect(charts.map((c) => [c.sheet, c.title])).toEqual([
      ['Synthèse', 'Répartition des notes par tranche'],
      ['Répartition', 'Nombre de notes par point'],
      ['Compétences', 'Part de chaque niveau par critère (candidats positionnés)'],
      ['Classeurs', 'Moyenne par classeur'],
    ]);
    const bands = charts[0];
    expect(bands.categoryCache).toEqual(run.stats.bands.map((b) => b.band.label));
    expect(bands.series[0].cache).toEqual(run.stats.bands.map((b) => b.count));
    const levels = charts[2];
    expect(levels.series.map((s) => s.name)).toEqual(['TI', 'I', 'S', 'TS']);
    expect(levels.categoryCache).toEqual(run.stats.criteria.map((c) => c.wording));
    expect(levels.series[3].cache).toEqual(run.stats.criteria.map((c) => c.levels[3].count));
    expect(charts[3].categoryCache).toEqual(['ndrc2a-grilles.xlsx', 'ndrc2b-grilles.xlsx']);
    expect(charts[3].series[0].cache).toEqual(run.sources.map((s) => s.mean));
  });

  it('has no « Classeurs » chart for a single workbook', () => {
    const run = sampleConsolidation();
    const single = { ...run.workbook, sheets: run.workbook.sheets.filter((s) => s.name !== 'Classeurs') };
    expect(statisticsCharts(E4, single).map((c) => c.sheet)).toEqual([
      'Synthèse',
      'Répartition',
      'Compétences',
    ]);
  });

  it('writes chart, drawing, relationship and content-type parts that lead from each sheet to its chart', async () => {
    const { after } = await charted();
    const zip = await loadZip(after);
    const types = (await readText(zip, '[Content_Types].xml')) ?? '';
    const found: Array<[string, string]> = [];
    for (const sheet of await sheetParts(zip)) {
      const xml = (await readText(zip, sheet.path)) ?? '';
      const drawing = tags(xml, 'drawing');
      if (sheet.name === 'Commissions') {
        expect(drawing).toHaveLength(0);
        continue;
      }
      expect(drawing).toHaveLength(1);
      // Schema order: <drawing> after the page setup and footer, last here.
      expect(xml.indexOf('<drawing ')).toBeGreaterThan(xml.indexOf('<headerFooter'));
      const rel = relationships((await readText(zip, relsPath(sheet.path))) ?? '').find(
        (r) => r.id === attributes(drawing[0])['r:id'],
      );
      expect(rel?.type).toMatch(/\/relationships\/drawing$/);
      const drawingPath = resolveTarget(sheet.path, rel?.target ?? '');
      const drawingXml = (await readText(zip, drawingPath)) ?? '';
      expect(wellFormed(drawingXml)).toBe('ok');
      expect(types).toContain(
        `PartName="/${drawingPath}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`,
      );
      const chartRels = relationships((await readText(zip, relsPath(drawingPath))) ?? '');
      for (const anchorRef of tags(drawingXml, 'chart')) {
        const chartRel = chartRels.find((r) => r.id === attributes(anchorRef)['r:id']);
        expect(chartRel?.type).toMatch(/\/relationships\/chart$/);
        const chartPath = resolveTarget(drawingPath, chartRel?.target ?? '');
        const chartXml = (await readText(zip, chartPath)) ?? '';
        expect(wellFormed(chartXml)).toBe('ok');
        expect(types).toContain(
          `PartName="/${chartPath}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`,
        );
        const formula = /<c:f>([^<]*)<\/c:f>/.exec(chartXml)?.[1] ?? '';
        found.push([sheet.name, formula]);
      }
    }
    expect(found.map(([sheet]) => sheet)).toEqual(['Synthèse', 'Classeurs', 'Répartition', 'Compétences']);
    for (const [sheet, formula] of found) expect(formula.startsWith(`&apos;${sheet}&apos;!$`)).toBe(true);
  });

  it('grows each print area over its chart, and changes no value of the workbook', async () => {
    const { before, after } = await charted();
    const workbook = (await readText(await loadZip(after), 'xl/workbook.xml')) ?? '';
    expect(workbook).toMatch(/localSheetId="0">&apos;Synthèse&apos;!\$A\$1:\$D\$\d+</);
    const area = (xml: string): number => Number(/localSheetId="0">[^<]*\$(\d+)</.exec(xml)?.[1] ?? 0);
    const original = (await readText(await loadZip(before), 'xl/workbook.xml')) ?? '';
    expect(area(workbook)).toBeGreaterThanOrEqual(area(original) + 18);
    const a = await XlsxHost.fromBytes(before);
    const b = await XlsxHost.fromBytes(after);
    const names = await a.listSheets();
    expect(await b.listSheets()).toEqual(names);
    const requests = names.map((sheet) => ({ sheet }));
    expect(await b.readRanges(requests)).toEqual(await a.readRanges(requests));
  });

  it('leaves a workbook without charts byte for byte', async () => {
    const { before } = await charted();
    expect(await withStatisticsCharts(before, { title: 'vide', sheets: [] })).toBe(before);
  });

  it('gives the Excel pane the charts with the statistics workbook, and none to another workbook', async () => {
    const run = sampleConsolidation();
    const chartParts = async (bytes: Uint8Array): Promise<string[]> =>
      Object.keys((await loadZip(bytes)).files).filter((f) => f.startsWith('xl/charts/chart'));
    expect(await chartParts(await renderWithStatisticsCharts(run.workbook))).toHaveLength(4);
    const other = { title: 'autre', sheets: run.workbook.sheets.filter((s) => s.name === 'Commissions') };
    expect(await chartParts(await renderWithStatisticsCharts(other))).toHaveLength(0);
  });
});
