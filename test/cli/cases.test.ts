import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'fs';
import { spawnSync } from 'child_process';
import { join } from 'path';
import * as generate from '../../core/workflows/generate';
import { classFile } from '../helpers/class-file';
import { editWithExceljs } from '../helpers/xlsx-view';
import { copyFixture, runCli, tempDir } from '../helpers/cli';

/**
 * The cases of issue 10 as a user meets them on the command line: outputs never replace someone's data,
 * the roster is never an output, warnings exit 1, read-only files stay so, temporary files do not pile
 * up, and every failure is French. (Case 3, identities, is in identity.test.ts.)
 */

const ROSTER = 'N° candidat;Nom;Prénom\r\n02600001;DUPONT;Marie\r\n02600002;DURAND;Paul\r\n';

function noEnglish(text: string): void {
  expect(text).not.toMatch(/ENOENT|EISDIR|EACCES|EPERM|no such file|Error:| {4}at /);
}

describe('case 1: an output never replaces a file that holds data', () => {
  it('refuses a grids workbook with grades as -o of a roster, and says to rerun on it (exit 2)', async () => {
    const dir = tempDir();
    const grids = await classFile(dir, [{ note: 15 }, { note: 9 }]);
    writeFileSync(join(dir, 'liste.csv'), ROSTER);
    const before = readFileSync(join(dir, grids));
    const run = await runCli(['grilles', 'liste.csv', '-o', grids], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`grilles-e4 grilles ${grids}`);
    expect(run.out).not.toContain('créé');
    expect(readFileSync(join(dir, grids))).toEqual(before);
    const forced = await runCli(['grilles', 'liste.csv', '-o', grids, '--remplacer'], dir);
    expect(forced.code).toBe(2);
    expect(readFileSync(join(dir, grids))).toEqual(before);
  });

  it('refuses any other existing file unless --remplacer says it may be discarded', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'liste.csv'), ROSTER);
    writeFileSync(join(dir, 'autre.xlsx'), 'pas un classeur');
    const run = await runCli(['grilles', 'liste.csv', '-o', 'autre.xlsx'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('existe déjà');
    expect(run.err).toContain('--remplacer');
    expect(readFileSync(join(dir, 'autre.xlsx'), 'utf8')).toBe('pas un classeur');
    const forced = await runCli(['grilles', 'liste.csv', '-o', 'autre.xlsx', '--remplacer'], dir);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('2 onglets créés');
  });

  it('stats -o never replaces an unrelated file (a CSV roster), but regenerates its own workbook', async () => {
    const dir = tempDir();
    const grids = await classFile(dir, [{ note: 15 }]);
    writeFileSync(join(dir, 'tableau.xlsx'), 'données de quelqu’un');
    const other = await runCli(['stats', grids, '-o', 'tableau.xlsx'], dir);
    expect(other.code).toBe(2);
    expect(other.err).toContain("n'est pas un tableau de statistiques écrit par Grilles E4");
    expect(readFileSync(join(dir, 'tableau.xlsx'), 'utf8')).toBe('données de quelqu’un');
    const csv = await runCli(['stats', grids, '-o', 'classe.csv'], dir);
    expect(csv.code).toBe(2);
    expect(csv.err).toContain('.xlsx');

    const first = await runCli(['stats', grids, '-o', 'stats.xlsx'], dir);
    expect(first.code).toBeLessThan(2);
    const again = await runCli(['stats', grids, '-o', 'stats.xlsx'], dir);
    expect(again.code).toBe(first.code);
    expect(again.out).toContain('Statistiques écrites');
  });
});

