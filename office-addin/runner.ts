import { CELLS_PER_READ } from '../core/port';

/** `Excel.run` in the task pane, `FakeExcel.run` in tests: the host never names the global itself. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Budgets per sync, under Excel on the web's 5 MB limit on a request and on a response. */
export const LIMITS = {
  /**
   * Request bytes per write batch, on the estimate calibrated against Office.js's serializer
   * (wire-size.ts): 1 MB under the limit. A batch Excel still refuses as too large is split and retried.
   */
  requestBytes: 4_000_000,
  /** New tabs per write batch: bounds Excel's processing time per request (the size is bounded above). */
  sheetsPerSync: 150,
  /** Cells read per sync (a cell of a grid is a few bytes of JSON; long texts are retried smaller). */
  cellsPerRead: CELLS_PER_READ,
};
