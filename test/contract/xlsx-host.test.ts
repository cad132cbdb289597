import type { CellValue } from '../../core/spec/types';
import { tabReadBlock } from '../../core/grid/read-cells';
import { E4 } from '../../core/referentiel';
import { XlsxHost } from '../../xlsx/host';
import { nodeByteText } from '../../xlsx/node-text';
import type { ReaderOptions } from '../../xlsx/package/reader';
import { exceljsOf } from '../helpers/xlsx-view';
import { runHostContract } from './host-contract';
import { runIdentityContract } from './identity-contract';

// The cells are read back by exceljs from the bytes the package engine wrote: an independent reader.
// Every reader: the pane's, which walks sheets, and the command line's, which searches them for few cells
// (and, as it opens files, takes a tab's cells along with its marker).
describe.each<[string, ReaderOptions]>([
  ['walked', {}],
  ['searched', { byteText: nodeByteText }],
  ['searched through the tab read block', { byteText: nodeByteText, readBlock: tabReadBlock(E4) }],
])('package engine, sheets %s', (label, options) => {
  runHostContract(`xlsx host (package engine, ${label})`, async () => {
    const host = XlsxHost.fromRows([{ name: 'Liste', rows: [] }], options);
    return {
      host,
      cellsOf: async (sheet: string): Promise<CellValue[][]> => {
        const ws = (await exceljsOf(host)).getWorksheet(sheet);
        if (!ws) return [];
        const rows: CellValue[][] = [];
        for (let r = 1; r <= ws.rowCount; r += 1) {
          const row: CellValue[] = [];
          for (let c = 1; c <= ws.columnCount; c += 1) {
            const cell = ws.getCell(r, c);
            const value: unknown = cell.value;
            if (cell.formula) row.push(`=${cell.formula}`);
            else if (value !== null && typeof value === 'object' && 'text' in value)
              row.push(String((value as { text: unknown }).text));
            else row.push((value ?? null) as CellValue);
          }
          rows.push(row);
        }
        return rows;
      },
    };
  });

  runIdentityContract(`xlsx host (package engine, ${label})`, async () =>
    XlsxHost.fromRows([{ name: 'Liste', rows: [] }], options),
  );
});
