import {
  controlWorkbook,
  gridsFromWorkbook,
  rosterWorkbook,
  statisticsWorkbook,
} from '../../office-addin/file-mode/engine';
import { XlsxHost } from '../../xlsx/host';
import { readRosterFixtureBytes } from '../helpers/fixtures';

/** File mode's engine: the command line's workflows on .xlsx bytes, through XlsxHost's public API. */
const clock = (): Date => new Date(2026, 9, 1);

describe('file mode engine', () => {
  it('turns a roster workbook into the complete grids workbook, roster sheet kept', async () => {
    const roster = readRosterFixtureBytes('classe-ndrc2-ccf.xlsx');
    const before = await (await XlsxHost.fromBytes(roster)).listSheets();
    const { result, bytes } = await gridsFromWorkbook(roster, { form: 'ccf', session: 2027, clock });
    expect(result.created.length).toBeGreaterThan(10);
    const names = await (await XlsxHost.fromBytes(bytes)).listSheets();
    expect(names).toEqual(expect.arrayContaining([...before, 'Suivi E4', ...result.created]));
  }, 120_000);

  it('prints the session of the roster’s title when the pane leaves « Session » as it was', async () => {
    const roster = readRosterFixtureBytes('classe-ndrc2-ccf.xlsx');
    const { result } = await gridsFromWorkbook(roster, { form: 'ccf', session: { asker: 'panel' }, clock });
    expect(clock().getFullYear()).toBe(2026);
    expect(result.session).toMatchObject({ session: 2026, warning: false });
    expect(result.session?.message).toContain('« Session 2026 — Épreuve E4 (CCF) »');
    expect(result.session?.message).toContain('et non 2027');
  }, 120_000);

  it('builds the roster workbook from the selection values and the grids from it', async () => {
    const rows = [
      ['N° candidat', 'Nom', 'Prénom'],
      ['0001', 'MARTIN', 'Léa'],
      ['0002', '=1+1', '@Hugo'],
    ];
    const roster = await rosterWorkbook('Ma classe', rows);
    const { result, bytes } = await gridsFromWorkbook(roster, {
      form: 'ponctuel',
      session: 2027,
      clock,
      sheet: 'Ma classe',
    });
    expect(result.created).toHaveLength(2);
    const host = await XlsxHost.fromBytes(bytes);
    expect(await host.listSheets()).toEqual(expect.arrayContaining(['Ma classe', 'Suivi E4', 'MARTIN Léa']));
    const [values] = await host.readRanges([{ sheet: 'Ma classe', range: 'A1:C3' }]);
    expect(values[2]).toEqual(['0002', '=1+1', '@Hugo']);
  }, 120_000);

  it('checks a grids workbook into a copy with « Contrôle », and makes its statistics or says why not', async () => {
    const roster = readRosterFixtureBytes('classe-ndrc2-ccf.xlsx');
    const grids = await gridsFromWorkbook(roster, { form: 'ccf', session: 2027, clock });
    const checked = await controlWorkbook(grids.bytes, clock);
    expect(checked.result.assessments).toHaveLength(grids.result.created.length);
    expect(await (await XlsxHost.fromBytes(checked.bytes)).listSheets()).toContain('Contrôle');
    const stats = await statisticsWorkbook(grids.bytes, clock, false).then(
      (s) => s.summary.inscrits,
      (e: Error) => e.message,
    );
    expect(stats === grids.result.created.length || /candidat/.test(String(stats))).toBe(true);
  }, 180_000);
});
