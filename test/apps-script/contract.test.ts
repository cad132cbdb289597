import type { CellValue } from '../../core/spec/types';
import { AppsScriptHost } from '../../apps-script/host';
import { FakeCache, FakeSpreadsheet, sheetsApiOf } from '../fakes/apps-script';
import { formulaValue } from '../fakes/apps-script/cells';
import { runHostContract } from '../contract/host-contract';
import { runIdentityContract } from '../contract/identity-contract';

/** The same plans as the other hosts, through SpreadsheetApp on the strict fake: the same cells back. */
runHostContract('Apps Script host on the strict fake', async () => {
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.addSheetWithValues('Liste', []);
  const host = new AppsScriptHost({
    spreadsheet,
    sheetsApi: sheetsApiOf(spreadsheet),
    cache: new FakeCache(spreadsheet.calls),
  });
  return {
    host,
    cellsOf: async (sheet: string): Promise<CellValue[][]> => {
      const tab = spreadsheet.sheet(sheet);
      let rows = 0;
      let cols = 0;
      for (const [key, cell] of tab.cells) {
        if (cell.formula === undefined && (cell.value === '' || cell.value === null)) continue;
        const [r, c] = key.split(',').map(Number);
        rows = Math.max(rows, r);
        cols = Math.max(cols, c);
      }
      return Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => {
          const cell = tab.peek(i + 1, j + 1);
          if (cell === undefined) return null;
          // A link is a HYPERLINK formula in Sheets (a hyperlink attribute elsewhere): its text is the cell.
          if (cell.formula?.startsWith('=HYPERLINK(')) return formulaValue(cell.formula);
          return cell.formula ?? (cell.value === '' ? null : cell.value);
        }),
      );
    },
  };
});

runIdentityContract('Apps Script host on the strict fake', async () => {
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.addSheetWithValues('Liste', []);
  return new AppsScriptHost({
    spreadsheet,
    sheetsApi: sheetsApiOf(spreadsheet),
    cache: new FakeCache(spreadsheet.calls),
  });
});
