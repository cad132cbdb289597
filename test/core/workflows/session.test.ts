import { generateGrids } from '../../../core/workflows/generate';
import { decideSession } from '../../../core/workflows/session';
import { scanWorkbook, sheetsOfKind } from '../../../core/workflows/scan';
import { loadXlsxFixture } from '../../helpers/fixtures';
import { MemoryHost } from '../../helpers/memory-host';

/** « classe-ndrc2-ccf.xlsx » is titled « Session 2026 — Épreuve E4 (CCF) »; in November 2026 the default is 2027. */
const november2026 = (): Date => new Date('2026-11-28T10:00:00Z');
const titled = { year: 2026, text: 'Session 2026 — Épreuve E4 (CCF)', row: 2 };

async function classHost(): Promise<MemoryHost> {
  const [sheet] = await loadXlsxFixture('classe-ndrc2-ccf.xlsx');
  return MemoryHost.withSheet(sheet.name, sheet.values);
}

async function tabSessions(host: MemoryHost): Promise<Set<number | undefined>> {
  return new Set(sheetsOfKind(await scanWorkbook(host), 'grid').map((t) => t.marker.session));
}

describe('decideSession', () => {
  it('takes the default from the clock and the known sessions from the référentiel', () => {
    expect(decideSession({ asker: 'panel' }, titled, november2026).session).toBe(2026);
    expect(decideSession({ asker: 'panel' }, undefined, november2026)).toEqual({
      session: 2027,
      warning: false,
    });
    expect(decideSession({ asker: 'panel' }, { ...titled, year: 2019 }, november2026)).toMatchObject({
      session: 2027,
      warning: true,
    });
  });
});

describe('generateGrids with a session asked for rather than given', () => {
  it('prints the roster title’s session and says why', async () => {
    const host = await classHost();
    const result = await generateGrids(host, {
      form: 'ccf',
      session: { asker: 'panel' },
      roster: {},
      clock: november2026,
    });
    expect(result.exitCode).toBe(0);
    expect(result.session).toMatchObject({ session: 2026, warning: false });
    expect(result.session?.message).toContain('« Session 2026 — Épreuve E4 (CCF) »');
    expect(await tabSessions(host)).toEqual(new Set([2026]));
  });

  it('keeps a year the user forced, with a warning (exit 1)', async () => {
    const host = await classHost();
    const result = await generateGrids(host, {
      form: 'ccf',
      session: { forced: 2027, asker: 'panel' },
      roster: {},
      clock: november2026,
    });
    expect(result.exitCode).toBe(1);
    expect(result.session).toMatchObject({ session: 2027, warning: true });
    expect(await tabSessions(host)).toEqual(new Set([2027]));
  });

  it('still prints a session given as a number as is, and says nothing', async () => {
    const host = await classHost();
    const result = await generateGrids(host, { form: 'ccf', session: 2027, roster: {}, clock: november2026 });
    expect(result.session).toBeUndefined();
    expect(await tabSessions(host)).toEqual(new Set([2027]));
  });
});
