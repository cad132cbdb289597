/// <reference types="office-js" />
import { readFileSync } from 'fs';
import { JSDOM } from 'jsdom';
import { runControl } from '../core/workflows/control';
import { generateGrids } from '../core/workflows/generate';
import { OfficeHost } from '../office-addin/host';
import type { ExcelRunner } from '../office-addin/runner';
import type { ApplyPlan } from '../core/port';
import type { FormId } from '../core/referentiel/types';
import { batchWireBytes, writeBatches } from '../office-addin/apply-plan';
import { FakeExcel, wireEstimate } from '../test/fakes/excel';
import { renderWorkbookSpec } from '../xlsx/render';
import { rosterValues } from './synthetic';

/**
 * Dev-only measurement of the real request size (docs/host-facts/excel.md, « Taille des requêtes »).
 * Each batch of the Excel host runs twice: first on Microsoft's own Office.js runtime (the debug Excel
 * script of npm @microsoft/office-js, in a jsdom window) with an executor that only records the JSON
 * body it would send, then on the strict fake that does the work. Offline; office-js is not a
 * dependency: install it in a temporary folder and pass the script's path.
 *
 *   (cd /tmp/ojs && npm install @microsoft/office-js)
 *   npm run build:cli && node build/bench/office-wire.js /tmp/ojs/node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js
 */

interface Measured {
  /** Bytes of the request body Office.js builds (JSON, UTF-8). */
  wire: number;
  /** Bytes the fake counts for the same batch. */
  fake: number;
  ops: number;
  loads: number;
  /** The host's own estimate of the batch (wire-size.ts), for write batches. */
  host?: number;
}

function hostEstimates(plan: ApplyPlan): number[] {
  const { chunks, finals } = writeBatches(plan);
  return [
    ...chunks.map((c, i) => batchWireBytes(plan, c, i === 0)),
    ...finals.map((f) => batchWireBytes(plan, f)),
  ];
}

const encoder = new TextEncoder();

function loadOfficeJs(scriptPath: string): { Excel: typeof Excel; bodies: number[] } {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    runScripts: 'outside-only',
    url: 'https://localhost/',
  });
  dom.window.eval(readFileSync(scriptPath, 'utf8'));
  const bodies: number[] = [];
  return { Excel: (dom.window as unknown as { Excel: typeof Excel }).Excel, bodies };
}

/** A request context whose executor records the body and answers « nothing loaded ». */
function capturingContext(excel: typeof Excel, bodies: number[]): Excel.RequestContext {
  const session = {
    _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: 'https://capture.invalid/', headers: {} }),
    _createRequestExecutorOrNull: () => ({
      executeAsync(_custom: unknown, _flags: number, message: { Body: unknown }) {
        bodies.push(encoder.encode(JSON.stringify(message.Body)).length);
        return Promise.resolve({
          ErrorCode: '',
          ErrorMessage: '',
          HttpStatusCode: 200,
          Headers: {},
          Body: { Results: [] },
        });
      },
    }),
  };
  return new excel.RequestContext(session as unknown as string);
}

export function teeRunner(scriptPath: string, fake: FakeExcel, measured: Measured[]): ExcelRunner {
  const real = loadOfficeJs(scriptPath);
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    real.bodies.length = 0;
    try {
      await batch(capturingContext(real.Excel, real.bodies));
    } catch {
      // Reads after the first sync find nothing loaded: only the request sizes matter here.
    }
    const before = fake.syncs.length;
    const result = await fake.run(batch);
    const records = fake.syncs.slice(before);
    records.forEach((record, i) => {
      if (real.bodies[i] !== undefined)
        measured.push({
          wire: real.bodies[i],
          fake: record.requestBytes,
          ops: record.ops,
          loads: record.loads,
        });
    });
    return result;
  };
}

const clock = (): Date => new Date(2026, 9, 1);

export async function measureWire(
  scriptPath: string,
  candidates: number,
  form: FormId = 'ccf',
): Promise<{ create: Measured[]; control: Measured[] }> {
  const fake = new FakeExcel();
  fake.addSheet(
    'Liste',
    rosterValues(candidates).map((r) =>
      r.map((v) => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : v)),
    ),
  );
  const create: Measured[] = [];
  const control: Measured[] = [];
  const host = (into: Measured[]): OfficeHost => {
    const made = new OfficeHost({
      run: teeRunner(scriptPath, fake, into),
      features: { print: true },
      renderXlsx: renderWorkbookSpec,
      openWorkbook: (b64) => fake.createWorkbook(b64),
    });
    const apply = made.apply.bind(made);
    made.apply = async (plan, progress) => {
      const start = into.length;
      const result = await apply(plan, progress);
      // The write batches are the apply's last syncs, in the order writeBatches gives them.
      const estimates = hostEstimates(plan);
      const writes = into.slice(into.length - estimates.length);
      writes.forEach((m, i) => (m.host = estimates[i]));
      if (into.length - start < estimates.length) throw new Error('batches and syncs do not line up');
      return result;
    };
    return made;
  };
  await generateGrids(host(create), { form, session: 2027, roster: { sheet: 'Liste' }, clock });
  await runControl(host(control), { clock, write: true });
  return { create, control };
}

if (require.main === module) {
  const script = process.argv[2];
  if (!script) {
    console.error('Usage: node build/bench/office-wire.js <excel-web-16.00.debug.js>');
    process.exit(2);
  }
  (async () => {
    for (const [n, form] of [
      [35, 'ccf'],
      [35, 'ponctuel'],
      [600, 'ccf'],
    ] as const) {
      const { create, control } = await measureWire(script, n, form);
      for (const [step, rows] of [
        ['Créer', create],
        ['Contrôle', control],
      ] as const)
        for (const m of rows)
          console.log(
            `${n} ${form}\t${step}\tops ${m.ops}\tloads ${m.loads}\tfake ${m.fake}\twire ${m.wire}\tratio ${(m.wire / m.fake).toFixed(3)}\tfake-est ${(wireEstimate(m.fake, m.ops, m.loads) / m.wire).toFixed(3)}${m.host ? `\thost ${m.host}\thost/wire ${(m.host / m.wire).toFixed(3)}` : ''}`,
          );
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
