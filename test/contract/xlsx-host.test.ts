import type { CellValue } from '../../core/spec/types';
import { XlsxHost } from '../../xlsx/host';
import { nodeByteText } from '../../xlsx/node-text';
import type { ReaderOptions } from '../../xlsx/package/reader';
import { exceljsOf } from '../helpers/xlsx-view';
import { runHostContract } from './host-contract';
import { runIdentityContract } from './identity-contract';

// The cells are read back by exceljs from the bytes the package engine wrote: an independent reader.
// Both readers: the pane's, which walks sheets, and the command line's, which searches them for few cells.
describe.each<[string, ReaderOptions]>([
  ['walked', {}],
  ['searched', { byteText: nodeByteText }],
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
