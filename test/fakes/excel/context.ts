import { ErrorCodes, FakeOfficeError } from './errors';
import type { WorkbookModel } from './model';

/** Excel on the web rejects a request or a response over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface SyncRecord {
  /** Operations queued since the previous sync. */
  ops: number;
  /** Bytes of the queued operations as JSON (what the fake counts). */
  requestBytes: number;
  /** Of `ops`, the loads (a load costs the real request several object paths and a query). */
  loads: number;
  /** The real request's size as Office.js would serialize it, estimated (see `wireEstimate`). */
  wireBytes: number;
  /** Bytes of the loaded results as JSON. */
  responseBytes: number;
}

interface QueuedOp {
  target: string;
  action: string;
  args: unknown;
  /** Runs the op on the model; returns the loaded data, if any, for the response size. */
  run: () => unknown;
}

const encoder = new TextEncoder();

/**
 * The real request size from what the fake counts, calibrated on Microsoft's serializer (npm
 * @microsoft/office-js 1.1.110, excel-web-16.00.debug.js, measured 2026-11-29 by bench/office-wire.ts;
 * docs/host-facts/excel.md): each JSON byte of an operation weighs WIRE_PER_JSON_BYTE on the wire, each
 * operation adds its object paths and action ids, a load adds a query. Rounded up: the estimate is at
 * or above every measured request.
 */
export const WIRE = { perJsonByte: 1.6, perOp: 40, perLoad: 450, perRequest: 1100 };

export function wireEstimate(jsonBytes: number, ops: number, loads: number): number {
  // Office.js sends nothing for a sync with nothing queued.
  if (ops === 0) return 0;
  return Math.ceil(WIRE.perJsonByte * jsonBytes + WIRE.perOp * ops + WIRE.perLoad * loads + WIRE.perRequest);
}

export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/**
 * The request context: operations are queued, then run in order by `sync()`, like Office.js. A failing
 * operation stops the batch and rejects the sync, but the operations before it stay applied (Excel
 * does not roll a batch back).
 */
export class FakeContextCore {
  private queue: QueuedOp[] = [];

  constructor(
    readonly model: WorkbookModel,
    readonly syncs: SyncRecord[],
    readonly supports: (api: string) => boolean,
    /** Excel on the web's limit on a request; tests lower it to make a batch fail. */
    readonly requestLimit: number = PAYLOAD_LIMIT,
  ) {}

  enqueue(target: string, action: string, args: unknown, run: () => unknown): void {
    this.queue.push({ target, action, args, run });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = jsonBytes(ops.map(({ target, action, args }) => ({ target, action, args })));
    const loads = ops.filter((op) => op.action === 'load').length;
    const wireBytes = wireEstimate(requestBytes, ops.length, loads);
    const record: SyncRecord = { ops: ops.length, requestBytes, loads, wireBytes, responseBytes: 0 };
    this.syncs.push(record);
    if (wireBytes > this.requestLimit) {
      throw new FakeOfficeError(
        ErrorCodes.requestPayloadSizeLimitExceeded,
        'The request payload size has exceeded the limit.',
      );
    }
    const responses: unknown[] = [];
    for (const op of ops) {
      try {
        const response = op.run();
        if (response !== undefined) responses.push(response);
      } catch (error) {
        if (error instanceof FakeOfficeError) error.debugInfo.errorLocation = `${op.target}.${op.action}`;
        throw error;
      }
    }
    record.responseBytes = jsonBytes(responses);
    if (record.responseBytes > PAYLOAD_LIMIT) {
      throw new FakeOfficeError(
        ErrorCodes.responsePayloadSizeLimitExceeded,
        'The response payload size has exceeded the limit.',
      );
    }
    await Promise.resolve();
  }
}

/** Base of every proxy: loaded properties throw until `load` + `sync` filled them. */
export abstract class FakeObject {
  private readonly loadedValues = new Map<string, unknown>();

  constructor(
    readonly core: FakeContextCore,
    readonly path: string,
  ) {}

  /** Value of a loaded property; the real proxy throws PropertyNotLoaded the same way. */
  protected read<T>(property: string): T {
    if (!this.loadedValues.has(property)) {
      throw new FakeOfficeError(
        ErrorCodes.propertyNotLoaded,
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loadedValues.get(property) as T;
  }

  /** The loaded properties, as Office.js proxies' toJSON gives them (and what a response carries). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }

  /** Fills a property as a load of a parent collection does ('items/name'). */
  primeLoaded(property: string, value: unknown): void {
    this.loadedValues.set(property, value);
  }

  /** Queues a property write; reading it back still requires a load. */
  protected write(property: string, value: unknown, apply: () => void): void {
    this.core.enqueue(this.path, `set ${property}`, value, apply);
  }

  protected call(action: string, args: unknown, run: () => unknown = () => undefined): void {
    this.core.enqueue(this.path, action, args, run);
  }

  /** load('a, b') / load(['a', 'b']) / load({ select: 'a,b' }). */
  load(properties?: string | string[] | { select?: string | string[] }): this {
    const names = propertyNames(properties);
    this.core.enqueue(this.path, 'load', names, () => {
      const loaded: Record<string, unknown> = {};
      for (const name of names) {
        const value = this.loadProperty(name);
        this.loadedValues.set(name.split('/')[0], value);
        loaded[name] = value;
      }
      return loaded;
    });
    return this;
  }

  /** Computes a property for `load`; throws for a property the fake does not model. */
  protected abstract loadProperty(name: string): unknown;
}

function propertyNames(properties?: string | string[] | { select?: string | string[] }): string[] {
  const raw =
    properties === undefined
      ? []
      : typeof properties === 'string' || Array.isArray(properties)
        ? properties
        : (properties.select ?? []);
  const list = Array.isArray(raw) ? raw : raw.split(',');
  return list.map((s) => s.trim()).filter((s) => s !== '');
}

export function unsupported(what: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.invalidArgument, `The fake does not model '${what}'.`);
}
