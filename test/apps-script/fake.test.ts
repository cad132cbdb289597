import {
  CELL_LIMIT,
  FakeCache,
  FakeSpreadsheet,
  FakeSpreadsheetApp,
  newFakeWorkbook,
} from '../fakes/apps-script';

/** The fake must fail where Apps Script fails, or the host tests prove nothing. */
describe('strict Apps Script fake', () => {
  it('throws when setValues gets a wrongly sized array', () => {
    const { spreadsheet } = newFakeWorkbook();
    const range = spreadsheet.sheet('Feuille 1').getRange('A1:B2');
    expect(() => range.setValues([['a', 'b']])).toThrow(/number of rows/);
    expect(() => range.setValues([['a'], ['b']])).toThrow(/number of columns/);
  });

  it('throws on an empty, too long, or duplicate (ignoring case) sheet name', () => {
    const { spreadsheet } = newFakeWorkbook();
    spreadsheet.insertSheet('Suivi E4', 1);
    expect(() => spreadsheet.insertSheet('suivi e4', 2)).toThrow(/already exists/);
    expect(() => spreadsheet.insertSheet('  ', 2)).toThrow(/empty/);
    expect(() => spreadsheet.insertSheet('x'.repeat(101), 2)).toThrow(/longer/);
  });

  it('enforces the 10 million cell limit of a spreadsheet', () => {
    const spreadsheet = new FakeSpreadsheet();
    const perSheet = 1000 * 26;
    const fits = Math.floor(CELL_LIMIT / perSheet);
    for (let i = 0; i < fits; i++) spreadsheet.insertSheet(`S${i}`, i);
    expect(() => spreadsheet.insertSheet('un de trop', fits)).toThrow(/10000000 cells/);
  });

  it('parses plain strings like user input unless the cell is formatted as text', () => {
    const { spreadsheet } = newFakeWorkbook();
    const sheet = spreadsheet.sheet('Feuille 1');
    sheet.getRange('A1:D1').setValues([['=1+1', '007', 'TRUE', "'=texte"]]);
    expect(sheet.at('A1')?.formula).toBe('=1+1');
    expect(sheet.at('B1')?.value).toBe(7);
    expect(sheet.at('C1')?.value).toBe(true);
    expect(sheet.at('D1')?.value).toBe('=texte');
    sheet.getRangeList(['A2:B2']).setNumberFormat('@');
    sheet.getRange('A2:B2').setValues([['=1+1', '007']]);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['=1+1', '007']]);
  });

  it('throws on ranges outside the sheet and on deleting every row', () => {
    const { spreadsheet } = newFakeWorkbook();
    const sheet = spreadsheet.sheet('Feuille 1');
    expect(() => sheet.getRange(1, 1, 1001, 1)).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange('AA1')).toThrow(/Range not found/);
    expect(() => sheet.deleteRows(1, 1000)).toThrow(/all the rows/);
  });

  it('counts every service call by method', () => {
    const spreadsheet = new FakeSpreadsheet();
    const app = new FakeSpreadsheetApp(spreadsheet);
    const sheet = app.getActiveSpreadsheet().insertSheet('A', 0);
    sheet.getRange('A1').getValues();
    expect(spreadsheet.calls.total).toBe(4);
    expect(spreadsheet.calls.snapshot()).toEqual({
      'Range.getValues': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.insertSheet': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });
});

describe('strict Apps Script fake (2-D setters, tabs, cache)', () => {
  it('throws when a 2-D format grid does not match the range, and hides no last visible sheet', () => {
    const { spreadsheet } = newFakeWorkbook();
    const sheet = spreadsheet.sheet('Feuille 1');
    expect(() => sheet.getRange('A1:B2').setFontWeights([['bold', null]])).toThrow(/dimensions/);
    expect(() => sheet.hideSheet()).toThrow(/hide all the sheets/);
    expect(spreadsheet.getNumSheets()).toBe(1);
  });

  it('refuses a cache value over 100 KB, as CacheService does', () => {
    const { spreadsheet } = newFakeWorkbook();
    const cache = new FakeCache(spreadsheet.calls);
    expect(() => cache.putAll({ k: 'x'.repeat(100 * 1024 + 1) }, 60)).toThrow(/too large/);
    cache.putAll({ k: 'v' }, 60);
    expect(cache.getAll(['k', 'absent'])).toEqual({ k: 'v' });
  });
});
