import { AppsScriptHost } from '../../apps-script/host';
import { FakeCache, FakeSpreadsheet, sheetsApiOf } from '../fakes/apps-script';

function hostOn(
  spreadsheet: FakeSpreadsheet,
  cache: FakeCache,
  useCache = false,
  api = sheetsApiOf(spreadsheet),
): AppsScriptHost {
  return new AppsScriptHost({
    spreadsheet,
    sheetsApi: api,
    cache,
    useCache,
  });
}

const rename = (from: string, to: string) => ({
  templates: {},
  renames: [{ from, to }],
  add: [],
  replace: [],
  updates: [{ sheet: to, cells: [{ r: 1, c: 1, value: 'nouveau' }] }],
});

describe('AppsScriptHost renames', () => {
  it('renames with one title request before the updates, in the same batch, and the next chunk finds the tab under its new name', async () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.addSheetWithValues('DUPONT Marie 02600000002', [['ancien', 12]]);
    const cache = new FakeCache(spreadsheet.calls);
    const api = sheetsApiOf(spreadsheet);
    const host = hostOn(spreadsheet, cache, false, api);
    await host.apply(rename('DUPONT Marie 02600000002', 'DUPONT Marie 02600000003'));
    expect(api.batches).toHaveLength(1);
    expect(api.batches[0].map((r) => Object.keys(r)[0])).toEqual(['updateSheetProperties', 'updateCells']);
    expect(api.batches[0][0].updateSheetProperties?.fields).toBe('title');
    const next = hostOn(spreadsheet, cache, true);
    expect(await next.listSheets()).toEqual(['DUPONT Marie 02600000003']);
    expect(await next.readRanges([{ sheet: 'DUPONT Marie 02600000003', range: 'A1:B1' }])).toEqual([
      [['nouveau', 12]],
    ]);
  });

  it("refuses another tab's name in French and leaves the tabs as they were", async () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.addSheetWithValues('DUPONT Marie', [['a']]);
    spreadsheet.addSheetWithValues('DUPONT Marie 02600000002', [['b']]);
    const host = hostOn(spreadsheet, new FakeCache(spreadsheet.calls));
    await expect(host.apply(rename('DUPONT Marie 02600000002', 'dupont marie'))).rejects.toThrow(
      'Un onglet nommé « dupont marie » existe déjà',
    );
    expect(spreadsheet.sheets.map((s) => s.getName())).toEqual(['DUPONT Marie', 'DUPONT Marie 02600000002']);
    expect(spreadsheet.sheets[0].getSheetValues(1, 1, 1, 1)).toEqual([['a']]);
  });
});