describe('case 2: the source roster is never an output', () => {
  it.each([
    ['the same name', 'liste.csv'],
    ['another spelling', './sous/../liste.csv'],
  ])(
    'refuses -o naming the roster by %s, and the roster keeps its bytes (exit 2)',
    async (_how, spelling) => {
      const dir = tempDir();
      mkdirSync(join(dir, 'sous'));
      writeFileSync(join(dir, 'liste.csv'), ROSTER);
      const run = await runCli(['grilles', 'liste.csv', '-o', spelling], dir);
      expect(run.code).toBe(2);
      expect(readFileSync(join(dir, 'liste.csv'), 'utf8')).toBe(ROSTER);
    },
  );

  it('refuses a roster .xlsx as its own output, and a hard link to it', async () => {
    const dir = tempDir();
    const roster = copyFixture('classe-ndrc2-ccf.xlsx', dir);
    const before = readFileSync(join(dir, roster));
    const same = await runCli(['grilles', roster, '-o', roster], dir);
    expect(same.code).toBe(2);
    expect(same.err).toContain("la liste de la classe, que la commande lit : Grilles E4 ne l'écrit jamais");
    linkSync(join(dir, roster), join(dir, 'lien.xlsx'));
    const linked = await runCli(['grilles', roster, '-o', 'lien.xlsx', '--remplacer'], dir);
    expect(linked.code).toBe(2);
    expect(readFileSync(join(dir, roster))).toEqual(before);
  });

  it('refuses an output whose extension does not say what is written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'liste.csv'), ROSTER);
    const run = await runCli(['grilles', 'liste.csv', '-o', 'grilles.csv'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('doit finir par .xlsx ou .xlsm');
    expect(existsSync(join(dir, 'grilles.csv'))).toBe(false);
  });
});

describe('case 4: warnings exit 1', () => {
  it('exits 1 when a tab has no candidate left in the roster', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'liste.csv'), ROSTER);
    expect((await runCli(['grilles', 'liste.csv'], dir)).code).toBe(0);
    const grids = join(dir, 'liste-grilles.xlsx');
    // The second candidate leaves the class: only the first row stays in the roster of the workbook.
    await editWithExceljs(grids, (wb) => wb.getWorksheet('Liste')!.spliceRows(3, 1));
    const run = await runCli(['grilles', 'liste-grilles.xlsx'], dir);
    expect(run.out).toContain("n'a plus de candidat dans la liste");
    expect(run.code).toBe(1);
  });
});

describe('case 5: a read-only workbook stays read-only and unchanged', () => {
  it('refuses to update a read-only class workbook in place (exit 2, French, mode 0444 kept)', async () => {
    const dir = tempDir();
    const grids = await classFile(dir, [{ note: 15 }, null]);
    const path = join(dir, grids);
    chmodSync(path, 0o444);
    const before = readFileSync(path);
    for (const argv of [
      ['grilles', grids],
      ['controle', grids],
    ]) {
      const run = await runCli(argv, dir);
      expect(run.code).toBe(2);
      expect(run.err).toContain('est en lecture seule');
      expect(readFileSync(path)).toEqual(before);
      expect(statSync(path).mode & 0o777).toBe(0o444);
    }
  });

  it('keeps the mode of a workbook it rewrites', async () => {
    const dir = tempDir();
    const grids = await classFile(dir, [{ note: 15 }]);
    chmodSync(join(dir, grids), 0o640);
    const run = await runCli(['controle', grids], dir);
    expect(run.code).toBeLessThan(2);
    expect(statSync(join(dir, grids)).mode & 0o777).toBe(0o640);
  });
});

describe('case 7: « open elsewhere » only when it is the cause', () => {
  it('refuses to update a workbook Excel or LibreOffice has open (its lock file is beside it)', async () => {
    const dir = tempDir();
    const grids = await classFile(dir, [{ note: 15 }]);
    const before = readFileSync(join(dir, grids));
    for (const lock of [`~$${grids}`, `.~lock.${grids}#`]) {
      writeFileSync(join(dir, lock), '');
      const run = await runCli(['controle', grids], dir);
      expect(run.code).toBe(2);
      expect(run.err).toContain('est ouvert dans Excel ou LibreOffice');
      expect(run.err).toContain(lock);
      expect(readFileSync(join(dir, grids))).toEqual(before);
      unlinkSync(join(dir, lock));
    }
    const closed = await runCli(['controle', grids], dir);
    expect(closed.code).toBeLessThan(2);
    expect(closed.err).not.toContain('ouvert');
  });
});

describe('case 6: temporary files', () => {
  it('removes the temporary files a killed run left (dead process), and leaves none of its own', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'liste.csv'), ROSTER);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = [
      `.liste-grilles.xlsx.${dead}.1767225600000.tmp`,
      `~liste-grilles.xlsx.grilles-e4.${dead}.tmp`,
    ];
    for (const name of stale) writeFileSync(join(dir, name), 'moitié de classeur');
    const run = await runCli(['grilles', 'liste.csv'], dir);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['liste-grilles.xlsx', 'liste.csv']);
  });
});

