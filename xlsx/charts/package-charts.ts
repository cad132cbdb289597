import type { ChartSpec } from '../../core/stats/charts';
import { addOverrides, CONTENT_TYPES, overrideTag } from '../package/content-types';
import type { OpcPackage } from '../package/opc';
import { addRelationships, relationshipTag } from '../package/workbook-edit';
import { readWorkbook } from '../package/workbook-xml';
import { attributes, relationships, relsPath } from '../package/xml';
import { grownArea, insertDrawing } from './add-charts';
import { chartXml } from './chart-xml';
import { drawingXml } from './drawing-xml';

/**
 * The charts drawn on their sheets of a package in memory (the statistics workbook the package engine
 * builds): one drawing part per sheet holding charts, one chart part per chart, their relationships and
 * content types, and the print area grown to take the charts in. The same parts as `addCharts`, without
 * unzipping and zipping again.
 */

const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

function freePath(pkg: OpcPackage, folder: string, stem: string, from: number): number {
  let n = from;
  while (pkg.has(`${folder}/${stem}${n}.xml`)) n++;
  return n;
}

/** Adds a relationship to the rels part of `part` (created when missing); returns its id. */
function addRelationship(pkg: OpcPackage, part: string, type: string, target: string): string {
  const file = relsPath(part);
  const xml = pkg.text(file);
  const used = new Set(relationships(xml ?? '').map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  pkg.setText(file, addRelationships(xml, [relationshipTag({ id, type, target })]));
  return id;
}

export function addChartsToPackage(pkg: OpcPackage, charts: readonly ChartSpec[]): void {
  if (charts.length === 0) return;
  const wb = readWorkbook(pkg);
  const overrides: string[] = [];
  const ends = new Map<number, { rows: number; cols: number }>();
  let chartNo = 0;
  let drawingNo = 0;
  wb.sheets.forEach((sheet, index) => {
    const own = charts.filter((c) => c.sheet === sheet.name);
    if (own.length === 0 || sheet.kind !== 'worksheet' || sheet.path === '') return;
    drawingNo = freePath(pkg, 'xl/drawings', 'drawing', drawingNo + 1);
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const placed = own.map((chart) => {
      chartNo = freePath(pkg, 'xl/charts', 'chart', chartNo + 1);
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      pkg.setText(chartPath, chartXml(chart));
      overrides.push(overrideTag(chartPath, CT_CHART));
      return { chart, relId: addRelationship(pkg, drawingPath, REL_CHART, `../charts/chart${chartNo}.xml`) };
    });
    pkg.setText(drawingPath, drawingXml(placed));
    overrides.push(overrideTag(drawingPath, CT_DRAWING));
    const relId = addRelationship(pkg, sheet.path, REL_DRAWING, `../drawings/drawing${drawingNo}.xml`);
    pkg.setText(sheet.path, insertDrawing(pkg.required(sheet.path), relId));
    ends.set(index, {
      rows: Math.max(...own.map((c) => c.anchor.row + c.anchor.rows - 1)),
      cols: Math.max(...own.map((c) => c.anchor.col + c.anchor.cols - 1)),
    });
  });
  pkg.setText(CONTENT_TYPES, addOverrides(pkg.required(CONTENT_TYPES), overrides));
  const grown = pkg
    .required(wb.path)
    .replace(
      /(<definedName\b[^>]*\bname="_xlnm\.Print_Area"[^>]*>)([^<]*)(<\/definedName>)/g,
      (whole, open: string, body: string, close: string) => {
        const end = ends.get(Number(attributes(open).localSheetId));
        return end ? `${open}${grownArea(body, end.rows, end.cols)}${close}` : whole;
      },
    );
  pkg.setText(wb.path, grown);
}
