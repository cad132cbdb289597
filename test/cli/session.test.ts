import { join } from 'path';
import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';
import { openInput } from '../../xlsx/files';
import { copyFixture, runCli, tempDir } from '../helpers/cli';

/** The roster « classe-ndrc2-ccf.xlsx » is titled « Session 2026 — Épreuve E4 (CCF) ». */

async function sessions(path: string): Promise<number[]> {
  const { host } = await openInput(path);
  return sheetsOfKind(await scanWorkbook(host), 'grid').map((t) => t.marker.session ?? 0);
}

async function printedTitle(path: string): Promise<string> {
  const { host } = await openInput(path);
  const tab = sheetsOfKind(await scanWorkbook(host), 'grid')[0].sheet;
  const [[[title]]] = await host.readRanges([{ sheet: tab, range: 'A3' }]);
  return String(title);
}

describe('grilles-e4 grilles: the session of the roster', () => {
  it('in November 2026 (default 2027), uses the roster title’s 2026 and says so (exit 0)', async () => {
    const dir = tempDir();
    const run = await runCli(
      ['grilles', copyFixture('classe-ndrc2-ccf.xlsx', dir)],
      dir,
      '2026-11-29T10:00:00Z',
    );
    expect(run.code).toBe(0);
    expect(run.err).toContain(
      'Session 2026 : la liste de la classe indique « Session 2026 — Épreuve E4 (CCF) » (ligne 2)',
    );
    const out = join(dir, 'classe-ndrc2-ccf-grilles.xlsx');
    expect(new Set(await sessions(out))).toEqual(new Set([2026]));
    expect(await printedTitle(out)).toContain('Session 2026');
  });

  it('warns (exit 1) when --session forces another year than the roster’s, and uses the forced one', async () => {
    const dir = tempDir();
    const run = await runCli(
      ['grilles', copyFixture('classe-ndrc2-ccf.xlsx', dir), '--session', '2027'],
      dir,
      '2026-11-29T10:00:00Z',
    );
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^Avertissement : la liste de la classe indique « Session 2026/m);
    expect(run.err).toContain('la session 2027 est demandée');
    expect(new Set(await sessions(join(dir, 'classe-ndrc2-ccf-grilles.xlsx')))).toEqual(new Set([2027]));
  });

  it('says nothing when --session agrees with the roster', async () => {
    const dir = tempDir();
    const run = await runCli(
      ['grilles', copyFixture('classe-ndrc2-ccf.xlsx', dir), '--session', '2026'],
      dir,
      '2026-11-29T10:00:00Z',
    );
    expect(run.code).toBe(0);
    expect(run.err).not.toContain('Session');
  });
});
