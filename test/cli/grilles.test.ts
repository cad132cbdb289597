import { readFileSync, statSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import { join } from 'path';
import { gridMap } from '../../core/grid/map';
import { parseA1 } from '../../core/spec/a1';
import { E4 } from '../../core/referentiel';
import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';
import { openInput, saveAtomic } from '../../xlsx/files';
import { copyFixture, runCli, tempDir } from '../helpers/cli';

async function gridTabs(path: string): Promise<string[]> {
  const { host } = await openInput(path);
  return sheetsOfKind(await scanWorkbook(host), 'grid').map((t) => t.sheet);
}

describe('grilles-e4 grilles', () => {
  it('writes <nom>-grilles.xlsx with one tab per candidate and never changes the roster', async () => {
    const dir = tempDir();
    const input = copyFixture('classe-ndrc2-ccf.xlsx', dir);
    const before = readFileSync(join(dir, input));
    const run = await runCli(['grilles', input], dir);
    expect(run.code).toBe(0);
    expect(run.out).toContain('32 onglets créés');
    expect(readFileSync(join(dir, input))).toEqual(before);
    expect(await gridTabs(join(dir, 'classe-ndrc2-ccf-grilles.xlsx'))).toHaveLength(32);
  });

  it.each([
    ['bad/vide.xlsx', 'aucun candidat'],
    ['bad/sans-en-tete.xlsx', 'N° candidat'],
    ['bad/numeros-en-double.xlsx', '02600007919'],
  ])('refuses %s with exit code 2 and writes nothing', async (fixture, words) => {
    const dir = tempDir();
    const input = copyFixture(fixture, dir);
    const run = await runCli(['grilles', input], dir);
    expect(run.code).toBe(2);
    expect(run.err.toLowerCase()).toContain(words.toLowerCase());
    expect(run.err).toContain("Rien n'a été écrit");
    expect(() => statSync(join(dir, input.replace('.xlsx', '-grilles.xlsx')))).toThrow();
  });

  it('names rows 2 and 4 for the duplicate number', async () => {
    const dir = tempDir();
    const run = await runCli(['grilles', copyFixture('bad/numeros-en-double.xlsx', dir)], dir);
    expect(run.err).toMatch(/lignes 2 et 4/);
  });

  it('turns the formula-injection roster into 5 tabs whose names stay text (exit 0)', async () => {
    const dir = tempDir();
    const run = await runCli(['grilles', copyFixture('bad/injection-formules.csv', dir)], dir);
    expect(run.code).toBe(0);
    const out = join(dir, 'injection-formules-grilles.xlsx');
    const tabs = await gridTabs(out);
    expect(tabs).toHaveLength(5);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const xml = (await Promise.all(sheets.map((f) => zip.file(f)?.async('string')))).join('');
    // Tab names and recap formulas may mention these names; no cell may BE one of them as a formula.
    expect(xml).not.toMatch(/<f>(HYPERLINK|SUM\(1\+1\)|\+?33612345678|-?2\+3)/);
    expect(xml).toContain('-2+3');
  });

  it('on a rerun adds the new candidate in place and keeps what the teacher typed', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'classe.csv'),
      'N° candidat;Nom;Prénom\r\n001;DUPONT;Marie\r\n002;DURAND;Paul\r\n',
    );
    expect((await runCli(['grilles', 'classe.csv'], dir)).code).toBe(0);
    const grids = join(dir, 'classe-grilles.xlsx');
    const map = gridMap(E4, 'ccf');
    const typed = await openInput(grids);
    const at = (ref: string): { r: number; c: number } => parseA1(ref);
    await typed.host.apply({
      templates: {},
      add: [],
      replace: [],
      updates: [
        {
          sheet: 'DUPONT Marie',
          cells: [
            { ...at(map.levels['cibler.1']), value: 'TS' },
            { ...at(map.note), value: 15.5 },
          ],
        },
        {
          sheet: 'Liste',
          cells: [
            { r: 4, c: 1, value: '003' },
            { r: 4, c: 2, value: 'LEROY' },
            { r: 4, c: 3, value: 'Inès' },
          ],
        },
      ],
    });
    await saveAtomic(typed.host, grids);

    const rerun = await runCli(['grilles', 'classe-grilles.xlsx'], dir);
    expect(rerun.code).toBe(0);
    expect(rerun.out).toContain('1 onglet créé, 2 déjà présents');
    const after = await openInput(grids);
    const [level, note] = await after.host.readRanges([
      { sheet: 'DUPONT Marie', range: map.levels['cibler.1'] },
      { sheet: 'DUPONT Marie', range: map.note },
    ]);
    expect(level).toEqual([['TS']]);
    expect(note).toEqual([[15.5]]);
    expect(await gridTabs(grids)).toEqual(['DUPONT Marie', 'DURAND Paul', 'LEROY Inès']);
  });

  it('rewrites in place a workbook holding a chart part, which comes through byte for byte', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'classe.csv'), 'N° candidat;Nom;Prénom\r\n001;DUPONT;Marie\r\n');
    await runCli(['grilles', 'classe.csv'], dir);
    const grids = join(dir, 'classe-grilles.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(grids));
    zip.file(
      'xl/charts/chart1.xml',
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    );
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
      ),
    );
    writeFileSync(grids, await zip.generateAsync({ type: 'uint8array' }));
    const rerun = await runCli(['grilles', 'classe-grilles.xlsx'], dir);
    expect(rerun.code).toBe(0);
    expect(rerun.err).toBe('');
    const chart = await (
      await JSZip.loadAsync(readFileSync(grids))
    )
      .file('xl/charts/chart1.xml')!
      .async('string');
    expect(chart).toBe('<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    expect(await gridTabs(grids)).toEqual(['DUPONT Marie']);
  });

  it('does not overwrite an existing -grilles.xlsx from the roster: it points to the rerun', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'classe.csv'), 'Nom;Prénom\r\nDUPONT;Marie\r\n');
    await runCli(['grilles', 'classe.csv'], dir);
    const again = await runCli(['grilles', 'classe.csv'], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('grilles-e4 grilles');
  });

  it('exits 1 with the warning when a row has no candidate number', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'classe.csv'), 'N° candidat;Nom;Prénom\r\n001;DUPONT;Marie\r\n;DURAND;Paul\r\n');
    const run = await runCli(['grilles', 'classe.csv'], dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/ligne 3/);
  });

  it('explains an unknown form or session in French (exit 2)', async () => {
    const dir = tempDir();
    expect((await runCli(['grilles', 'x.csv', '--forme', 'oral'], dir)).err).toContain(
      '--forme ccf ou --forme ponctuel',
    );
    expect((await runCli(['grilles', 'x.csv', '--session', '1999'], dir)).code).toBe(2);
  });
});
