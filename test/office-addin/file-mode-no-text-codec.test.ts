import { XlsxHost } from '../../xlsx/host';
import { decodeText as decodeTextNative } from '../../core/roster/csv';
import { readRosterFixtureBytes } from '../helpers/fixtures';

/**
 * Internet Explorer 11 — the task pane of Excel 2016/2019 MSI, the very Excels that run file mode — has
 * no TextDecoder and no TextEncoder, and core-js does not fill them. File mode's engine and the CSV
 * roster reader are loaded here in a module registry of their own with both globals gone: loading them
 * must not throw, and what they make must read back (with the native decoder) as the same text.
 */

type Engine = typeof import('../../office-addin/file-mode/engine');
type Csv = typeof import('../../core/roster/csv');

const clock = (): Date => new Date(2026, 9, 1);
const g = globalThis as { TextDecoder?: unknown; TextEncoder?: unknown };
const saved = { TextDecoder: g.TextDecoder, TextEncoder: g.TextEncoder };

let engine: Engine;
let csv: Csv;

beforeAll(() => {
  delete g.TextDecoder;
  delete g.TextEncoder;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    engine = require('../../office-addin/file-mode/engine') as Engine;
  });
  jest.isolateModules(() => {
    csv = require('../../core/roster/csv') as Csv;
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
});

afterAll(() => Object.assign(g, saved));

/** Runs `work` with the globals gone (they are put back around the native checks). */
async function withoutCodec<T>(work: () => Promise<T>): Promise<T> {
  delete g.TextDecoder;
  delete g.TextEncoder;
  try {
    expect(typeof TextDecoder).toBe('undefined');
    return await work();
  } finally {
    Object.assign(g, saved);
  }
}

describe('file mode in an engine without TextDecoder and TextEncoder (IE 11)', () => {
  it('makes the grids, « Contrôle » and the statistics from a roster workbook', async () => {
    const roster = readRosterFixtureBytes('classe-ndrc2-ccf.xlsx');
    const grids = await withoutCodec(() =>
      engine.gridsFromWorkbook(roster, { form: 'ccf', session: 2027, clock }),
    );
    expect(grids.result.created.length).toBeGreaterThan(10);
    const before = await (await XlsxHost.fromBytes(roster)).listSheets();
    const names = await (await XlsxHost.fromBytes(grids.bytes)).listSheets();
    expect(names).toEqual(expect.arrayContaining([...before, 'Suivi E4', ...grids.result.created]));
    // Accented names went through the hand-written decoder and encoder and read back the same.
    expect(grids.result.created.join('')).toMatch(/[À-ÿ]/);

    const checked = await withoutCodec(() => engine.controlWorkbook(grids.bytes, clock));
    expect(checked.result.assessments).toHaveLength(grids.result.created.length);
    expect(await (await XlsxHost.fromBytes(checked.bytes)).listSheets()).toContain('Contrôle');

    const stats = await withoutCodec(() =>
      engine.statisticsWorkbook(grids.bytes, clock, false).then(
        (s) => s.summary.inscrits,
        (e: Error) => e.message,
      ),
    );
    expect(stats === grids.result.created.length || /candidat/.test(String(stats))).toBe(true);
  }, 300_000);
});

describe('CSV rosters in an engine without TextDecoder (IE 11, Apps Script)', () => {
  const text = decodeTextNative(readRosterFixtureBytes('export-vie-scolaire.csv'));
  const utf16 = (le: boolean): Uint8Array =>
    new Uint8Array(
      [0xfeff, ...Array.from(text, (ch) => ch.charCodeAt(0))].flatMap((u) =>
        le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff],
      ),
    );

  it('decodes the same text from UTF-8 with BOM, UTF-16 LE and BE, and Windows-1252', async () => {
    expect(text).toMatch(/Élève/);
    expect(Array.from(text).every((ch) => ch.charCodeAt(0) < 0x100)).toBe(true);
    const cp1252 = new Uint8Array(Array.from(text, (ch) => ch.charCodeAt(0)));
    const inputs = [readRosterFixtureBytes('export-vie-scolaire.csv'), utf16(true), utf16(false), cp1252];
    const decoded = await withoutCodec(async () => inputs.map((bytes) => csv.decodeText(bytes)));
    expect(decoded).toEqual([text, text, text, text]);
    const rows = await withoutCodec(async () => csv.parseCsv(decoded[0]));
    expect(rows.length).toBeGreaterThan(2);
  });
});
