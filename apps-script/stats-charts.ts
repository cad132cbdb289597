/// <reference types="google-apps-script" />
import { E4 } from '../core/referentiel';
import type { WorkbookSpec } from '../core/spec';
import { statisticsCharts, type ChartRange, type ChartSpec } from '../core/stats/charts';
import { color } from './sheet-requests';
import { widthToPixels } from './sheet-units';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;

/** Fields of the Sheets API that the bundled typings lack (they are older than the API). */
type Axis = GoogleAppsScript.Sheets.Schema.BasicChartAxis & {
  viewWindowOptions?: { viewWindowMin?: number; viewWindowMax?: number; viewWindowMode?: string };
};
type Series = GoogleAppsScript.Sheets.Schema.BasicChartSeries & { dataLabel?: { type: string } };

/** Default row height of a new spreadsheet, in pixels. */
const ROW_PIXELS = 21;

function grid(range: ChartRange, sheetId: number, fromRow = range.r1): GridRange {
  return {
    sheetId,
    startRowIndex: fromRow - 1,
    endRowIndex: range.r2,
    startColumnIndex: range.c1 - 1,
    endColumnIndex: range.c2,
  };
}

/**
 * One chart as an addChart request, on the same cells as the .xlsx chart. Several series take their names
 * from the header row above the figures (headerCount 1): the API has no other way to name a series.
 */
function addChart(chart: ChartSpec, spec: WorkbookSpec, sheetId: number): Request {
  const horizontal = chart.direction === 'bar';
  const named = chart.series.length > 1;
  const from = (r: ChartRange): number => (named ? r.r1 - 1 : r.r1);
  const valueAxis: Axis = {
    position: horizontal ? 'BOTTOM_AXIS' : 'LEFT_AXIS',
    title: chart.valueAxis.title,
  };
  // A stacked-to-100 % chart has its own scale; the others start at 0 (and the means end at 20).
  if (chart.grouping !== 'percentStacked')
    valueAxis.viewWindowOptions = {
      viewWindowMode: 'EXPLICIT',
      viewWindowMin: chart.valueAxis.min,
      viewWindowMax: chart.valueAxis.max,
    };
  const series: Series[] = chart.series.map((s) => ({
    series: { sourceRange: { sources: [grid(s.values, sheetId, from(s.values))] } },
    targetAxis: horizontal ? 'BOTTOM_AXIS' : 'LEFT_AXIS',
    color: color(s.color),
    ...(chart.dataLabels ? { dataLabel: { type: 'DATA' } } : {}),
  }));
  const sheet = spec.sheets.find((s) => s.name === chart.sheet);
  const width = (sheet?.columns ?? [])
    .slice(chart.anchor.col - 1, chart.anchor.col - 1 + chart.anchor.cols)
    .reduce((sum, c) => sum + widthToPixels(c.width), 0);
  // Anchored on the last row of the sheet (a new spreadsheet has no row beyond it), then moved down.
  const lastRow = sheet?.size.rows ?? 1;
  return {
    addChart: {
      chart: {
        spec: {
          title: chart.title,
          basicChart: {
            chartType: horizontal ? 'BAR' : 'COLUMN',
            stackedType: chart.grouping === 'percentStacked' ? 'PERCENT_STACKED' : 'NOT_STACKED',
            legendPosition: named ? 'BOTTOM_LEGEND' : 'NO_LEGEND',
            headerCount: named ? 1 : 0,
            axis: [valueAxis],
            domains: [
              {
                domain: {
                  sourceRange: { sources: [grid(chart.categories, sheetId, from(chart.categories))] },
                },
              },
            ],
            series,
          },
        },
        position: {
          overlayPosition: {
            anchorCell: { sheetId, rowIndex: lastRow - 1, columnIndex: chart.anchor.col - 1 },
            offsetYPixels: (chart.anchor.row - lastRow) * ROW_PIXELS,
            widthPixels: Math.max(width, 480),
            heightPixels: chart.anchor.rows * ROW_PIXELS,
          },
        },
      },
    },
  };
}

/**
 * The charts of the statistics workbook (core/stats/charts: the same as in the .xlsx) as addChart requests,
 * sent in the batchUpdate that fills the new spreadsheet. `gids`: sheet name → sheetId.
 */
export function statsChartRequests(spec: WorkbookSpec, gids: Map<string, number>): Request[] {
  return statisticsCharts(E4, spec).flatMap((chart) => {
    const sheetId = gids.get(chart.sheet);
    return sheetId === undefined ? [] : [addChart(chart, spec, sheetId)];
  });
}
