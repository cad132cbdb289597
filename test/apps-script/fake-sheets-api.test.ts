import { AppsScriptHost, SHEETS_DENIED, TAB_FIELDS } from '../../apps-script/host';
import { newFakeWorkbook, sheetsApiOf } from '../fakes/apps-script';

/** The advanced service on the open spreadsheet: what the host relies on, strict where the API is. */
function world() {
  const { spreadsheet } = newFakeWorkbook();
  const api = sheetsApiOf(spreadsheet);
  const batch = (requests: GoogleAppsScript.Sheets.Schema.Request[]) =>
    api.Spreadsheets.batchUpdate({ requests }, spreadsheet.id);
  return { spreadsheet, api, batch };
}

describe('the fake Sheets advanced service on the open spreadsheet', () => {
  it('lists every tab (id, title, index, hidden) and its protections in one counted get, as the mask says', () => {
    const { spreadsheet, api } = world();
    const sheet = spreadsheet.sheet('Feuille 1');
    sheet
      .protect()
      .setWarningOnly(true)
      .setUnprotectedRanges([sheet.getRange('B2:C2')]);
    spreadsheet.calls.reset();
    const full = api.Spreadsheets.get(spreadsheet.id, {
      fields:
        'sheets(properties(sheetId,title,index,hidden),protectedRanges(protectedRangeId,range,unprotectedRanges,warningOnly))',
    });
    expect(spreadsheet.calls.total).toBe(1);
    expect(full.sheets?.[0]).toMatchObject({
      properties: { sheetId: sheet.id, title: 'Feuille 1', index: 0, hidden: false },
      protectedRanges: [
        {
          warningOnly: true,
          range: { sheetId: sheet.id },
          unprotectedRanges: [{ startRowIndex: 1, endRowIndex: 2, startColumnIndex: 1, endColumnIndex: 3 }],
        },
      ],
    });
    // What the host asks for every chunk: which tabs are protected, not how (600 tabs: ~2 MB otherwise).
    const listed = api.Spreadsheets.get(spreadsheet.id, { fields: TAB_FIELDS });
    expect(listed.sheets?.[0].protectedRanges).toEqual([{ protectedRangeId: sheet.protections[0].id }]);
    expect(listed.sheets?.[0].conditionalFormats).toBeUndefined();
  });

  it('applies a batch atomically: one invalid request and nothing of the batch is applied', () => {
    const { spreadsheet, batch } = world();
    spreadsheet.sheet('Feuille 1').cell(1, 1).value = 'garde';
    expect(() =>
      batch([
        { addSheet: { properties: { sheetId: 123456789, title: 'Nouveau', index: 1 } } },
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
            rows: [{ values: [{ userEnteredValue: { stringValue: 'écrasé' } }] }],
            fields: 'userEnteredValue',
          },
        },
        { addSheet: { properties: { sheetId: 987654321, title: 'nouveau', index: 2 } } },
      ]),
    ).toThrow(/already exists/);
    expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Feuille 1']);
    expect(spreadsheet.sheet('Feuille 1').at('A1')?.value).toBe('garde');
  });

  it('applies nothing when a fault hits the batchUpdate call, and refuses a request it does not model', () => {
    const { spreadsheet, batch } = world();
    spreadsheet.calls.failOn('Sheets.Spreadsheets.batchUpdate');
    expect(() => batch([{ addSheet: { properties: { sheetId: 123456789, title: 'A', index: 1 } } }])).toThrow(
      /timed out/,
    );
    expect(spreadsheet.sheets).toHaveLength(1);
    expect(() => batch([{ sortRange: { range: { sheetId: 0 } } }])).toThrow(
      /does not know the request sortRange/,
    );
    expect(() => batch([{ updateCells: { range: { sheetId: 0 }, fields: 'note' } }])).toThrow(
      /field mask note/,
    );
  });

  it('keeps text as text (stringValue), makes formulas only from formulaValue, dates from a date format', () => {
    const { spreadsheet, batch } = world();
    batch([
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: '=1+1' } },
                { userEnteredValue: { formulaValue: '=HYPERLINK("#gid=0&range=A1","ici")' } },
                {
                  userEnteredValue: { numberValue: 46160 },
                  userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/mm/yyyy' } },
                },
              ],
            },
          ],
          fields: 'userEnteredValue,userEnteredFormat',
        },
      },
    ]);
    const sheet = spreadsheet.sheet('Feuille 1');
    expect(sheet.at('A1')).toMatchObject({ value: '=1+1', formula: undefined });
    expect(sheet.getSheetValues(1, 1, 1, 3)).toEqual([['=1+1', 'ici', new Date(2026, 4, 18)]]);
  });

  it('duplicates a sheet with or without its protections, hidden or not, as the switches say', () => {
    for (const copies of [true, false])
      for (const keepHidden of [true, false]) {
        const { spreadsheet, batch } = world();
        spreadsheet.copiesProtections = copies;
        spreadsheet.copiesKeepHidden = keepHidden;
        batch([
          { addSheet: { properties: { sheetId: 111111111, title: 'Modèle', index: 1, hidden: true } } },
          { addProtectedRange: { protectedRange: { range: { sheetId: 111111111 }, warningOnly: true } } },
          {
            duplicateSheet: {
              sourceSheetId: 111111111,
              insertSheetIndex: 1,
              newSheetId: 222222222,
              newSheetName: 'Copie',
            },
          },
        ]);
        const copy = spreadsheet.sheet('Copie');
        expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Feuille 1', 'Copie', 'Modèle']);
        expect(copy.id).toBe(222222222);
        expect(copy.protections).toHaveLength(copies ? 1 : 0);
        expect(copy.hidden).toBe(keepHidden);
      }
  });
});

describe('the host when Google refuses the advanced service on this spreadsheet', () => {
  it('says it in French, with what to do', async () => {
    const { spreadsheet, api } = world();
    api.Spreadsheets.get = () => {
      throw new Error(
        'API call to sheets.spreadsheets.get failed with error: The caller does not have permission',
      );
    };
    const host = new AppsScriptHost({
      spreadsheet,
      sheetsApi: api,
    });
    await expect(host.listSheets()).rejects.toThrow(SHEETS_DENIED);
  });
});
