import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { CellValue } from '../../core/spec/types';
import { XlsxHost } from '../../xlsx/host';
import { loadZip } from '../../xlsx/package/xml';
import { runCli, tempDir } from '../helpers/cli';
import { gridsFile, type GridsPupil } from '../helpers/grids-file';

async function open(path: string): Promise<XlsxHost> {
  return XlsxHost.fromBytes(new Uint8Array(readFileSync(path)));
}

async function sheetValues(path: string, sheet: string): Promise<CellValue[][]> {
  const [values] = await (await open(path)).readRanges([{ sheet }]);
  return values;
}

/** Native charts in the written workbook (xl/charts/chartN.xml parts). */
async function chartParts(path: string): Promise<number> {
  const zip = await loadZip(new Uint8Array(readFileSync(path)));
  return Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;
}

function pupils(prefix: string, group: string, notes: number[]): GridsPupil[] {
  return notes.map((note, i) => ({
    number: `${prefix}${i + 1}`,
    nom: `${group}NOM${i + 1}`,
    group,
    fill: { note },
  }));
}

/** Two classes of one lycée in `dir/classes`: 2A (12, 14) and 2B (8, 10, 16). */
async function twoClasses(dir: string): Promise<string> {
  const classes = join(dir, 'classes');
  mkdirSync(classes);
  await gridsFile(classes, 'ndrc2a', pupils('0260001', '2A', [12, 14]));
  await gridsFile(classes, 'ndrc2b', pupils('0260002', '2B', [8, 10, 16]));
  return classes;
}

