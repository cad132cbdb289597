/**
 * A Promise that settles synchronously. Apps Script calls a server function and serialises what it
 * RETURNS; it does not wait for a promise. Every host call is synchronous anyway, so in the Apps Script
 * bundle (webpack.gas.config.js) the core's async code is compiled to generators over this class
 * (ProvidePlugin `Promise`), and runSync() gets the result before the function returns. It never
 * names the global Promise, so the substitution cannot loop.
 */
type Settled<T> = { ok: true; value: T } | { ok: false; reason: unknown };
type Thenable<T> = { then: (ok: (v: T) => unknown, ko: (e: unknown) => unknown) => unknown };

function isThenable<T>(value: unknown): value is Thenable<T> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

export class SyncPromise<T> {
  private state: Settled<T> | null = null;
  private waiting: Array<() => void> = [];

  constructor(
    executor: (resolve: (value: T | Thenable<T>) => void, reject: (reason: unknown) => void) => void,
  ) {
    try {
      executor(
        (value) => this.resolveWith(value),
        (reason) => this.settle({ ok: false, reason }),
      );
    } catch (error) {
      this.settle({ ok: false, reason: error });
    }
  }

  private resolveWith(value: T | Thenable<T>): void {
    if (this.state !== null) return;
    if (isThenable<T>(value)) {
      let called = false;
      try {
        value.then(
          (v) => {
            if (called) return;
            called = true;
            this.resolveWith(v);
          },
          (e) => {
            if (called) return;
            called = true;
            this.settle({ ok: false, reason: e });
          },
        );
      } catch (error) {
        if (!called) this.settle({ ok: false, reason: error });
      }
      return;
    }
    this.settle({ ok: true, value });
  }

  private settle(state: Settled<T>): void {
    if (this.state !== null) return;
    this.state = state;
    const waiting = this.waiting;
    this.waiting = [];
    for (const run of waiting) run();
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | Thenable<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | Thenable<R2>) | null,
  ): SyncPromise<R1 | R2> {
    return new SyncPromise<R1 | R2>((resolve, reject) => {
      const run = (): void => {
        const state = this.state as Settled<T>;
        try {
          if (state.ok) {
            if (onFulfilled) resolve(onFulfilled(state.value));
            else resolve(state.value as unknown as R1);
          } else if (onRejected) resolve(onRejected(state.reason));
          else reject(state.reason);
        } catch (error) {
          reject(error);
        }
      };
      if (this.state === null) this.waiting.push(run);
      else run();
    });
  }

  catch<R = never>(onRejected?: ((reason: unknown) => R | Thenable<R>) | null): SyncPromise<T | R> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): SyncPromise<T> {
    return this.then(
      (value) => {
        onFinally?.();
        return value;
      },
      (reason) => {
        onFinally?.();
        throw reason;
      },
    );
  }

  static resolve<V>(value: V | Thenable<V>): SyncPromise<V> {
    return value instanceof SyncPromise ? (value as SyncPromise<V>) : new SyncPromise<V>((ok) => ok(value));
  }

  static reject<V = never>(reason: unknown): SyncPromise<V> {
    return new SyncPromise<V>((_ok, ko) => ko(reason));
  }

  static all<V>(values: Array<V | Thenable<V>>): SyncPromise<V[]> {
    return new SyncPromise<V[]>((resolve, reject) => {
      const out: V[] = new Array<V>(values.length);
      let left = values.length;
      if (left === 0) resolve(out);
      values.forEach((item, i) =>
        SyncPromise.resolve(item).then((v) => {
          out[i] = v;
          if (--left === 0) resolve(out);
        }, reject),
      );
    });
  }
}

/** The value of work that settles synchronously (see above); throws its error, or if it did not settle. */
export function runSync<T>(work: () => Thenable<T>): T {
  let state: Settled<T> | null = null;
  work().then(
    (value) => (state = { ok: true, value }),
    (reason) => (state = { ok: false, reason }),
  );
  const settled = state as Settled<T> | null;
  if (settled === null)
    throw new Error("Le traitement ne s'est pas terminé (opération asynchrone inattendue).");
  if (!settled.ok) throw settled.reason;
  return settled.value;
}
