import { statsChartRequests } from '../../apps-script/stats-charts';
import { createStatsSpreadsheet } from '../../apps-script/stats-spreadsheet';
import { sampleConsolidation } from '../xlsx/charts/stats-sample';
import { FakeSheetsApi } from '../fakes/apps-script/services';
import { CallLog } from '../fakes/apps-script/calls';

describe('statistics charts in Google Sheets', () => {
  const run = sampleConsolidation();
  const gids = new Map(run.workbook.sheets.map((s, i) => [s.name, i]));

  it('asks for the four charts on the cells of their figures', () => {
    const requests = statsChartRequests(run.workbook, gids);
    const charts = requests.map((r) => r.addChart?.chart);
    expect(charts.map((c) => c?.spec?.title)).toEqual([
      'Répartition des notes par tranche',
      'Nombre de notes par point',
      'Part de chaque niveau par critère (candidats positionnés)',
      'Moyenne par classeur',
    ]);
    const synthese = run.workbook.sheets[0];
    const firstBand = synthese.cells.find((c) => c.c === 1 && c.value === '[0 ; 5[');
    const bands = charts[0]?.spec?.basicChart;
    expect(bands?.chartType).toBe('COLUMN');
    expect(bands?.domains?.[0].domain?.sourceRange?.sources?.[0]).toEqual({
      sheetId: 0,
      startRowIndex: (firstBand?.r ?? 0) - 1,
      endRowIndex: (firstBand?.r ?? 0) + 6,
      startColumnIndex: 0,
      endColumnIndex: 1,
    });
    const levels = charts[2]?.spec?.basicChart;
    expect(levels).toMatchObject({ chartType: 'BAR', stackedType: 'PERCENT_STACKED', headerCount: 1 });
    expect(levels?.series).toHaveLength(4);
    // With a header row, the series are named TI, I, S, TS by the cells above them.
    const competences = run.workbook.sheets.find((s) => s.name === 'Compétences');
    const start = levels?.series?.[0].series?.sourceRange?.sources?.[0];
    const header = competences?.cells.find(
      (c) => c.r === (start?.startRowIndex ?? -1) + 1 && c.c === (start?.startColumnIndex ?? -1) + 1,
    );
    expect(header?.value).toBe('TI');
    expect(charts[3]?.position?.overlayPosition?.anchorCell?.sheetId).toBe(gids.get('Classeurs'));
  });

  it('sends them in the one batchUpdate that fills the new spreadsheet', () => {
    const calls = new CallLog();
    const api = new FakeSheetsApi(calls);
    createStatsSpreadsheet(api)(run.workbook);
    expect(calls.get('Sheets.Spreadsheets.batchUpdate')).toBe(1);
    expect(api.files[0].requests.filter((r) => r.addChart !== undefined)).toHaveLength(4);
  });
});
