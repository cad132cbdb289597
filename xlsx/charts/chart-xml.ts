import type { ChartRange, ChartSeries, ChartSpec } from '../../core/stats/charts';
import { columnLetter, quoteSheet } from '../../core/spec/a1';
import { encodeXml } from '../package/xml';

/**
 * One chart as a DrawingML chart part (xl/charts/chartN.xml). Elements are written in the order the
 * schema requires: Excel refuses a file whose chart elements are out of order ("repair" prompt).
 */

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const CAT_AXIS = 50010;
const VAL_AXIS = 50020;

/** 'Synthèse'!$A$20:$A$26 */
export function rangeFormula(range: ChartRange): string {
  const from = `$${columnLetter(range.c1)}$${range.r1}`;
  const to = `$${columnLetter(range.c2)}$${range.r2}`;
  return `${quoteSheet(range.sheet)}!${from}:${to}`;
}

function rich(text: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr>` +
    `<a:r><a:rPr lang="fr-FR" sz="${size}"${b}/><a:t>${encodeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, size: number): string {
  return `<c:title>${rich(text, size, true)}<c:overlay val="0"/></c:title>`;
}

function strCache(values: readonly string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${encodeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: ReadonlyArray<number | null>): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function fill(color: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
}

const DATA_LABELS =
  '<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/>' +
  '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';

function series(chart: ChartSpec, s: ChartSeries, i: number): string {
  return [
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>`,
    `<c:tx><c:v>${encodeXml(s.name)}</c:v></c:tx>`,
    fill(s.color),
    '<c:invertIfNegative val="0"/>',
    chart.dataLabels ? DATA_LABELS : '',
    `<c:cat><c:strRef><c:f>${encodeXml(rangeFormula(chart.categories))}</c:f>${strCache(chart.categoryCache)}</c:strRef></c:cat>`,
    `<c:val><c:numRef><c:f>${encodeXml(rangeFormula(s.values))}</c:f>${numCache(s.cache)}</c:numRef></c:val>`,
    '</c:ser>',
  ].join('');
}

function scaling(min: number | undefined, max: number | undefined, reversed: boolean): string {
  const orientation = `<c:orientation val="${reversed ? 'maxMin' : 'minMax'}"/>`;
  const bounds = `${max === undefined ? '' : `<c:max val="${max}"/>`}${min === undefined ? '' : `<c:min val="${min}"/>`}`;
  return `<c:scaling>${orientation}${bounds}</c:scaling>`;
}

function axes(chart: ChartSpec): string {
  const horizontal = chart.direction === 'bar';
  const v = chart.valueAxis;
  const cat = [
    `<c:catAx><c:axId val="${CAT_AXIS}"/>`,
    // Horizontal bars read from the top: the first criterion (or workbook) comes first, as in the table.
    scaling(undefined, undefined, horizontal),
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>`,
    '<c:numFmt formatCode="General" sourceLinked="0"/>',
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>',
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${horizontal ? 700 : 900}"/></a:pPr><a:endParaRPr lang="fr-FR"/></a:p></c:txPr>`,
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/>`,
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>',
    '</c:catAx>',
  ].join('');
  const val = [
    `<c:valAx><c:axId val="${VAL_AXIS}"/>`,
    scaling(v.min, v.max, false),
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/>`,
    '<c:majorGridlines/>',
    `<c:title>${rich(v.title, 900, false)}<c:overlay val="0"/></c:title>`,
    `<c:numFmt formatCode="${encodeXml(v.format)}" sourceLinked="0"/>`,
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>',
    // With the categories reversed, the value axis would cross at the top: keep it at the bottom.
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/>`,
    '<c:crossBetween val="between"/>',
    '</c:valAx>',
  ].join('');
  return cat + val;
}

export function chartXml(chart: ChartSpec): string {
  const stacked = chart.grouping === 'percentStacked';
  const bar = [
    '<c:barChart>',
    `<c:barDir val="${chart.direction === 'bar' ? 'bar' : 'col'}"/>`,
    `<c:grouping val="${chart.grouping}"/><c:varyColors val="0"/>`,
    chart.series.map((s, i) => series(chart, s, i)).join(''),
    `<c:gapWidth val="${stacked ? 40 : 60}"/>`,
    stacked ? '<c:overlap val="100"/>' : '',
    `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/>`,
    '</c:barChart>',
  ].join('');
  const legend =
    chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<c:chartSpace ${NS}>`,
    '<c:lang val="fr-FR"/><c:roundedCorners val="0"/>',
    '<c:chart>',
    title(chart.title, 1200),
    '<c:autoTitleDeleted val="0"/>',
    `<c:plotArea><c:layout/>${bar}${axes(chart)}</c:plotArea>`,
    legend,
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>',
    '</c:chart>',
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>',
    '</c:chartSpace>',
  ].join('');
}
