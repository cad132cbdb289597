import { OWN_WORKBOOK_NAME } from './own-names';
import { Workbook } from 'exceljs';
import type { WorkbookSpec } from '../core/spec/types';
import { fixPackage } from './package-fix';
import { renderSheet } from './render-sheet';

/**
 * Spec → .xlsx bytes. Free of Node APIs (no fs, no Buffer) so the Excel add-in can bundle it: exceljs and
 * jszip both run in the browser.
 */

/** exceljs gives a Buffer in Node and an ArrayBuffer in the browser; both become a plain Uint8Array view. */
export function asBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

/** Serialises a workbook and repairs what exceljs writes wrong (internal links, quoted print areas). */
export async function workbookBytes(
  wb: Workbook,
  compression: 'DEFLATE' | 'STORE' = 'DEFLATE',
): Promise<Uint8Array> {
  // STORE for a scratch workbook taken apart at once: compressing it would be wasted work.
  const options = { zip: { compression } } as unknown as Parameters<Workbook['xlsx']['writeBuffer']>[0];
  const written = (await wb.xlsx.writeBuffer(options)) as ArrayBuffer | Uint8Array;
  return fixPackage(asBytes(written), compression);
}

export async function renderWorkbook(spec: WorkbookSpec): Promise<Workbook> {
  const wb = new Workbook();
  wb.title = spec.title;
  wb.creator = 'Grilles E4';
  for (const sheet of spec.sheets) await renderSheet(wb, sheet);
  return wb;
}

/**
 * Workbook-level name that marks a separate workbook as written by Grilles E4 (the statistics workbook,
 * the only one it makes): the command line may regenerate such a file, never anyone else's.
 */
export { OWN_WORKBOOK_NAME };

/** A new workbook from a spec. */
export async function renderWorkbookSpec(spec: WorkbookSpec): Promise<Uint8Array> {
  const wb = await renderWorkbook(spec);
  const first = spec.sheets[0]?.name;
  if (first !== undefined) wb.definedNames.add(`'${first.replace(/'/g, "''")}'!$A$1`, OWN_WORKBOOK_NAME);
  return workbookBytes(wb);
}
