/** Counts every service call made on the fake, by `Class.method`, as Apps Script bills them: one round trip each. */
export class CallLog {
  total = 0;
  readonly byMethod = new Map<string, number>();
  /**
   * Fault injection: the call numbered `failAt` (1 = the first call after the last `failAt` was set)
   * throws before it has any effect, as a timeout or a service error would; an execution killed after
   * call k looks the same as a fault at call k + 1. Null = no fault.
   */
  private faultAt: number | null = null;
  private sinceArmed = 0;
  /** The method that failed, for the test's message. */
  lastFault: string | null = null;
  /**
   * The requests of the batchUpdates applied to the open spreadsheet, by kind (not calls: a batch is
   * one round trip), and the largest batch's payload in characters: the bench models their server time.
   */
  readonly requests = new Map<string, number>();
  largestBatchChars = 0;

  /** Fault injection by method: its `occurrence`-th call from now throws (see failAt). */
  private faultOn: { method: string; left: number } | null = null;

  count(name: string): void {
    this.total++;
    this.byMethod.set(name, (this.byMethod.get(name) ?? 0) + 1);
    if (this.faultOn !== null && this.faultOn.method === name && --this.faultOn.left === 0) {
      this.faultOn = null;
      this.lastFault = name;
      throw new Error(`Exception: Service Spreadsheets timed out while accessing document (${name}).`);
    }
    if (this.faultAt === null) return;
    this.sinceArmed++;
    if (this.sinceArmed === this.faultAt) {
      this.faultAt = null;
      this.lastFault = name;
      throw new Error(`Exception: Service Spreadsheets timed out while accessing document (${name}).`);
    }
  }

  /** Arms one fault at the n-th call from now (1-based). */
  failAt(n: number): void {
    this.faultAt = n;
    this.sinceArmed = 0;
    this.lastFault = null;
  }

  /** Arms one fault at the `occurrence`-th call of `method` from now (e.g. 'Sheet.protect'). */
  failOn(method: string, occurrence = 1): void {
    this.faultOn = { method, left: occurrence };
    this.lastFault = null;
  }

  /** Whether an armed fault is still waiting (the work ended before reaching it). */
  get faultPending(): boolean {
    return this.faultAt !== null || this.faultOn !== null;
  }

  disarm(): void {
    this.faultAt = null;
    this.faultOn = null;
  }

  /** For a fake method built on another: the inner call is not a second round trip. */
  uncount(name: string): void {
    this.total--;
    this.byMethod.set(name, (this.byMethod.get(name) ?? 0) - 1);
    if (this.faultAt !== null) this.sinceArmed--;
  }

  get(name: string): number {
    return this.byMethod.get(name) ?? 0;
  }

  /** A batch applied: its requests by kind and its size (not a call: the batchUpdate was counted). */
  noteBatch(kinds: string[], chars: number): void {
    for (const kind of kinds) this.requests.set(kind, (this.requests.get(kind) ?? 0) + 1);
    this.largestBatchChars = Math.max(this.largestBatchChars, chars);
  }

  reset(): void {
    this.total = 0;
    this.byMethod.clear();
    this.requests.clear();
    this.largestBatchChars = 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.byMethod.entries()].sort());
  }
}
