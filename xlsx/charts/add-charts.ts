import type JSZip from 'jszip';
import type { ChartSpec } from '../../core/stats/charts';
import { columnLetter } from '../../core/spec/a1';
import { attributes, decodeXml, encodeXml, loadZip, readText, relsPath, sheetParts } from '../package/xml';
import { worksheetInsertionPoint } from '../package/worksheet-order';
import { chartXml } from './chart-xml';
import { drawingXml } from './drawing-xml';

/**
 * Native charts added to an .xlsx written by exceljs, which cannot write charts: one drawing part per sheet
 * holding charts, one chart part per chart, their relationships and content types, and the print area
 * grown to take the charts in (so that they print and LibreOffice puts them in the PDF). Free of Node
 * APIs, like the rest of the package code, so the Excel add-in can run it too.
 */

const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function insertDrawing(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  const at = worksheetInsertionPoint(sheetXml, 'drawing');
  let xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  // The r: prefix must be declared on the worksheet element (exceljs declares it; another writer may not).
  if (!/<worksheet\b[^>]*\bxmlns:r=/.test(xml))
    xml = xml.replace(
      /<worksheet\b/,
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    );
  return xml;
}

/** Adds a relationship to a rels part (created when missing); returns its new id. */
async function addRelationship(zip: JSZip, relsFile: string, type: string, target: string): Promise<string> {
  const xml =
    (await readText(zip, relsFile)) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${RELS_NS}"></Relationships>`;
  const used = new Set([...xml.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${encodeXml(target)}"/>`;
  zip.file(relsFile, xml.replace('</Relationships>', `${rel}</Relationships>`));
  return id;
}

async function addContentTypes(zip: JSZip, overrides: Array<[string, string]>): Promise<void> {
  const xml = (await readText(zip, '[Content_Types].xml')) ?? '';
  const added = overrides
    .map(([part, type]) => `<Override PartName="/${encodeXml(part)}" ContentType="${type}"/>`)
    .join('');
  zip.file('[Content_Types].xml', xml.replace('</Types>', `${added}</Types>`));
}

function freeIndex(zip: JSZip, folder: string, stem: string): (n: number) => number {
  return (start) => {
    let n = start;
    while (zip.file(`${folder}/${stem}${n}.xml`)) n++;
    return n;
  };
}

/** « 'Synthèse'!$A$1:$D$40 » grown to cover rows..row2 and columns..col2. */
export function grownArea(body: string, rows: number, cols: number): string {
  const area = decodeXml(body);
  const bang = area.lastIndexOf('!');
  const m = /\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(area.slice(bang + 1));
  if (!m) return body;
  const lastCol = Math.max(
    cols,
    m[3].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0),
  );
  const lastRow = Math.max(rows, Number(m[4]));
  return encodeXml(`${area.slice(0, bang)}!$${m[1]}$${m[2]}:$${columnLetter(lastCol)}$${lastRow}`);
}

async function growPrintAreas(zip: JSZip, ends: Map<number, { rows: number; cols: number }>): Promise<void> {
  const xml = await readText(zip, 'xl/workbook.xml');
  if (xml === null) return;
  const fixed = xml.replace(
    /(<definedName\b[^>]*\bname="_xlnm\.Print_Area"[^>]*>)([^<]*)(<\/definedName>)/g,
    (whole, open: string, body: string, close: string) => {
      const end = ends.get(Number(attributes(open).localSheetId));
      return end ? `${open}${grownArea(body, end.rows, end.cols)}${close}` : whole;
    },
  );
  zip.file('xl/workbook.xml', fixed);
}

/** The .xlsx bytes with these charts drawn on their sheets; unchanged when there is no chart. */
export async function addCharts(bytes: Uint8Array, charts: readonly ChartSpec[]): Promise<Uint8Array> {
  if (charts.length === 0) return bytes;
  const zip = await loadZip(bytes);
  const sheets = await sheetParts(zip);
  const nextChart = freeIndex(zip, 'xl/charts', 'chart');
  const nextDrawing = freeIndex(zip, 'xl/drawings', 'drawing');
  const overrides: Array<[string, string]> = [];
  const ends = new Map<number, { rows: number; cols: number }>();
  let chartNo = 0;
  let drawingNo = 0;
  for (const sheet of sheets) {
    const own = charts.filter((c) => c.sheet === sheet.name);
    if (own.length === 0 || sheet.kind !== 'worksheet') continue;
    drawingNo = nextDrawing(drawingNo + 1);
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const placed: Array<{ chart: ChartSpec; relId: string }> = [];
    for (const chart of own) {
      chartNo = nextChart(chartNo + 1);
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPath, chartXml(chart));
      overrides.push([chartPath, CT_CHART]);
      const relId = await addRelationship(
        zip,
        relsPath(drawingPath),
        REL_CHART,
        `../charts/chart${chartNo}.xml`,
      );
      placed.push({ chart, relId });
    }
    zip.file(drawingPath, drawingXml(placed));
    overrides.push([drawingPath, CT_DRAWING]);
    const relId = await addRelationship(
      zip,
      relsPath(sheet.path),
      REL_DRAWING,
      `../drawings/drawing${drawingNo}.xml`,
    );
    zip.file(sheet.path, insertDrawing((await readText(zip, sheet.path)) ?? '', relId));
    ends.set(sheet.index, {
      rows: Math.max(...own.map((c) => c.anchor.row + c.anchor.rows - 1)),
      cols: Math.max(...own.map((c) => c.anchor.col + c.anchor.cols - 1)),
    });
  }
  await addContentTypes(zip, overrides);
  await growPrintAreas(zip, ends);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
