import { readFileSync, writeFileSync } from 'fs';
import { Workbook } from 'exceljs';
import type { XlsxHost } from '../../xlsx/host';

/**
 * exceljs as an independent reader of what the engine wrote (tests only): a second opinion on the cells,
 * formulas and page setup of a file, or a stand-in for another tool editing it.
 */
export async function exceljsOf(source: XlsxHost | Uint8Array | string): Promise<Workbook> {
  const bytes =
    typeof source === 'string'
      ? new Uint8Array(readFileSync(source))
      : source instanceof Uint8Array
        ? source
        : await source.toBytes();
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  return wb;
}

/** Another program (here exceljs) changes a file on disk. */
export async function editWithExceljs(path: string, edit: (wb: Workbook) => void): Promise<void> {
  const wb = await exceljsOf(path);
  edit(wb);
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}
