import { OfficeHost } from '../../office-addin/host';
import type { WorkbookSpec } from '../../core/spec/types';
import { FakeExcel } from '../fakes/excel';

/** An OfficeHost over a FakeExcel; the .xlsx renderer is replaced by the spec's JSON (not under test here). */
export function makeOfficeHost(excel = new FakeExcel()): { excel: FakeExcel; host: OfficeHost } {
  const host = new OfficeHost({
    run: (batch) => excel.run(batch),
    features: { print: excel.isSetSupported('ExcelApi', '1.9') },
    renderXlsx: async (spec: WorkbookSpec) => new TextEncoder().encode(JSON.stringify(spec.title)),
    openWorkbook: (base64) => excel.createWorkbook(base64),
  });
  return { excel, host };
}
