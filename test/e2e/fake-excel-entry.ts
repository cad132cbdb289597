/**
 * Browser bundle injected before the task pane loads (page.addInitScript): a FakeExcel behind the
 * `Office` and `Excel` globals office.js would define. The test reads the fake through
 * `window.__fakeExcel`.
 */
import { FakeExcel } from '../fakes/excel';
import type { Scalar } from '../fakes/excel/model';

export interface FakeExcelConfig {
  sheets: Array<{ name: string; rows: Scalar[][] }>;
  excelApi?: number;
  /** Limit on a request's estimated real size (to make a batch fail). */
  requestLimit?: number;
  /** Milliseconds each Excel.run waits before it starts (to see the progress). */
  delayMs?: number;
}

interface FakeWindow {
  __fakeExcelConfig?: FakeExcelConfig;
  __fakeExcel?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
}

const target = window as unknown as FakeWindow;
const config = target.__fakeExcelConfig ?? { sheets: [] };
const excel = new FakeExcel({ excelApi: config.excelApi, requestLimit: config.requestLimit });
for (const sheet of config.sheets) excel.addSheet(sheet.name, sheet.rows);
if (config.sheets.length === 0) excel.addSheet('Feuil1');
target.__fakeExcel = excel;
target.Office = {
  HostType: { Excel: 'Excel' },
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
  context: {
    requirements: { isSetSupported: (name: string, version: string) => excel.isSetSupported(name, version) },
  },
};
target.Excel = {
  run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>) => {
    if (config.delayMs) await new Promise((resolve) => setTimeout(resolve, config.delayMs));
    return excel.run(batch);
  },
  createWorkbook: (base64?: string) => excel.createWorkbook(base64),
};
