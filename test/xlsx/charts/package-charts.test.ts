import { withStatisticsCharts } from '../../../xlsx/charts';
import { XlsxHost } from '../../../xlsx/host';
import { newWorkbookBytes } from '../../../xlsx/new-workbook';
import { contentTypes, CONTENT_TYPES } from '../../../xlsx/package/content-types';
import { OpcPackage } from '../../../xlsx/package/opc';
import { readWorkbook } from '../../../xlsx/package/workbook-xml';
import { attributes, relationships, relsPath, resolveTarget, tags } from '../../../xlsx/package/xml';
import { renderWorkbookSpec } from '../../../xlsx/render';
import {
  convertToPdf,
  describeWithLibreOffice,
  pdfPages,
  pdfText,
  tempXlsx,
} from '../../helpers/libreoffice';
import { sampleConsolidation } from './stats-sample';

/**
 * The statistics workbook the package engine writes (no exceljs, no second unzip) carries the same native
 * charts as the exceljs workbook with the charts added afterwards: same chart parts reached from the same
 * sheets, same grown print areas, every part typed.
 */

interface Charted {
  /** Sheet name → the chart parts' XML reached from it (sheet → drawing → charts). */
  charts: Record<string, string[]>;
  printAreas: string[];
  untyped: string[];
}

function chartsOf(bytes: Uint8Array): Charted {
  const pkg = OpcPackage.fromBytes(bytes);
  const wb = readWorkbook(pkg);
  const charts: Record<string, string[]> = {};
  for (const sheet of wb.sheets) {
    const rels = relationships(pkg.text(relsPath(sheet.path)) ?? '');
    for (const drawing of tags(pkg.required(sheet.path), 'drawing')) {
      const rel = rels.find((r) => r.id === attributes(drawing)['r:id']);
      const drawingPath = resolveTarget(sheet.path, rel?.target ?? '');
      const chartRels = relationships(pkg.text(relsPath(drawingPath)) ?? '');
      charts[sheet.name] = tags(pkg.required(drawingPath), 'c:chart').map((ref) => {
        const chartRel = chartRels.find((r) => r.id === attributes(ref)['r:id']);
        return pkg.required(resolveTarget(drawingPath, chartRel?.target ?? ''));
      });
    }
  }
  const typeOf = contentTypes(pkg.required(CONTENT_TYPES));
  return {
    charts,
    printAreas:
      pkg.required(wb.path).match(/<definedName name="_xlnm.Print_Area"[^>]*>[^<]*<\/definedName>/g) ?? [],
    untyped: pkg.names().filter((n) => n !== CONTENT_TYPES && typeOf(n) === undefined),
  };
}

describe('statistics workbook written by the package engine', () => {
  it('draws the same four charts on the same sheets, with the same print areas, as exceljs plus addCharts', async () => {
    const run = sampleConsolidation();
    const native = chartsOf(await newWorkbookBytes(run.workbook));
    const before = chartsOf(await withStatisticsCharts(await renderWorkbookSpec(run.workbook), run.workbook));
    expect(Object.keys(native.charts)).toEqual(['Synthèse', 'Classeurs', 'Répartition', 'Compétences']);
    expect(native.charts).toEqual(before.charts);
    expect(native.printAreas).toEqual(before.printAreas);
    expect(native.printAreas[0]).toMatch(/&apos;Synthèse&apos;!\$A\$1:\$D\$\d+</);
    expect(native.untyped).toEqual([]);
  });

  it('reads back with the values of the spec, and adds no chart to another workbook', async () => {
    const run = sampleConsolidation();
    const host = await XlsxHost.fromBytes(await newWorkbookBytes(run.workbook));
    expect(await host.listSheets()).toEqual(run.workbook.sheets.map((s) => s.name));
    const [synthese] = await host.readRanges([{ sheet: 'Synthèse', range: 'A1' }]);
    expect(synthese[0][0]).toBe(run.workbook.sheets[0].cells.find((c) => c.r === 1 && c.c === 1)?.value);
    const other = { title: 'autre', sheets: run.workbook.sheets.filter((s) => s.name === 'Commissions') };
    expect(chartsOf(await newWorkbookBytes(other)).charts).toEqual({});
  });
});

describeWithLibreOffice('statistics workbook of the package engine printed by LibreOffice', () => {
  it('prints each chart on the page of its sheet', async () => {
    const run = sampleConsolidation();
    const pdf = await convertToPdf(tempXlsx(await newWorkbookBytes(run.workbook), 'statistiques-E4.xlsx'));
    const pageOf = (text: string): number => {
      for (let page = 1; page <= pdfPages(pdf); page++) if (pdfText(pdf, page).includes(text)) return page;
      return 0;
    };
    expect(
      [
        'Répartition des notes par tranche',
        'Moyenne par classeur',
        'Nombre de notes par point',
        'Part de chaque niveau par critère',
      ].map(pageOf),
    ).toEqual([1, 2, 3, 4]);
    expect(pdfText(pdf, 1)).toContain('Nombre de candidats');
  }, 180_000);
});