describe('grilles-e4 stats over several workbooks', () => {
  it('writes one table over both classes, with the « Classeurs » sheet (exit 0)', async () => {
    const dir = tempDir();
    await twoClasses(dir);
    const run = await runCli(
      ['stats', 'classes/ndrc2a.xlsx', 'classes/ndrc2b.xlsx', '-o', 'statistiques-E4.xlsx'],
      dir,
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'Tableau définitif sur 2 classeur(s) : 5 inscrit(s), 5 présent(s) noté(s), moyenne 12,00',
    );
    const path = join(dir, 'statistiques-E4.xlsx');
    expect(await (await open(path)).listSheets()).toEqual([
      'Synthèse',
      'Classeurs',
      'Répartition',
      'Compétences',
      'Commissions',
    ]);
    const rows = await sheetValues(path, 'Classeurs');
    expect(rows[4]).toEqual(['ndrc2a.xlsx', '2A', 'CCF', '2026', 2, 2, 0, 0, 0, 13]);
    expect(rows[5].slice(0, 6)).toEqual(['ndrc2b.xlsx', '2B', 'CCF', '2026', 3, 3]);
    expect(rows[5][9]).toBeCloseTo(34 / 3, 10);
    expect(await chartParts(path)).toBe(4);
    const one = await runCli(['stats', 'classes/ndrc2a.xlsx', '-o', 'une-classe.xlsx'], dir);
    expect(one.code).toBe(0);
    expect(await chartParts(join(dir, 'une-classe.xlsx'))).toBe(3);
  });

  it('takes a folder or a glob (expanded by the command itself), leaving out a previous table', async () => {
    const dir = tempDir();
    await twoClasses(dir);
    writeFileSync(join(dir, 'classes', 'notes.txt'), 'pas un classeur');
    const first = await runCli(['stats', 'classes', '-o', 'classes/statistiques-E4-2026.xlsx'], dir);
    expect(first.code).toBe(0);
    const again = await runCli(['stats', 'classes/'], dir);
    expect(again.code).toBe(0);
    expect(again.out).toContain('sur 2 classeur(s) : 5 inscrit(s)');
    expect(existsSync(join(dir, 'statistiques-E4-2026.xlsx'))).toBe(true);
    const glob = await runCli(['stats', 'classes/ndrc2*.xlsx', '-o', 'glob.xlsx'], dir);
    expect(glob.code).toBe(0);
    expect(glob.out).toContain('sur 2 classeur(s)');
    const none = await runCli(['stats', 'classes/zz*.xlsx', '-o', 'vide.xlsx'], dir);
    expect(none.code).toBe(2);
    expect(none.err).toContain('Aucun classeur .xlsx trouvé pour « classes/zz*.xlsx »');
    expect(existsSync(join(dir, 'vide.xlsx'))).toBe(false);
  });

  it('refuses workbooks of different sessions (exit 2), naming the files, writing nothing', async () => {
    const dir = tempDir();
    await gridsFile(dir, 'ndrc2026', pupils('0260001', '2A', [12]));
    await gridsFile(dir, 'ndrc2025', pupils('0250001', '2A', [12]), { session: 2025 });
    const run = await runCli(['stats', 'ndrc2026.xlsx', 'ndrc2025.xlsx', '-o', 'x.xlsx'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Sessions différentes : ndrc2026.xlsx (2026) ; ndrc2025.xlsx (2025)');
    expect(run.err).toContain("Rien n'a été écrit");
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('counts a candidate found in two workbooks once and names both files and tabs (exit 1, PROVISOIRE)', async () => {
    const dir = tempDir();
    await gridsFile(dir, 'groupe1', pupils('0260001', 'G1', [12, 14]));
    await gridsFile(dir, 'groupe2', [{ number: '02600012', nom: 'G1NOM2', group: 'G2', fill: { note: 6 } }]);
    const run = await runCli(['stats', 'groupe1.xlsx', 'groupe2.xlsx', '-o', 's.xlsx'], dir);
    expect(run.code).toBe(1);
    expect(run.out).toContain('Tableau PROVISOIRE sur 2 classeur(s) : 2 inscrit(s)');
    expect(run.err).toMatch(
      /N° candidat 02600012 est dans deux classeurs : groupe1\.xlsx \(onglet « [^»]*G1NOM2[^»]* »\) et groupe2\.xlsx \(onglet « [^»]*G1NOM2[^»]* »\)/,
    );
    const synthese = JSON.stringify(await sheetValues(join(dir, 's.xlsx'), 'Synthèse'));
    expect(synthese).toContain('PROVISOIRE');
  });

  it('lists and skips a workbook without grids (« aucune grille E4 », exit 1)', async () => {
    const dir = tempDir();
    await gridsFile(dir, 'ndrc2a', pupils('0260001', '2A', [12]));
    const roster = join(dir, 'liste.xlsx');
    const host = XlsxHost.fromRows([{ name: 'Liste', rows: [['N° candidat', 'Nom']] }]);
    writeFileSync(roster, await host.toBytes());
    const run = await runCli(['stats', 'ndrc2a.xlsx', 'liste.xlsx', '-o', 's.xlsx'], dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain('Ignoré : liste.xlsx — aucune grille E4');
    expect(run.out).toContain('sur 1 classeur(s) : 1 inscrit(s)');
  });

  it('stops on a damaged file (exit 2) unless --ignorer-illisibles, with a French message naming it', async () => {
    const dir = tempDir();
    await gridsFile(dir, 'ndrc2a', pupils('0260001', '2A', [12]));
    writeFileSync(join(dir, 'abime.xlsx'), 'PK\u0003\u0004 ceci n’est plus un classeur');
    const stop = await runCli(['stats', 'ndrc2a.xlsx', 'abime.xlsx', '-o', 's.xlsx'], dir);
    expect(stop.code).toBe(2);
    expect(stop.err).toContain('Illisible : abime.xlsx — Le fichier abime.xlsx');
    expect(stop.err).toContain('--ignorer-illisibles');
    expect(stop.err).not.toMatch(/Corrupted zip|Error|end of central|End of data/i);
    expect(existsSync(join(dir, 's.xlsx'))).toBe(false);
    const go = await runCli(
      ['stats', 'ndrc2a.xlsx', 'abime.xlsx', '-o', 's.xlsx', '--ignorer-illisibles'],
      dir,
    );
    expect(go.code).toBe(1);
    expect(go.err).toContain('Ignoré : abime.xlsx');
    expect(existsSync(join(dir, 's.xlsx'))).toBe(true);
  });
});

describe('grilles-e4 lire over several workbooks', () => {
  it('exports every candidate with a « Classeur » column, the CSV guarded against formulas', async () => {
    const dir = tempDir();
    await gridsFile(dir, 'ndrc2a', pupils('0260001', '2A', [12, 14]));
    await gridsFile(dir, '=cmd', pupils('0260002', '2B', [9]));
    const csv = await runCli(['lire', 'ndrc2a.xlsx', '=cmd.xlsx', '--csv'], dir);
    expect(csv.code).toBe(0);
    const lines = csv.out
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].startsWith('Classeur;Onglet;')).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[1].startsWith('ndrc2a.xlsx;')).toBe(true);
    expect(lines[3].startsWith("'=cmd.xlsx;")).toBe(true);
    const json = await runCli(['lire', '.', '--json'], dir);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as {
      candidates: Array<{ classeur: string; note: { value: number } }>;
    };
    expect(parsed.candidates.map((c) => [c.classeur, c.note.value])).toEqual([
      ['=cmd.xlsx', 9],
      ['ndrc2a.xlsx', 12],
      ['ndrc2a.xlsx', 14],
    ]);
  });
});
