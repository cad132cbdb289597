import type { ApplyPlan } from '../../core/port';
import { runControl } from '../../core/workflows/control';
import { generateGrids } from '../../core/workflows/generate';
import { applyPlan, batchWireBytes, writeBatches } from '../../office-addin/apply-plan';
import { RECAP_SHEET } from '../../core/grid/naming';
import { recapSheet } from '../../core/grid/recap';
import { E4 } from '../../core/referentiel';
import { HostError } from '../../office-addin/errors';
import { OfficeHost } from '../../office-addin/host';
import { LIMITS } from '../../office-addin/runner';
import { utf8Length } from '../../office-addin/wire-size';
import { rosterValues } from '../../bench/synthetic';
import { FakeExcel, PAYLOAD_LIMIT, type SyncRecord } from '../fakes/excel';
import { makeOfficeHost } from './make-host';

/**
 * Request sizes against the estimate calibrated on Microsoft's serializer (bench/office-wire.ts,
 * docs/host-facts/excel.md): the fake counts each request as Office.js would send it, the host sizes
 * its batches on its own estimate, and a batch Excel refuses as too large is split and retried.
 */
const clock = (): Date => new Date(2026, 9, 1);

function classOf(n: number): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet(
    'Liste',
    rosterValues(n).map((r) =>
      r.map((v) => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : v)),
    ),
  );
  return excel;
}

/** A host that also records, per write batch of each plan, the host's estimate. */
function recordingHost(excel: FakeExcel): { host: OfficeHost; estimates: number[] } {
  const { host } = makeOfficeHost(excel);
  const estimates: number[] = [];
  const apply = host.apply.bind(host);
  host.apply = async (plan: ApplyPlan, progress) => {
    const { chunks, finals } = writeBatches(plan);
    estimates.push(
      ...chunks.map((c, i) => batchWireBytes(plan, c, i === 0)),
      ...finals.map((f) => batchWireBytes(plan, f)),
    );
    return apply(plan, progress);
  };
  return { host, estimates };
}

const writes = (syncs: SyncRecord[]): SyncRecord[] => syncs.filter((s) => s.loads === 0 && s.ops > 0);

describe.each([35, 600])('requests for %i candidates', (n) => {
  let excel: FakeExcel;
  let estimates: number[];

  beforeAll(async () => {
    excel = classOf(n);
    const made = recordingHost(excel);
    estimates = made.estimates;
    await generateGrids(made.host, { form: 'ccf', session: 2027, roster: { sheet: 'Liste' }, clock });
    await runControl(made.host, { clock, write: true });
  }, 300_000);

  it('keeps every request under the byte budget, 1 MB under the 5 MB limit, on the real-size estimate', () => {
    expect(excel.syncs.length).toBeGreaterThan(3);
    for (const sync of excel.syncs) {
      expect(sync.wireBytes).toBeLessThanOrEqual(LIMITS.requestBytes);
      expect(sync.wireBytes).toBeLessThan(PAYLOAD_LIMIT);
    }
  });

  it('estimates each write batch at or above (within 5 %) the calibrated real size', () => {
    const written = writes(excel.syncs);
    expect(written).toHaveLength(estimates.length);
    written.forEach((sync, i) => {
      expect(estimates[i]).toBeGreaterThanOrEqual(sync.wireBytes * 0.95);
      expect(estimates[i]).toBeLessThanOrEqual(LIMITS.requestBytes);
    });
  });

  it('sends the real size, not the JSON the fake counts: Office.js adds about half again', () => {
    const biggest = writes(excel.syncs).reduce((a, b) => (b.wireBytes > a.wireBytes ? b : a));
    expect(biggest.wireBytes).toBeGreaterThan(biggest.requestBytes * 1.4);
  });
});

describe('a batch Excel refuses as too large', () => {
  it('is split and retried until every tab exists, with the progress complete', async () => {
    const excel = classOf(120);
    excel.requestLimit = 600_000;
    const { host } = makeOfficeHost(excel);
    const progress: number[] = [];
    const result = await generateGrids(host, {
      form: 'ccf',
      session: 2027,
      roster: { sheet: 'Liste' },
      clock,
      progress: (done) => progress.push(done),
    });
    expect(result.created).toHaveLength(120);
    const refused = excel.syncs.filter((s) => s.wireBytes > excel.requestLimit);
    expect(refused.length).toBeGreaterThan(0);
    expect(excel.sheetNames().filter((name) => name.startsWith('GE4-modèle'))).toEqual([]);
    expect(excel.sheetNames()).toContain('Suivi E4');
    expect(progress[progress.length - 1]).toBe(120);
    // Control runs over the split tabs as over any others.
    const control = await runControl(host, { clock, write: true });
    expect(control.assessments).toHaveLength(120);
  }, 300_000);

  it('is cut by cells when one tab of the add-in alone is too large, and protected once, at the end', async () => {
    const excel = new FakeExcel({ requestLimit: 150_000 });
    excel.addSheet('Liste');
    const rows = Array.from({ length: 600 }, (_, i) => ({
      sheet: `NOM${i} Prénom`,
      candidate: { number: String(i + 1), nom: `NOM${i}`, prenom: 'Prénom' },
      form: 'ccf' as const,
    }));
    const spec = recapSheet(E4, rows);
    const plan: ApplyPlan = { templates: {}, add: [], replace: [{ spec, position: 'first' }], updates: [] };
    expect(writeBatches(plan).finals).toHaveLength(1);
    await applyPlan((batch) => excel.run(batch), plan, { print: true });
    const written = excel.syncs.filter((s) => s.wireBytes <= excel.requestLimit && s.ops > 0);
    expect(written.length).toBeGreaterThan(2);
    expect(excel.sheetNames()).toEqual([RECAP_SHEET, 'Liste']);
    const sheet = excel.model.get(RECAP_SHEET);
    expect(sheet.protected).toBe(true);
    const last = spec.cells.filter((c) => c.r === 3 + 600);
    expect(last.length).toBeGreaterThan(3);
    for (const cell of last) expect(sheet.cell(cell.r, cell.c)).toBeDefined();
  }, 120_000);

  it('stops with the French sentence when even one tab alone is too large', async () => {
    const excel = classOf(3);
    excel.requestLimit = 20_000;
    const { host } = makeOfficeHost(excel);
    const error = await generateGrids(host, {
      form: 'ccf',
      session: 2027,
      roster: { sheet: 'Liste' },
      clock,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostError);
    expect((error as Error).message).toMatch(/trop volumineuse/);
    expect(excel.sheetNames()).toEqual(['Liste']);
  }, 120_000);
});

describe('utf8Length (no TextEncoder in IE 11)', () => {
  it('counts like TextEncoder, accents, « » and characters outside the BMP included', () => {
    for (const text of ['', 'abc', 'Léa « Éloïse »', '€', '😀 x', '\ud800'])
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});