describe('case 7: every failure in French, the output checked before any work', () => {
  afterEach(() => jest.restoreAllMocks());

  it('checks the output folder before generating anything', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'liste.csv'), ROSTER);
    const spy = jest.spyOn(generate, 'generateGrids');
    const run = await runCli(['grilles', 'liste.csv', '-o', 'absent/classe.xlsx'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`Le dossier ${join(dir, 'absent')} n'existe pas`);
    noEnglish(run.err);
    expect(spy).not.toHaveBeenCalled();
  });

  it('says a folder is a folder, in French', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'liste.csv'), ROSTER);
    mkdirSync(join(dir, 'sortie.xlsx'));
    const out = await runCli(['grilles', 'liste.csv', '-o', 'sortie.xlsx'], dir);
    expect(out.code).toBe(2);
    expect(out.err).toContain('sortie.xlsx est un dossier');
    mkdirSync(join(dir, 'dossier.csv'));
    const input = await runCli(['grilles', 'dossier.csv'], dir);
    expect(input.code).toBe(2);
    expect(input.err).toContain('dossier.csv est un dossier, pas un fichier');
    noEnglish(out.err + input.err);
  });

  it('says a missing input is missing, in French', async () => {
    const run = await runCli(['grilles', 'absente.csv'], tempDir());
    expect(run.code).toBe(2);
    expect(run.err).toContain('absente.csv est introuvable');
    noEnglish(run.err);
  });

  it('calls an empty .csv an empty file, not a sheet « Liste »', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'vide.csv'), '\uFEFF\r\n;;\r\n');
    const run = await runCli(['grilles', 'vide.csv'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Le fichier vide.csv est vide');
    expect(run.err).not.toContain('« Liste »');
  });

  it('hides the English text of a library error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'liste.csv'), ROSTER);
    const library = Object.assign(new Error('Worksheet name already exists: X'), {
      stack:
        'Error: Worksheet name already exists: X\n    at Workbook.addWorksheet (/app/node_modules/exceljs/lib/doc/workbook.js:1:1)',
    });
    jest.spyOn(generate, 'generateGrids').mockRejectedValue(library);
    const run = await runCli(['grilles', 'liste.csv'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Erreur inattendue');
    expect(run.err).not.toContain('Worksheet');
  });

  it('hides an unexpected English error and its stack unless --debug is given', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'liste.csv'), ROSTER);
    jest
      .spyOn(generate, 'generateGrids')
      .mockRejectedValue(new TypeError('Cannot read properties of undefined'));
    const plain = await runCli(['grilles', 'liste.csv'], dir);
    expect(plain.code).toBe(2);
    expect(plain.err).toContain('Erreur inattendue');
    expect(plain.err).toContain('--debug');
    expect(plain.err).not.toContain('Cannot read');
    noEnglish(plain.err);
    const debug = await runCli(['grilles', 'liste.csv', '--debug'], dir);
    expect(debug.err).toContain('Cannot read properties of undefined');
    expect(debug.err).toMatch(/ {4}at /);
  });
});

describe('grilles-e4 demo', () => {
  it('never empties a demo/ folder that holds files it did not write', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'demo'));
    writeFileSync(join(dir, 'demo', 'mes-notes.xlsx'), 'à garder');
    const run = await runCli(['demo'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('mes-notes.xlsx');
    expect(readFileSync(join(dir, 'demo', 'mes-notes.xlsx'), 'utf8')).toBe('à garder');
  });
});

describe('case 2: the extension says what is written', () => {
  afterEach(() => jest.restoreAllMocks());

  it('refuses .xlsm for a workbook made from a roster without macros, before any work', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'liste.csv'), ROSTER);
    const spy = jest.spyOn(generate, 'generateGrids');
    const run = await runCli(['grilles', 'liste.csv', '-o', 'classe.xlsm'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('doit finir par .xlsx');
    expect(spy).not.toHaveBeenCalled();
    expect(existsSync(join(dir, 'classe.xlsm'))).toBe(false);
  });

  it('names the copy of a macro workbook after what the engine actually wrote', async () => {
    const dir = tempDir();
    const macro = copyFixture('excel-made/classe-45431.xlsm', dir);
    const xlsm = await runCli(['grilles', macro, '-o', 'copie.xlsm'], dir);
    const xlsx = await runCli(['grilles', macro, '-o', 'copie.xlsx'], dir);
    // Exactly one of the two names fits the bytes written; the other is refused and not written.
    expect([xlsm.code, xlsx.code].filter((c) => c === 2)).toHaveLength(1);
    const refused = xlsm.code === 2 ? xlsm : xlsx;
    expect(refused.err).toMatch(/doit finir par \.xls[xm] \(par exemple -o copie\.xls[xm]\)/);
    expect(existsSync(join(dir, xlsm.code === 2 ? 'copie.xlsm' : 'copie.xlsx'))).toBe(false);
  });
});
