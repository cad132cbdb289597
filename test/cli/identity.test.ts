import { writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { gridMap } from '../../core/grid/map';
import { E4 } from '../../core/referentiel';
import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';
import { openInput, saveAtomic } from '../../xlsx/files';
import { runCli, tempDir } from '../helpers/cli';
import { teacherInputs } from '../helpers/fill';
import { editWithExceljs } from '../helpers/xlsx-view';

/**
 * Case 3 of issue 10: a number corrected in the roster after grading keeps the candidate's tab: the same
 * number written with its leading zero, or a typo fixed, with the same NOM, Prénom and birth date.
 */

const HEADER = 'N° candidat;Nom;Prénom;Date de naissance';

async function gradedClass(dir: string, rows: string[]): Promise<string> {
  writeFileSync(join(dir, 'classe.csv'), [HEADER, ...rows].join('\r\n'));
  const first = await runCli(['grilles', 'classe.csv'], dir);
  if (first.code !== 0) throw new Error(first.err);
  const path = join(dir, 'classe-grilles.xlsx');
  const { host } = await openInput(path);
  const tabs = sheetsOfKind(await scanWorkbook(host), 'grid');
  const updates = tabs.map((t) => ({ sheet: t.sheet, cells: teacherInputs('ccf', { note: 15 }) }));
  await host.apply({ templates: {}, add: [], replace: [], updates });
  await saveAtomic(host, path);
  return 'classe-grilles.xlsx';
}

/** The class list inside the workbook, row by row (A: number), as the teacher corrects it. */
async function correctNumbers(path: string, numbers: Record<number, string | number>): Promise<void> {
  await editWithExceljs(path, (wb) => {
    const sheet = wb.getWorksheet('Liste')!;
    for (const [row, value] of Object.entries(numbers)) sheet.getCell(Number(row), 1).value = value;
  });
}

async function tabs(path: string): Promise<Array<{ sheet: string; number?: string; note: unknown }>> {
  const { host } = await openInput(path);
  const map = gridMap(E4, 'ccf');
  const grids = sheetsOfKind(await scanWorkbook(host), 'grid');
  const notes = await host.readRanges(grids.map((t) => ({ sheet: t.sheet, range: map.note })));
  return grids.map((t, i) => ({
    sheet: t.sheet,
    number: t.marker.candidateNumber,
    note: notes[i][0]?.[0],
  }));
}

describe('case 3: a corrected N° candidat keeps the graded tab', () => {
  it('restores a lost leading zero without a new tab, and stats still count the candidate', async () => {
    const dir = tempDir();
    const file = await gradedClass(dir, ['2600007919;DUPONT;Marie;12/03/2005']);
    await correctNumbers(join(dir, file), { 2: '02600007919' });
    const run = await runCli(['grilles', file], dir);
    expect(run.out).toContain('0 onglet créé, 1 déjà présent');
    expect(run.out).toContain('Numéro corrigé : DUPONT Marie, 2600007919 → 02600007919');
    expect(await tabs(join(dir, file))).toEqual([{ sheet: 'DUPONT Marie', number: '02600007919', note: 15 }]);
    const stats = await runCli(['stats', file, '-o', 'stats.xlsx'], dir);
    expect(stats.out).toContain('1 inscrit(s), 1 présent(s) noté(s)');
  });

  it('re-links a tab whose number had a typo to the same NOM, Prénom and birth date (exit 1)', async () => {
    const dir = tempDir();
    const file = await gradedClass(dir, [
      '02600007918;DUPONT;Marie;12/03/2005',
      '02600007920;MARTIN;Léa;01/01/2005',
    ]);
    await correctNumbers(join(dir, file), { 2: '02600007919' });
    const run = await runCli(['grilles', file], dir);
    expect(run.code).toBe(1);
    expect(run.out).toContain('0 onglet créé, 2 déjà présents');
    expect(run.out).toContain(
      'Numéro corrigé : DUPONT Marie, 02600007918 → 02600007919 (onglet « DUPONT Marie »',
    );
    expect(run.out).not.toContain("n'a plus de candidat");
    expect(await tabs(join(dir, file))).toEqual([
      { sheet: 'DUPONT Marie', number: '02600007919', note: 15 },
      { sheet: 'MARTIN Léa', number: '02600007920', note: 15 },
    ]);
    // The check agrees with the rerun: one tab per candidate, nothing left unattached.
    const check = await runCli(['controle', file, '--json'], dir);
    const findings = (JSON.parse(check.out) as { findings: Array<{ code: string }> }).findings;
    expect(findings.map((f) => f.code)).not.toContain('roster-no-tab');
    expect(findings.map((f) => f.code)).not.toContain('tab-not-in-roster');
  });

  it('creates no tab and lists the possible tabs when two orphans fit the corrected row (exit 1)', async () => {
    const dir = tempDir();
    const file = await gradedClass(dir, [
      '02600000001;DUPONT;Marie;12/03/2005',
      '02600000002;DUPONT;Marie;12/03/2005',
    ]);
    await correctNumbers(join(dir, file), { 2: '02600000011', 3: '02600000012' });
    const before = await tabs(join(dir, file));
    const run = await runCli(['grilles', file], dir);
    expect(run.code).toBe(1);
    expect(run.out).toContain('0 onglet créé');
    expect(run.err).toContain('« DUPONT Marie » (N° 02600000001)');
    expect(run.err).toContain('« DUPONT Marie 02600000002 » (N° 02600000002)');
    expect(run.err).toContain("Aucun onglet n'est créé ni rattaché pour cette ligne");
    expect(await tabs(join(dir, file))).toEqual(before);
  });

  it('repairs a number Excel stored as a number and names its row; the duplicate check sees the zero', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Classe');
    ws.addRows([
      ['N° candidat', 'Nom', 'Prénom'],
      ['02600000001', 'DUPONT', 'Marie'],
      [2600000002, 'MARTIN', 'Léa'],
      ['02600000003', 'LEROY', 'Inès'],
    ]);
    await wb.xlsx.writeFile(join(dir, 'liste.xlsx'));
    const run = await runCli(['grilles', 'liste.xlsx'], dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain('ligne 3');
    expect(run.err).toContain('2600000002 → 02600000002');
    expect((await tabs(join(dir, 'liste-grilles.xlsx'))).map((t) => t.number)).toEqual([
      '02600000001',
      '02600000002',
      '02600000003',
    ]);

    ws.getCell('A4').value = '02600000002';
    await wb.xlsx.writeFile(join(dir, 'double.xlsx'));
    const twice = await runCli(['grilles', 'double.xlsx'], dir);
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/N° candidat 02600000002 figure 2 fois : lignes 3 et 4/);
  });

  it('controle does not ask for a birth date the list and the tab already have', async () => {
    const dir = tempDir();
    const file = await gradedClass(dir, [
      '02600000001;DUPONT;Marie;12/03/2005',
      '02600000002;DUPONT;Marie;12/03/2005',
    ]);
    await correctNumbers(join(dir, file), { 2: '02600000011', 3: '02600000012' });
    const check = await runCli(['controle', file], dir);
    expect(check.out).toContain('aucun onglet ne porte ce numéro');
    expect(check.out).not.toContain('date de naissance');
  });
});
