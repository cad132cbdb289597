import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { readSettings, SETTINGS_RANGE } from '../../core/settings/sheet';
import { openInput } from '../../xlsx/files';
import { XlsxHost } from '../../xlsx/host';
import { runCli, tempDir } from '../helpers/cli';
import { classFile } from '../helpers/class-file';

async function sheetNames(path: string): Promise<string[]> {
  return (await XlsxHost.fromBytes(new Uint8Array(readFileSync(path)))).listSheets();
}

describe('grilles-e4 stats', () => {
  it('writes a final table (exit 0) when every candidate is graded and checked', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [
      { note: 12 },
      { note: 15.5 },
      { status: 'Absent (ABS)', note: null, allLevels: null, activity: null },
    ]);
    const run = await runCli(
      ['stats', file, '-o', 'stats.xlsx', '--etablissement', 'Lycée Jean Moulin', '--uai', '0750000A'],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain('Tableau définitif : 3 inscrit(s), 2 présent(s) noté(s), moyenne 13,75');
    expect(await sheetNames(join(dir, 'stats.xlsx'))).toEqual(['Synthèse', 'Répartition', 'Compétences']);
  });

  it('says PROVISOIRE (exit 1) while a candidate is not graded', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [{ note: 12 }, null]);
    const run = await runCli(['stats', file, '-o', 'stats.xlsx'], dir);
    expect(run.code).toBe(1);
    expect(run.out).toContain('PROVISOIRE');
  });

  it('adds « Notes » only with --nominatif', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [{ note: 12 }]);
    await runCli(['stats', file, '-o', 'anonyme.xlsx'], dir);
    await runCli(['stats', file, '-o', 'nominatif.xlsx', '--nominatif'], dir);
    expect(await sheetNames(join(dir, 'anonyme.xlsx'))).not.toContain('Notes');
    expect(await sheetNames(join(dir, 'nominatif.xlsx'))).toContain('Notes');
    const anonymous = await XlsxHost.fromBytes(new Uint8Array(readFileSync(join(dir, 'anonyme.xlsx'))));
    const sheets = await anonymous.listSheets();
    const text = JSON.stringify(await anonymous.readRanges(sheets.map((sheet) => ({ sheet }))));
    expect(text).not.toContain('NOM1');
    expect(text).not.toContain('02600001');
  });

  it('remembers the établissement in « Paramètres E4 » so the next run needs no flag', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [{ note: 12 }]);
    await runCli(
      ['stats', file, '-o', 'a.xlsx', '--etablissement', 'Lycée Jean Moulin', '--uai', '0750000A'],
      dir,
    );
    const { host } = await openInput(join(dir, file));
    const [values] = await host.readRanges([{ sheet: 'Paramètres E4', range: SETTINGS_RANGE }]);
    expect(readSettings(values)).toMatchObject({ etablissement: 'Lycée Jean Moulin', uai: '0750000A' });
    const second = await runCli(['stats', file], dir);
    expect(second.out).toContain('statistiques-E4-2026-lycee-jean-moulin.xlsx');
  });

  it('refuses to overwrite the class workbook and an invalid UAI, writing nothing (exit 2)', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [{ note: 12 }]);
    const before = readFileSync(join(dir, file));
    const same = await runCli(['stats', file, '-o', file], dir);
    expect(same.code).toBe(2);
    expect(same.err).toContain("est le classeur de la classe : Grilles E4 ne l'écrit jamais");
    expect(readFileSync(join(dir, file))).toEqual(before);
    const uai = await runCli(['stats', file, '--uai', '123'], dir);
    expect(uai.code).toBe(2);
    expect(uai.err).toContain('7 chiffres et une lettre');
  });

  it('exits 2 and writes nothing on a workbook without candidate tabs', async () => {
    const dir = tempDir();
    await classFile(dir, [{ note: 12 }]);
    const run = await runCli(['stats', 'classe.csv', '-o', 'x.xlsx'], dir);
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});
