/** Counts every service call made on the fake, by `Class.method`, as Apps Script bills them: one round trip each. */
export class CallLog {
  total = 0;
  readonly byMethod = new Map<string, number>();

  count(name: string): void {
    this.total++;
    this.byMethod.set(name, (this.byMethod.get(name) ?? 0) + 1);
  }

  /** For a fake method built on another: the inner call is not a second round trip. */
  uncount(name: string): void {
    this.total--;
    this.byMethod.set(name, (this.byMethod.get(name) ?? 0) - 1);
  }

  get(name: string): number {
    return this.byMethod.get(name) ?? 0;
  }

  reset(): void {
    this.total = 0;
    this.byMethod.clear();
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.byMethod.entries()].sort());
  }
}
