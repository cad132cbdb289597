import type { CellValue } from '../../core/spec/types';
import { FakeExcel } from '../fakes/excel';
import { makeOfficeHost } from '../office-addin/make-host';
import { runHostContract } from './host-contract';
import { runIdentityContract } from './identity-contract';

runHostContract('Office.js host on the strict fake', async () => {
  const excel = new FakeExcel();
  excel.addSheet('Liste');
  const { host } = makeOfficeHost(excel);
  return {
    host,
    cellsOf: async (sheet: string): Promise<CellValue[][]> => {
      const model = excel.model.get(sheet);
      const box = model.usedBox(true);
      if (!box) return [];
      return Array.from({ length: box.r2 }, (_, i) =>
        Array.from({ length: box.c2 }, (_, j) => {
          const cell = model.cell(i + 1, j + 1);
          return cell === undefined ? null : (cell.formula ?? (cell.value === '' ? null : cell.value));
        }),
      );
    },
  };
});

runIdentityContract('Office.js host on the strict fake', async () => {
  const excel = new FakeExcel();
  excel.addSheet('Liste');
  return makeOfficeHost(excel).host;
});
