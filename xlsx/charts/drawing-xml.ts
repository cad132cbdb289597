import type { ChartSpec } from '../../core/stats/charts';
import { encodeXml } from '../package/xml';

/** The drawing part of one sheet (xl/drawings/drawingN.xml): where each chart of the sheet sits. */

function marker(tag: 'from' | 'to', col: number, row: number): string {
  return `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

function anchor(chart: ChartSpec, relId: string, shapeId: number): string {
  const a = chart.anchor;
  // Drawing markers count from 0; the anchor's cells count from 1. « to » is the cell just past the chart.
  return [
    '<xdr:twoCellAnchor editAs="oneCell">',
    marker('from', a.col - 1, a.row - 1),
    marker('to', a.col - 1 + a.cols, a.row - 1 + a.rows),
    '<xdr:graphicFrame macro="">',
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${encodeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>',
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">',
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${relId}"/>`,
    '</a:graphicData></a:graphic>',
    '</xdr:graphicFrame>',
    '<xdr:clientData/>',
    '</xdr:twoCellAnchor>',
  ].join('');
}

export function drawingXml(charts: ReadonlyArray<{ chart: ChartSpec; relId: string }>): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    ...charts.map((c, i) => anchor(c.chart, c.relId, i + 2)),
    '</xdr:wsDr>',
  ].join('');
}
