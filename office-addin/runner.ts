/** `Excel.run` in the task pane, `FakeExcel.run` in tests: the host never names the global itself. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Budgets per sync, under Excel on the web's 5 MB limit on a request and on a response. */
export const LIMITS = {
  /** Estimated request bytes per write batch. */
  requestBytes: 2_500_000,
  /** New tabs per write batch: also bounds Excel's processing time per request. */
  sheetsPerSync: 150,
  /** Cells read per sync (a cell of a grid is a few bytes of JSON; long texts are retried smaller). */
  cellsPerRead: 150_000,
};
