import type { CellValue } from '../../core/spec/types';
import { XlsxHost } from '../../xlsx/host';
import { exceljsOf } from '../helpers/xlsx-view';
import { runHostContract } from './host-contract';
import { runIdentityContract } from './identity-contract';

// The cells are read back by exceljs from the bytes the package engine wrote: an independent reader.
runHostContract('xlsx host (package engine)', async () => {
  const host = XlsxHost.fromRows([{ name: 'Liste', rows: [] }]);
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

runIdentityContract('xlsx host (package engine)', async () =>
  XlsxHost.fromRows([{ name: 'Liste', rows: [] }]),
);
