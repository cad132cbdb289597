import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { CliIo } from '../../cli/io';

/**
 * The command line writes grids, « Contrôle » and the statistics workbook with the package engine alone:
 * exceljs (≈ 200 ms to load, plus its model) and jszip are never loaded. Each command runs in a fresh
 * module registry, and loading either library is recorded.
 */

const mockLoaded: string[] = [];
jest.mock('exceljs', () => {
  mockLoaded.push('exceljs');
  return jest.requireActual('exceljs');
});
jest.mock('jszip', () => {
  mockLoaded.push('jszip');
  return jest.requireActual('jszip');
});

/** Runs one command in a fresh module registry; returns its exit code and the libraries it loaded. */
async function isolated(argv: string[], cwd: string): Promise<{ code: number; loaded: string[] }> {
  mockLoaded.length = 0;
  let code = -1;
  const io: CliIo = {
    out: () => undefined,
    err: () => undefined,
    clock: () => new Date('2026-06-02T08:30:00Z'),
    cwd,
  };
  await jest.isolateModulesAsync(async () => {
    const { main } = await import('../../cli/main');
    code = await main(argv, io);
  });
  return { code, loaded: [...mockLoaded] };
}

describe('the command line without exceljs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grilles-sans-exceljs-'));
  beforeAll(() => {
    writeFileSync(
      join(dir, 'classe.csv'),
      ['N° candidat;Nom;Prénom', '02600001;NOM1;Prénom', '02600002;NOM2;Prénom'].join('\r\n'),
    );
  });

  it('sees a library loaded when it is, in every fresh registry (the check can fail)', async () => {
    for (let i = 0; i < 2; i++) {
      mockLoaded.length = 0;
      await jest.isolateModulesAsync(async () => {
        const { renderWorkbookSpec } = await import('../../xlsx/render');
        await renderWorkbookSpec({ title: 't', sheets: [] });
      });
      expect(mockLoaded).toEqual(['exceljs', 'jszip']);
    }
  });

  it('grilles writes the candidate tabs and « Suivi E4 » without exceljs or jszip', async () => {
    expect(await isolated(['grilles', 'classe.csv', '--session', '2026'], dir)).toEqual({
      code: 0,
      loaded: [],
    });
  });

  it('controle rewrites « Contrôle » and « Suivi E4 » without exceljs or jszip', async () => {
    const run = await isolated(['controle', 'classe-grilles.xlsx'], dir);
    expect(run.code).toBe(1);
    expect(run.loaded).toEqual([]);
  });

  it('stats writes the statistics workbook, charts included, without exceljs or jszip', async () => {
    const one = await isolated(
      ['stats', 'classe-grilles.xlsx', '-o', 'stats.xlsx', '--uai', '0750000A'],
      dir,
    );
    expect(one.code).toBe(1);
    expect(one.loaded).toEqual([]);
    const many = await isolated(
      ['stats', 'classe-grilles.xlsx', 'classe-grilles.xlsx', '-o', 'toutes.xlsx'],
      dir,
    );
    expect(many.code).toBeLessThanOrEqual(1);
    expect(many.loaded).toEqual([]);
  });
});
